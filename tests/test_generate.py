"""The synthetic project of ``benchmarks/generate.py`` is a valid, complete LKjIP project."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate import Size, generate  # noqa: E402

from pipeline.check import check_project  # noqa: E402


def test_a_small_generated_project_passes_the_complete_check(tmp_path: Path) -> None:
    root = generate(tmp_path / "proyek", Size(sasaran=5, indikator=12, sub_kegiatan=9))
    assert check_project(root, complete=True) == []
    bab3 = (root / "content" / "bab-3-akuntabilitas-kinerja.md").read_text()
    assert bab3.count("### Sasaran Strategis") == 5 and bab3.count("#### 7.") == 5


def test_generation_is_deterministic(tmp_path: Path) -> None:
    size = Size(sasaran=2, indikator=4, sub_kegiatan=3)
    first, second = generate(tmp_path / "a", size), generate(tmp_path / "b", size)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files and all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
