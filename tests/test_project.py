"""One :class:`Project` per command: each input read once, each page's macros expanded once.

The commands run for real, in this process (``pipeline.cli.main``) on a copy of the repository's
report; nothing is replaced. What they do is watched from outside:

- every ``open`` of a file, in this process and in the build's forked PDF child, through a
  Python audit hook (so MkDocs' own reads are seen as well as lkjip's);
- how many times the Report is made and a page is parsed or expanded, by counting calls of
  those functions' code objects with ``sys.setprofile``.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType

import pytest

from pipeline import cli
from pipeline.data import load
from pipeline.project import Project
from pipeline.render import macros, pages

REPO = Path(__file__).resolve().parents[1]

# The audit hook stays for the life of the process (Python cannot remove one): it writes only
# while a test has set a log descriptor, with os.write, which is not itself audited.
_LOG_FD: int | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _LOG_FD is not None and isinstance(args[0], str):
        os.write(_LOG_FD, f"{os.getpid()} {args[0]}\n".encode())


sys.addaudithook(_audit)


@contextmanager
def opened_files(log: Path) -> Iterator[Callable[[], list[tuple[int, str]]]]:
    """(pid, path) of every file opened while inside, forked children included."""
    global _LOG_FD
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC, 0o600)
    _LOG_FD = fd
    try:
        yield lambda: [(int(pid), path) for pid, _, path in
                       (line.partition(" ") for line in log.read_text().splitlines())]
    finally:
        _LOG_FD = None
        os.close(fd)


@contextmanager
def calls_of(*functions: Callable) -> Iterator[Counter[str]]:
    """How many times each of ``functions`` is called while inside (this process)."""
    codes: dict[CodeType, str] = {f.__code__: f.__qualname__ for f in functions}
    counted: Counter[str] = Counter()

    def profile(frame: object, event: str, _arg: object) -> None:
        if event == "call" and (name := codes.get(frame.f_code)) is not None:  # type: ignore[attr-defined]
            counted[name] += 1

    sys.setprofile(profile)
    try:
        yield counted
    finally:
        sys.setprofile(None)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "laporan"
    root.mkdir()
    for name in ("content", "data"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _reads(opened: list[tuple[int, str]], folder: Path, suffix: str) -> Counter[str]:
    return Counter(Path(path).relative_to(folder).as_posix() for _, path in opened
                   if path.startswith(f"{folder}/") and path.endswith(suffix))


@pytest.mark.slow
def test_a_build_reads_each_input_once_and_expands_each_page_once(
        copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counted_functions = (load.read_data, load.to_report, pages.read_page, macros.expand_page,
                         macros.expand)
    with opened_files(tmp_path / "opened.log") as opened, \
            calls_of(*counted_functions) as calls:
        code = cli.main(["build", "--force", "--root", str(copy)])
    assert code == 0, capsys.readouterr().err
    files = opened()
    markdown = sorted(p.relative_to(copy / "content").as_posix()
                      for p in (copy / "content").rglob("*.md"))
    data = sorted(p.name for p in (copy / "data").glob("*.yaml"))
    assert len(markdown) >= 8 and len(data) >= 4

    # The Report is made once, every page is parsed once and expanded once (site and PDF).
    assert calls["read_data"] == 1 and calls["to_report"] == 1, calls
    assert calls["read_page"] == len(markdown), calls
    assert calls["expand_page"] == len(markdown) and calls["expand"] == 0, calls

    # Opened once each, by the Project: MkDocs opens none of them and the PDF child opens none
    # (it inherits the Project as it is). The build cache's key is hashed from the same files
    # by libgit2 (git's object ids), which an audit hook does not see.
    assert _reads(files, copy / "content", ".md") == Counter({m: 1 for m in markdown})
    assert _reads(files, copy / "data", ".yaml") == Counter({d: 1 for d in data})
    child = [path for pid, path in files if pid != os.getpid()]
    assert child, "the PDF is laid out in a child process"
    assert not [p for p in child if p.startswith(str(copy)) and
                p.endswith((".md", ".yaml", ".yml"))], child  # images are fetched, as they must


def test_a_project_reads_on_first_use_and_once(copy: Path, tmp_path: Path) -> None:
    project = Project(copy)
    with opened_files(tmp_path / "opened.log") as opened, \
            calls_of(load.to_report, pages.read_page, macros.expand_page) as calls:
        assert project.config["docs_dir"] == "content"
        assert not _reads(opened(), copy / "content", ".md")  # nothing read before it is used
        for _ in range(2):
            assert project.report.year == 2025
            page = project.pages[0]
            assert project.expansion(page) is project.expansion(page)
            assert project.problems() == []
    assert calls["to_report"] == 1
    assert calls["read_page"] == len(project.files)
    assert calls["expand_page"] == len(project.files)
    assert set(_reads(opened(), copy / "content", ".md").values()) == {1}


def test_a_project_with_another_report_expands_again(copy: Path) -> None:
    from dataclasses import replace

    project = Project(copy)
    page = next(p for p in project.pages if "{{" in p.body)
    first = project.expansion(page)
    other = project.with_report(replace(project.report, year=2030))
    assert other.files is project.files  # the pages are not read again
    assert other.expansion(page) is not first  # but nothing is expanded with the old Report


def test_check_reads_each_input_once(copy: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with opened_files(tmp_path / "opened.log") as opened, \
            calls_of(load.to_report, load.read_data) as calls:
        code = cli.main(["check", "--lengkap", "--root", str(copy)])
    assert code in (0, 1), capsys.readouterr().err
    files = opened()
    markdown = [p.relative_to(copy / "content").as_posix()
                for p in (copy / "content").rglob("*.md")]
    assert _reads(files, copy / "content", ".md") == Counter({m: 1 for m in markdown})
    assert set(_reads(files, copy / "data", ".yaml").values()) == {1}
    assert _reads(files, copy, "mkdocs.yml") == Counter({"mkdocs.yml": 1})
    assert calls["read_data"] == 1 and calls["to_report"] == 1, calls
