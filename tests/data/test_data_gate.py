"""One gate for data: what ``lkjip check`` rejects in data/, loading the report refuses too,
in the same words (the build, the release, the MkDocs plugin and the redline all load it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import replace

from pipeline.check import check_project
from pipeline.data.load import DataError, load_report, read_data

IND = "data/indikator.yaml"
CASES = {
    "backwards range": ("2023: 80, 2024: 82, 2025: 85,", "2023: 80, 2024: 82, 2025: [90, 80],"),
    "percentage over 100": ("2024: 80.85, 2025: 82.46}", "2024: 80.85, 2025: 905}"),
    "string for a number": ("2024: 80.85, 2025: 82.46}", "2024: 80.85, 2025: delapan}"),
    "spent above ceiling": ("realisasi: 205388700", "realisasi: 99205388700"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_load_report_refuses_what_check_rejects(project: Path, case: str) -> None:
    old, new = CASES[case]
    rel = IND if case != "spent above ceiling" else "data/anggaran.yaml"
    line = replace(project, rel, old, new)
    data_problems = [p for p in check_project(project) if p.path.startswith("data/")]
    assert data_problems and any(p.path == rel and p.line == line for p in data_problems)
    with pytest.raises(DataError) as caught:
        load_report(project)
    assert caught.value.problems == read_data(project)[1]
    assert sorted(map(str, caught.value.problems)) == sorted(map(str, data_problems))
    for problem in data_problems[:10]:
        assert str(problem) in caught.value.message


def test_clean_data_passes_the_gate(project: Path) -> None:
    assert read_data(project)[1] == []
    assert load_report(project).year == 2025
