"""Untrusted revisions are rendered, never obeyed (issue 11).

Each reproduction of the attack report is run through the real commands: ``lkjip check``,
``lkjip diff``, the review page, ``lkjip build`` (the history page of a main whose round
branches were fetched from a bare repository with the hook installed), and ``lkjip status``.
What must not happen is looked for where it would show: a marker file a command would have
created, a secret string in site/, in the redline, in the PDF's text or its attachments.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from review_helpers import PROJECT, REPORT_FILES, RETURN_NOTE, ReportOffice
from server_helpers import request, review_server
from workflow_helpers import git

from pipeline.review.history import history_markdown
from pipeline.review.isolation import Limits, render_revision
from pipeline.review.snapshot import Revision
from pipeline.workflow.status import read_cycle

SECRET = "RAHASIA-KUNCI-PRIBADI-4242"
CHAPTER = "content/bab-1-pendahuluan.md"


def _hostile_config(marker: Path) -> str:
    """The repository's mkdocs.yml plus code execution, a Python hook and a file-reading
    extension, each the way the attack report wrote it."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    return text.replace("markdown_extensions:\n", (
        "hooks:\n  - jahat.py\n"
        "markdown_extensions:\n"
        f'  - subprocess:Popen: {{args: [sh, -c, "id > {marker}"]}}\n'
        "  - pymdownx.snippets: {base_path: ['/']}\n"), 1)


def _hostile_chapter(secret_file: Path) -> str:
    return (
        "\n\n<img src=x onerror=\"document.title='PWNED'\">\n\n"
        "<script>document.title='PWNED'</script>\n\n"
        "<style>button, body { display: none }</style>\n\n"
        f'<a rel="attachment" href="file://{secret_file}">lampiran</a>\n\n'
        f'<img src="file://{secret_file}">\n\n'
        "Paragraf biasa\n{: onclick=\"document.title='PWNED'\" }\n"
    )


def _project_copy(tmp_path: Path) -> Path:
    """The repository's report (content/, data/, mkdocs.yml) in a folder of its own."""
    root = tmp_path / "proyek"
    root.mkdir()
    for name in REPORT_FILES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return root


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "id_ed25519"
    path.write_text(f"-----BEGIN OPENSSH PRIVATE KEY-----\n{SECRET}\n")
    return path


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "DIJALANKAN"


def _article(page: str) -> str:
    """The page's content, without the theme's own scripts around it."""
    start = page.index('<article class="md-content__inner')
    return page[start:page.index("</article>", start)]


def _no_trace(marker: Path, *texts: str) -> None:
    assert not marker.exists(), "a command from the revision ran"
    for text in texts:
        assert SECRET not in text
        assert "onerror=" not in text and "<script" not in text and "PWNED" not in text


# --- lkjip check ----------------------------------------------------------------------------


def test_check_names_every_hostile_setting_and_tag_with_file_and_line(
        tmp_path: Path, secret_file: Path, marker: Path) -> None:
    root = _project_copy(tmp_path)
    (root / "mkdocs.yml").write_text(_hostile_config(marker), encoding="utf-8")
    with (root / CHAPTER).open("a", encoding="utf-8") as out:
        out.write(_hostile_chapter(secret_file))
    (root / "content" / "kunci.md").symlink_to(secret_file)
    (root / "data" / "rahasia.yaml").symlink_to("/proc/self/environ")
    result = subprocess.run([sys.executable, "-m", "pipeline", "check", "--lengkap"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    config = (root / "mkdocs.yml").read_text().splitlines()
    line = {key: next(i for i, t in enumerate(config, 1) if key in t)
            for key in ("hooks:", "subprocess:Popen", "pymdownx.snippets")}
    assert f"mkdocs.yml:{line['hooks:']}: pengaturan 'hooks' tidak diizinkan" in out
    assert f"mkdocs.yml:{line['subprocess:Popen']}: ekstensi Markdown 'subprocess:Popen'" in out
    assert f"mkdocs.yml:{line['pymdownx.snippets']}: ekstensi Markdown 'pymdownx.snippets'" \
        in out
    chapter = (root / CHAPTER).read_text().splitlines()
    where = {key: next(i for i, t in enumerate(chapter, 1) if key in t)
             for key in ("onerror", "<script>", "<style>", 'rel="attachment"',
                         '<img src="file:', "onclick")}
    expected = {
        "onerror": "atribut 'onerror' pada <img> menjalankan skrip",
        "<script>": "tag HTML <script> tidak diizinkan",
        "<style>": "tag HTML <style> tidak diizinkan",
        'rel="attachment"': 'rel="attachment" tidak diizinkan',
        '<img src="file:': "membaca berkas dari komputer",
        "onclick": "atribut 'onclick' dalam {: ... }",
    }
    for key, text in expected.items():
        assert f"{CHAPTER}:{where[key]}: " in out and text in out, (key, out)
    assert "content/kunci.md: tautan simbolik tidak diizinkan" in out
    assert "data/rahasia.yaml: tautan simbolik tidak diizinkan" in out
    assert not marker.exists()


def test_build_refuses_hostile_config_and_symlinks_and_leaves_the_outputs(
        tmp_path: Path, secret_file: Path, marker: Path) -> None:
    root = _project_copy(tmp_path)
    (root / "jahat.py").write_text(f"open({str(marker)!r}, 'w').write('hook')\n")

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipeline", "build", "--no-pdf"],
                              cwd=root, capture_output=True, text=True, timeout=300)

    good = build()
    assert good.returncode == 0, good.stderr
    before = (root / "site" / "index.html").read_bytes()
    (root / "mkdocs.yml").write_text(_hostile_config(marker), encoding="utf-8")
    refused = build()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "mkdocs.yml:" in refused.stderr and "'hooks' tidak diizinkan" in refused.stderr
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "kunci.md").symlink_to(secret_file)
    refused = build()
    assert refused.returncode == 1 and "content/kunci.md: tautan simbolik" in refused.stderr
    assert (root / "site" / "index.html").read_bytes() == before  # outputs left as they were
    assert not marker.exists()
    assert SECRET not in "".join(p.read_text(errors="replace")
                                 for p in (root / "site").rglob("*.html"))


@pytest.mark.slow
def test_built_site_and_pdf_carry_no_script_and_no_local_file(
        tmp_path: Path, secret_file: Path) -> None:
    """Raw HTML an author (or an outsider's merged branch) wrote: the site keeps no script and
    no handler, the PDF embeds and shows no local file, in text or attachments."""
    root = _project_copy(tmp_path)
    with (root / CHAPTER).open("a", encoding="utf-8") as out:
        out.write(_hostile_chapter(secret_file))
    result = subprocess.run([sys.executable, "-m", "pipeline", "build"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    page = _article((root / "site" / "bab-1-pendahuluan.html").read_text(encoding="utf-8"))
    assert "Paragraf biasa" in page
    _no_trace(root / "tidak-ada", page)
    assert "<style>button" not in page and 'rel="attachment"' not in page
    reader = PdfReader(root / "dist" / "lkjip-2025.pdf")
    text = "".join(p.extract_text() or "" for p in reader.pages)
    assert "Paragraf biasa" in text and SECRET not in text
    assert not reader.attachments  # nothing embedded from a chapter
    assert SECRET.encode() not in (root / "dist" / "lkjip-2025.pdf").read_bytes()


# --- rounds: diff, review page, a main build with the branches fetched ----------------------


def _hostile_rounds(ro: ReportOffice, marker: Path, secret_file: Path) -> None:
    """Round 1 (clean) returned; round 2 with hostile content and a hostile mkdocs.yml,
    submitted by a staf member who skipped ``lkjip check`` (signed hand-off, so valid)."""
    office = ro.office
    office.ok("submit", as_="staf")
    office.ok("return", "--note", RETURN_NOTE, as_="kasubbag")
    office.git("switch", "-q", "draft/lkjip")
    office.write("mkdocs.yml", _hostile_config(marker))
    office.write("jahat.py", f"open({str(marker)!r}, 'w').write('hook')\n")
    with (ro.path / CHAPTER).open("a", encoding="utf-8") as out:
        out.write(_hostile_chapter(secret_file))
    os.symlink(secret_file, ro.path / "content" / "kunci.md")
    office.git("add", "-A")
    office.git("commit", "-q", "-m", "perbaikan")
    office.ok("submit", as_="staf")
    assert office.branch() == "review/2025/2"


def test_diff_refuses_a_hostile_config_and_cleans_hostile_content(
        report_office: ReportOffice, marker: Path, secret_file: Path) -> None:
    office = report_office.office
    _hostile_rounds(report_office, marker, secret_file)
    refused = office.lkjip("diff", "main", "review/2025/2")
    assert refused.rc == 1, refused
    assert "mkdocs.yml:" in refused.err and "subprocess:Popen" in refused.err
    assert "Traceback" not in refused.err
    assert not marker.exists()
    # The same content under main's configuration: rendered, cleaned.
    office.git("switch", "-q", "-c", "draft/tanpa-config", "review/2025/2")
    office.git("checkout", "-q", "main", "--", "mkdocs.yml")
    office.git("commit", "-q", "-m", "tanpa mkdocs.yml jahat")
    out = office.path / "redline.html"
    done = office.ok("diff", "main", "draft/tanpa-config", "--out", str(out))
    page = out.read_text(encoding="utf-8")
    assert "Paragraf biasa" in page and "Content-Security-Policy" in page
    _no_trace(marker, page, done.out)


def test_review_page_shows_the_refusal_and_runs_nothing(
        report_office: ReportOffice, marker: Path, secret_file: Path) -> None:
    office = report_office.office
    _hostile_rounds(report_office, marker, secret_file)
    with review_server(report_office.path, office.actors["kasubbag"].key) as server:
        page = request(server)
    assert page.status == 200
    assert "mkdocs.yml:" in page.text and "tidak dapat dirender" in page.text
    assert 'id="paraf"' in page.text  # the decision is still there, the chain is shown
    _no_trace(marker, page.text)


def test_a_malformed_or_exploding_config_is_a_message(report_office: ReportOffice) -> None:
    office = report_office.office
    office.write("mkdocs.yml", "site_name: [tidak ditutup\n")
    office.git("commit", "-qam", "rusak")
    broken = office.lkjip("diff", "main", "draft/lkjip")
    assert broken.rc == 1 and "mkdocs.yml:1" in broken.err and "Traceback" not in broken.err
    bomb = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)])
    office.write("mkdocs.yml", bomb + "\nnav:\n  - Bom: *a8\n")
    office.git("commit", "-qam", "bom")
    started = time.monotonic()
    exploded = office.lkjip("diff", "main", "draft/lkjip")
    assert time.monotonic() - started < 60
    assert exploded.rc == 1 and "mkdocs.yml:1: " in exploded.err, exploded.err
    assert "lebih dari 5000 nilai" in exploded.err and "tidak dikenal" not in exploded.err


@pytest.mark.slow
def test_main_build_with_hostile_round_fetched_through_the_hook(
        report_office: ReportOffice, marker: Path, secret_file: Path, tmp_path: Path) -> None:
    office = report_office.office
    _hostile_rounds(report_office, marker, secret_file)
    bare = tmp_path / "server" / "lkjip.git"
    bare.parent.mkdir()
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    office.git("push", "-q", str(bare), "main")
    office.ok("hook", "install", str(bare))
    for branch in ("review/2025/1", "review/2025/2"):  # one at a time: each the next free n
        pushed = office.git("push", str(bare), branch, check=False)
        assert pushed.returncode == 0, pushed.stderr  # signed hand-offs by a staf: accepted
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "-q", str(bare), str(clone))
    git(clone, "fetch", "-q", "origin", "+refs/heads/review/*:refs/remotes/origin/review/*")
    result = subprocess.run([sys.executable, "-m", "pipeline", "build", "--no-pdf"],
                            cwd=clone, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    history = (clone / "site" / "riwayat-penyusunan.html").read_text(encoding="utf-8")
    redline = clone / "site" / "redline" / "2025-1-2025-2.html"
    assert redline.is_file(), history  # rendered, with main's mkdocs.yml
    page = redline.read_text(encoding="utf-8")
    assert "Paragraf biasa" in page
    everything = "".join(p.read_text(errors="replace") for p in (clone / "site").rglob("*.html"))
    _no_trace(marker, page, _article(history))
    assert SECRET not in everything


def test_isolated_render_stops_at_its_time_limit(report_office: ReportOffice) -> None:
    repo = report_office.office.repo
    revision = Revision("main", str(repo.revparse_single("main").id))
    rendered = render_revision(repo, revision, limits=Limits(seconds=0.05))
    assert rendered.version is None and "dihentikan" in rendered.error
    assert render_revision(repo, revision).version is not None


def test_isolated_child_sees_no_agent_and_no_home(report_office: ReportOffice,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """What the child is given: no SSH agent variable, a HOME of its own (checked through
    the environment the worker would see, with a revision whose data names it)."""
    from pipeline.review import isolation

    monkeypatch.setenv("SSH_AUTH_SOCK", "/tmp/agen.sock")
    monkeypatch.setenv("LKJIP_TTE_PASSWORD", "rahasia")
    env = isolation._child_env(Path("/tmp/rumah-anak"))
    assert "SSH_AUTH_SOCK" not in env and "LKJIP_TTE_PASSWORD" not in env
    assert env["HOME"] == "/tmp/rumah-anak"
    if isolation.bwrap():
        command = isolation._sandbox(["true"], Path("/tmp/kerja"))
        assert "--unshare-net" in command and command[command.index("--tmpfs") + 1] == "/tmp"


# --- text from commits ---------------------------------------------------------------------


def test_html_and_escape_sequences_in_a_note_stay_text(report_office: ReportOffice) -> None:
    office = report_office.office
    office.ok("submit", as_="staf")
    note = "Perbaiki <img src=x onerror=alert(1)> \x1b]0;dibajak\x07\x1b[2J{{ tahun }}"
    office.ok("return", "--note", note, as_="kasubbag")
    status = office.lkjip("status")
    assert "\x1b" not in status.out + status.err and "\x07" not in status.out
    page = history_markdown(read_cycle(office.repo))
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "\x1b" not in page

