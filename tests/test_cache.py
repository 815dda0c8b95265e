"""The build cache and atomic outputs: reuse when nothing changed, rebuild otherwise, never
serve a damaged output, never leave a half-published one.

Real builds cost ~6 s each, so there are three: one session build that the other tests copy,
a rebuild after a YAML change, and a rebuild after the PDF was damaged. Interruptions are
simulated with the expensive steps replaced, since only the staging and publishing matter.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline import build as building
from pipeline import cache, cli
from pipeline.messages import build as msg
from pipeline.render import pages

REPO = Path(__file__).resolve().parents[1]
PDF = Path("dist/lkjip-2025.pdf")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _key(root: Path) -> str:
    # A folder without Git: lkjip build marks it DRAF (pipeline.commands.build), so do the tests.
    return building.cache_key(root, pages.read_config(root), {}, draft=True)


def _outputs(root: Path) -> dict[str, tuple[int, str]]:
    return cache.describe_outputs(root, "site", PDF.as_posix())


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


# --- without building --------------------------------------------------------------------

def test_input_key_is_the_git_tree_id(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "a.yaml").write_text("a: 1\n")
    (folder / "sub.md").write_text("# x\n")  # sorts between "sub" the tree and "sub/"
    (folder / "sub" / "deeper" / "b.md").write_text("b\n")
    (folder / "run.sh").write_text("#!/bin/sh\n")
    (folder / "run.sh").chmod(0o755)
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    expected = subprocess.run(["git", "write-tree"], cwd=folder, check=True,
                              capture_output=True, text=True).stdout.strip()
    assert cache.folder_tree(folder) == expected  # .git itself is a dot folder: skipped


def test_leftovers_of_a_killed_build_are_cleaned_and_site_put_back(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    (tmp_path / f".site-{dead}-abc").mkdir()
    (tmp_path / f".site-old-{dead}").mkdir()  # killed between the two renames: no site/
    (tmp_path / f".site-old-{dead}" / "index.html").write_text("lama")
    (tmp_path / f".site-{alive}-mine").mkdir()  # a build still running: left alone
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / f".lkjip-2025.pdf.{dead}.staged").write_bytes(b"%PDF")
    (tmp_path / "dist" / f"..lkjip-2025.pdf.{dead}.staged.{dead}.tmp").write_bytes(b"%P")

    building.clean_leftovers(tmp_path)

    assert (tmp_path / "site" / "index.html").read_text() == "lama"
    assert sorted(p.name for p in tmp_path.glob(".site-*")) == [f".site-{alive}-mine"]
    assert list((tmp_path / "dist").iterdir()) == []


# --- with a real build -------------------------------------------------------------------

@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache") / "repo"
    root.mkdir()
    for name in ("content", "data"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = building.build(root, environ={}, draft=True)
    assert not result.cached and result.pdf == root / PDF
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    return root


@pytest.mark.slow
def test_nothing_changed_reuses_the_outputs_untouched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.stat().st_mtime_ns for p in (project / PDF, project / "site" / "index.html")}
    outputs = _outputs(project)

    assert cli.main(["build", "--root", str(project)]) == 0

    out = capsys.readouterr().out
    pages_now = len(PdfReader(project / PDF).pages)  # the count the cache remembered
    assert msg.DONE_CACHED in out and f"({pages_now} halaman)" in out
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert _outputs(project) == outputs


@pytest.mark.slow
def test_one_yaml_value_changed_rebuilds_with_one_layout(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.render import pdf_parts

    counter = project.parent / "layouts.txt"  # the PDF is laid out in forked children
    real_layout = pdf_parts.layout

    def counted(*args: object, **kwargs: object) -> object:
        with counter.open("a") as out:
            out.write("1")
        return real_layout(*args, **kwargs)

    monkeypatch.setattr(pdf_parts, "layout", counted)
    data = project / "data" / "indikator.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: 3.04}"),
                    encoding="utf-8")

    result = building.build(project, environ={}, draft=True)

    layouts = counter.read_text()
    # Laid out once, in its pieces (pdf_parts.py): the earlier and the later chapters, the
    # front matter before, in and after the tables of contents, and the tables of contents
    # once more with their page numbers.
    assert not result.cached and layouts == "111111"
    pdf_text = subprocess.run(["pdftotext", "-layout", str(project / PDF), "-"], check=True,
                              capture_output=True, text=True).stdout
    row = next(line for line in pdf_text.splitlines() if "IKU-01" in line and "%" in line)
    assert "95,00%" in row and "99,38%" not in row
    # and the new outputs are remembered
    assert building.build(project, environ={}, draft=True).cached


@pytest.mark.slow
def test_a_damaged_pdf_is_rebuilt_not_served(built: Path, project: Path) -> None:
    pdf = project / PDF
    damaged = bytearray(pdf.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    pdf.write_bytes(bytes(damaged))

    result = building.build(project, environ={}, draft=True)

    assert not result.cached
    assert _digest(pdf) == _digest(built / PDF)  # the same bytes as a clean build


def _damage(root: Path, how: str) -> None:
    manifest = root / cache.CACHE_DIR / cache.MANIFEST
    if how == "pdf-bytes":
        data = bytearray((root / PDF).read_bytes())
        data[100] ^= 0x01
        (root / PDF).write_bytes(bytes(data))
    elif how == "site-file-deleted":
        (root / "site" / "bab-1-pendahuluan.html").unlink()
    elif how == "site-file-added":
        (root / "site" / "extra.html").write_text("?")
    elif how == "site-file-edited":
        page = root / "site" / "index.html"
        page.write_text(page.read_text().replace("Landak", "Lndak", 1))
    elif how == "manifest-truncated":
        manifest.write_bytes(manifest.read_bytes()[:-40])
    elif how == "manifest-missing":
        manifest.unlink()
    elif how == "manifest-garbage":
        manifest.write_bytes(b"\x00\xff{not json")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["pdf-bytes", "site-file-deleted", "site-file-added",
                                 "site-file-edited", "manifest-truncated", "manifest-missing",
                                 "manifest-garbage"])
def test_damaged_outputs_or_manifest_are_a_miss(project: Path, how: str) -> None:
    key = _key(project)
    assert cache.lookup(project, key) is not None
    _damage(project, how)
    assert cache.lookup(project, key) is None


@pytest.mark.slow
def test_any_input_change_changes_the_key(project: Path) -> None:
    key = _key(project)
    assert building.cache_key(project, pages.read_config(project),
                              {"SOURCE_DATE_EPOCH": "1700000000"}) != key
    page = project / "content" / "bab-4-penutup.md"
    page.write_text(page.read_text() + "\nTambahan.\n")
    assert _key(project) != key
    (project / "content" / ".bab-4-penutup.md.swp").write_text("editor")
    changed = _key(project)
    assert _key(project) == changed  # dot files (editor swap files) are not inputs


def test_a_font_installed_or_a_history_branch_moved_changes_the_key(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    key = _key(project)
    (tmp_path / "cache" / "fontconfig").mkdir(parents=True)
    (tmp_path / "cache" / "fontconfig" / "abc-le64.cache-9").write_bytes(b"fc-cache")
    assert _key(project) != key  # what fc-cache writes when a font is installed
    key = _key(project)
    pages_a = building.SitePages("refs/heads/main 1", dict)
    pages_b = building.SitePages("refs/heads/main 2", dict)
    config = pages.read_config(project)
    with_a = building.cache_key(project, config, {}, pages_a)
    assert with_a not in (key, building.cache_key(project, config, {}, pages_b))


def _fake_pdf(_project: object, target: Path, *_args: object, **_kwargs: object) -> None:
    target.write_bytes(b"%PDF-1.7 new")


@pytest.mark.slow
def test_interrupted_while_staging_leaves_the_previous_outputs(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _outputs(project)
    page = project / "content" / "bab-4-penutup.md"
    page.write_text(page.read_text() + "\nTambahan.\n")

    def interrupted(*_args: object, **_kwargs: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(building, "_build_pdf", _fake_pdf)
    monkeypatch.setattr(building, "_build_site", interrupted)
    with pytest.raises(KeyboardInterrupt):
        building.build(project, environ={}, draft=True)

    assert _outputs(project) == before
    assert not list(project.glob(".site-*")) and not list((project / "dist").glob(".*"))
    assert cache.lookup(project, _key(project)) is None  # the new inputs were never built


@pytest.mark.slow
def test_interrupted_while_publishing_is_never_taken_for_a_complete_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_key = _key(project)
    site_before = _digest(project / "site" / "index.html")

    def site(_project: object, target: Path, _pdf: Path | None, _extra: object,
             **_kwargs: object) -> list[str]:
        (target / "index.html").write_text("baru")
        return []

    def swap(_new: Path, _final: Path) -> None:
        raise KeyboardInterrupt  # the PDF is already in place, site/ not yet

    monkeypatch.setattr(building, "_build_pdf", _fake_pdf)
    monkeypatch.setattr(building, "_build_site", site)
    monkeypatch.setattr(building, "_swap_dir", swap)
    with pytest.raises(KeyboardInterrupt):
        building.build(project, environ={}, draft=True, force=True)

    assert (project / PDF).read_bytes() == b"%PDF-1.7 new"
    assert _digest(project / "site" / "index.html") == site_before
    assert cache.lookup(project, old_key) is None  # a mixed state is never served
