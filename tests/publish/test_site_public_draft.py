"""The site for the public and the DRAF mark (issue 14, the site).

Real repositories with real signed rounds and an anchor (the workflow fixtures): a build of a
main that verifies from the anchor carries no mark; a round's tip, a main without an anchor,
uncommitted changes to the report and a plain folder all do. ``--public`` leaves out the
authors' guide and the history with names, NIPs and return notes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from publish_helpers import with_report
from workflow_helpers import Office

from pipeline.build import cache_key
from pipeline.render.pages import read_config

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BANNER = 'data-lkjip="draf"'


def _build(office: Office, *args: str) -> str:
    result = office.ok("build", "--no-pdf", "--root", str(office.path), *args)
    return " ".join(result.err.split())


def _pages(site: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in site.glob("*.html")}


def test_draft_mark_until_main_verifies_and_public_site(office: Office, tmp_path: Path) -> None:
    with_report(office, REPO)
    (office.path / ".git/info/exclude").write_text("site/\ndist/\n.lkjip-cache/\n")
    office.git("switch", "-q", office.branch())  # the signed round, not yet merged
    note = _build(office)
    pages = _pages(office.path / "site")
    assert "DRAF" in note and "tidak terverifikasi sebagai main" in note
    assert all(BANNER in html for html in pages.values()), [
        n for n, html in pages.items() if BANNER not in html]

    office.ok("merge", as_="kasubbag")
    office.git("switch", "-q", "main")
    assert "DRAF" not in _build(office)
    pages = _pages(office.path / "site")
    assert not any(BANNER in html for html in pages.values())
    # The office's own build keeps the internal pages.
    assert {"panduan-data.html", "riwayat-penyusunan.html"} <= set(pages)
    history = pages["riwayat-penyusunan.html"]
    assert office.actors["kasubbag"].nip in history

    # What the public sees: the report's pages and the PDF link, nothing internal anywhere.
    assert "DRAF" not in _build(office, "--public")
    site = office.path / "site"
    pages = _pages(site)
    assert "panduan-data.html" not in pages and "riwayat-penyusunan.html" not in pages
    assert {"index.html", "bab-3-akuntabilitas-kinerja.html", "lampiran.html"} <= set(pages)
    everything = "".join(p.read_text(errors="replace") for p in site.rglob("*")
                         if p.is_file() and p.suffix in (".html", ".json", ".js", ".xml"))
    for secret in ("Panduan Format Data", "Riwayat Penyusunan", "riwayat-penyusunan",
                   *(a.nip for a in office.actors.values())):
        assert secret not in everything, secret

    # Main without an anchor: nothing can be verified, so the build is a draft.
    office.git("config", "--unset", "lkjip.anchor")
    note = _build(office)
    assert "jangkar kepercayaan belum diatur" in note
    assert BANNER in (site / "index.html").read_text()
    anchor = office.git("rev-list", "--max-parents=0", "main").stdout.strip()
    office.git("config", "lkjip.anchor", anchor)
    # An edit not committed is not what was approved.
    office.write("content/index.md", (office.path / "content/index.md").read_text() + "\nX\n")
    note = _build(office)
    assert "belum di-commit" in note and "content/index.md" in note
    assert BANNER in (site / "index.html").read_text()
    office.git("checkout", "-q", "--", "content/index.md")
    assert BANNER not in (_build(office) + (site / "index.html").read_text())

    # A plain folder (a copy without Git) is always a draft.
    plain = tmp_path / "salinan"
    for name in ("content", "data"):
        shutil.copytree(office.path / name, plain / name)
    shutil.copy(office.path / "mkdocs.yml", plain / "mkdocs.yml")
    note = " ".join(office.ok("build", "--no-pdf", "--root", str(plain)).err.split())
    assert "bukan salinan kerja Git" in note
    assert BANNER in (plain / "site/index.html").read_text()


def test_public_and_draft_are_part_of_the_cache_key(tmp_path: Path) -> None:
    config = read_config(REPO)
    keys = {cache_key(REPO, config, {}, public=public, draft=draft)
            for public in (False, True) for draft in (False, True)}
    assert len(keys) == 4
