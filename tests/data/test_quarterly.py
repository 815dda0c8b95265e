"""``lkjip check`` on triwulan data: a year that disagrees with its quarters is a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import replace

from pipeline.check import check_project
from pipeline.data.load import load_report


def test_example_data_carries_quarters_and_passes(project: Path) -> None:
    report = load_report(project)
    assert report.indicator("IKU-03").actual(2025) == 3  # written, equal to triwulan IV
    assert report.indicator("IKU-06").actual(2025) == pytest.approx(85.71)  # rata_rata
    assert check_project(project) == []


def test_year_disagreeing_with_its_quarters(project: Path) -> None:
    line = replace(project, "data/indikator.yaml", "2024: 94.12}", "2024: 94.12, 2025: 90}")
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"data/indikator.yaml:{line}: realisasi IKU-06 tahun 2025 tertulis 90")
               and "rata-rata empat triwulan" in p and "85,71" in p for p in problems), problems
    replace(project, "data/indikator.yaml", "2024: 94.12, 2025: 90}", "2024: 94.12, 2025: 85.71}")
    assert check_project(project) == []


def test_quarters_without_a_rule_are_refused(project: Path) -> None:
    replace(project, "data/indikator.yaml", "    agregasi_triwulan: jumlah\n", "")
    problems = [str(p) for p in check_project(project)]
    assert any("wajib menyebut 'agregasi_triwulan'" in p for p in problems), problems


def test_budget_plan_may_not_exceed_the_ceiling(project: Path) -> None:
    line = replace(project, "data/anggaran.yaml", "122300000]", "122300001]")
    problems = [str(p) for p in check_project(project)]
    assert problems == [f"data/anggaran.yaml:{line}: target_triwulan 6.01.02.2.01.0001 "
                        "berjumlah 412.300.001, melebihi pagunya 412.300.000"]


def test_budget_quarters_must_add_up(project: Path) -> None:
    line = replace(project, "data/anggaran.yaml", "realisasi: 398760450", "realisasi: 398760451")
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"data/anggaran.yaml:{line}: realisasi anggaran 6.01.02.2.01.0001")
               for p in problems), problems
