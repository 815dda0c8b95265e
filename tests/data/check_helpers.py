"""Helpers for the ``lkjip check`` tests: a copy of the repository to corrupt, and diffs."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from pipeline.check import check_project
from pipeline.errors import Problem
from pipeline.messages.content import ANALYSES

REPO = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("data", "content", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """A copy of the repository's project files (whatever content exists right now)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    (target / "content").mkdir(exist_ok=True)
    return target


def line_of(root: Path, rel: str, text: str, occurrence: int = 1) -> int:
    """The 1-based line where ``text`` starts (its ``occurrence``-th appearance)."""
    content = (root / rel).read_text("utf-8")
    at = -1
    for _ in range(occurrence):
        at = content.index(text, at + 1)
    return content.count("\n", 0, at) + 1


def replace(root: Path, rel: str, old: str, new: str, occurrence: int = 1) -> int:
    """Replace the ``occurrence``-th ``old`` in ``rel`` by ``new``; return its line."""
    file = root / rel
    content = file.read_text("utf-8")
    line = line_of(root, rel, old, occurrence)
    at = -1
    for _ in range(occurrence):
        at = content.index(old, at + 1)
    file.write_text(content[:at] + new + content[at + len(old):], "utf-8")
    return line


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def new_problems(root: Path, before: list[Problem], *, complete: bool = False) -> list[Problem]:
    """Problems of ``root`` now that were not in ``before``; the check must change nothing."""
    files = snapshot(root)
    after = check_project(root, complete=complete)
    assert snapshot(root) == files, "lkjip check changed a file"
    return [p for p in after if p not in before]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def _indicators_of(objective: str) -> list[str]:
    """The repository's indicators of ``objective`` (data/indikator.yaml)."""
    data = yaml.safe_load((REPO / "data" / "indikator.yaml").read_text("utf-8"))
    return [i["kode"] for i in data["indikator"] if i["sasaran"] == objective]


def complete_chapter(objectives: list[str]) -> str:
    """A Bab III with the seven analyses for each of ``objectives``, as the spec lays it out;
    analysis 1 discusses every indicator of the sasaran (the repository's data)."""
    lines = ["# BAB III AKUNTABILITAS KINERJA", "", "## A. Capaian Kinerja Organisasi", ""]
    for n, code in enumerate(objectives, start=1):
        lines += [f"### Sasaran Strategis {n} ({code}): {{{{ uraian {code} }}}}", ""]
        for number, name in ANALYSES.items():
            text = f"Analisis {number} untuk {code}."
            if number == 1:
                text += "".join(f" Realisasi {{{{ realisasi {i} }}}}."
                                for i in _indicators_of(code))
            lines += [f"#### {number}. {name}", "", text, ""]
    lines += ["## B. Realisasi Anggaran", "", "{{ tabel_anggaran }}", ""]
    return "\n".join(lines)
