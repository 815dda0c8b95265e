"""Consistency rules: each corruption of a copy gives its problem at the exact file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from check_helpers import REPO, line_of, new_problems, only, replace

from pipeline.check import check_project
from pipeline.errors import Problem

IND = "data/indikator.yaml"
ORG = "data/organisasi.yaml"
REN = "data/renstra.yaml"
PK = "data/perjanjian_kinerja.yaml"
BUD = "data/anggaran.yaml"
SCALE = "data/skala_capaian.yaml"


def test_the_repository_passes() -> None:
    assert check_project(REPO) == []


@dataclass(frozen=True)
class Corruption:
    """Replace the ``occurrence``-th ``old`` by ``new`` in ``file``; the one new data problem
    stands at the replaced line, or at ``at`` = (file, text, occurrence) where given, and its
    message holds every one of ``fragments``."""

    file: str
    old: str
    new: str
    fragments: tuple[str, ...]
    occurrence: int = 1
    at: tuple[str, str, int] | None = None


CORRUPTIONS = [
    pytest.param(Corruption(REN, "kode: T-2", "kode: SS-1", ("kode SS-1 sudah dipakai",)),
                 id="duplicate-code-across-goal-and-objective"),
    pytest.param(Corruption(BUD, 'kode: "6.01.01.2.01.0006"', 'kode: "6.01.01.2.01.0001"',
                            ("kode 6.01.01.2.01.0001 sudah dipakai",)),
                 id="duplicate-budget-code"),
    pytest.param(Corruption(IND, "sasaran: SS-3", "sasaran: SS-9",
                            ("indikator IKU-07 menyebut sasaran SS-9",
                             "sasaran yang ada: SS-1, SS-2, SS-3"), occurrence=2),
                 id="indicator-of-unknown-objective"),
    pytest.param(Corruption(REN, "      - kode: SS-3\n",
                            "      - kode: SS-3\n        uraian: x\n      - kode: SS-4\n",
                            ("sasaran SS-4 belum punya indikator",),
                            at=(REN, "kode: SS-4", 1)),
                 id="objective-without-indicator"),
    pytest.param(Corruption(IND, "2025: 82.46}", "2025: 8246}",
                            ("indikator IKU-04: realisasi 2025 bernilai 8246",
                             "satuan '%' menuntut angka 0 sampai 100")),
                 id="percentage-out-of-range"),
    pytest.param(Corruption(IND, "target_renstra: 3.3", "target_renstra: 33",
                            ("IKU-01: target_renstra bernilai 33", "0 sampai 5")),
                 id="level-out-of-range"),
    pytest.param(Corruption(IND, "2024: 0, 2025: 0}", "2024: 0, 2025: 0.5}",
                            ("IKU-07: realisasi 2025 bernilai 0.5",
                             "bilangan bulat tidak negatif")),
                 id="count-must-be-whole"),
    pytest.param(Corruption(IND, "2025: [63, 66]", "2025: [66, 63]",
                            ("IKU-02: target 2025 berupa rentang [66, 63] yang terbalik",)),
                 id="reversed-range"),
    pytest.param(Corruption(IND, "2024: 3.1, 2025: 3.2, ", "2024: 3.1, ",
                            ("indikator IKU-01 ada di Perjanjian Kinerja 2025 tetapi tidak "
                             "punya target tahun 2025",), at=(PK, "- IKU-01", 1)),
                 id="agreement-indicator-without-target"),
    pytest.param(Corruption(PK, "  - IKU-07\n", "  - IKU-07\n  - IKU-99\n",
                            ("indikator IKU-99 yang tidak ada",), at=(PK, "- IKU-99", 1)),
                 id="agreement-unknown-indicator"),
    pytest.param(Corruption(PK, "  - IKU-07\n", "  - IKU-07\n  - IKU-03\n",
                            ("IKU-03 disebut dua kali",), at=(PK, "- IKU-03", 2)),
                 id="agreement-duplicate"),
    pytest.param(Corruption(PK, "tahun: 2025", "tahun: 2024",
                            ("'tahun' bernilai 2024, padahal tahun laporan",
                             "Perjanjian Kinerja harus untuk tahun laporan")),
                 id="agreement-year-must-be-reporting-year"),
    pytest.param(Corruption(BUD, "tahun: 2025", "tahun: 2026",
                            ("anggaran harus untuk tahun laporan",)),
                 id="budget-year-must-be-reporting-year"),
    pytest.param(Corruption(IND, "2024: 3.05, 2025: 3.18}",
                            "2024: 3.05, 2025: 3.18, 2026: 3.2}",
                            ("IKU-01: ada realisasi tahun 2026, padahal tahun laporan 2025",)),
                 id="realisasi-after-the-reporting-year"),
    pytest.param(Corruption(BUD, "pagu: 48500000", "pagu: 0",
                            ("bernilai 0, padahal harus lebih dari 0",)),
                 id="ceiling-must-be-positive"),
    pytest.param(Corruption(BUD, "realisasi: 46275000", "realisasi: -5",
                            ("'program.0.kegiatan.0.sub_kegiatan.0.realisasi'",
                             "harus berupa angka")),
                 id="spent-must-not-be-negative"),
    pytest.param(Corruption(BUD, "realisasi: 46275000", "realisasi: 48500001",
                            ("realisasi 48500001 melebihi pagu 48500000",)),
                 id="spent-above-ceiling"),
    pytest.param(Corruption(BUD, "sasaran: SS-3", "sasaran: SS-7",
                            ("sub kegiatan 6.01.02.2.02.0003 menyebut sasaran SS-7",)),
                 id="budget-unknown-objective"),
    pytest.param(Corruption(ORG, "tanggal: 2026-02-20", "tanggal: 2026-02-30",
                            ("'penandatanganan.tanggal' bernilai \"2026-02-30\"",)),
                 id="impossible-date"),
    pytest.param(Corruption(SCALE, "batas_bawah: 66", "batas_bawah: 80",
                            ("kategori 'Cukup': batas_bawah 80 harus lebih kecil",)),
                 id="scale-out-of-order"),
    pytest.param(Corruption(SCALE, "    batas_bawah: null", "    batas_bawah: 0",
                            ("kategori terakhir harus null",)),
                 id="scale-last-must-be-null"),
]


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_corruption_gives_one_problem_at_its_line(
        project: Path, before: list[Problem], corruption: Corruption) -> None:
    line = replace(project, corruption.file, corruption.old, corruption.new,
                   occurrence=corruption.occurrence)
    if corruption.at is not None:
        path, text, occurrence = corruption.at
        line = line_of(project, path, text, occurrence=occurrence)
    else:
        path = corruption.file
    # Only the data file's problems: a broken code also breaks the chapters that cite it.
    problem = only([p for p in new_problems(project, before) if p.path.startswith("data/")])
    assert (problem.path, problem.line) == (path, line), problem
    for fragment in corruption.fragments:
        assert fragment in problem.message, problem


def test_duplicate_indicator_code(project: Path, before: list[Problem]) -> None:
    first = line_of(project, IND, "kode: IKU-01")
    line = replace(project, IND, "kode: IKU-02", "kode: IKU-01")
    found = new_problems(project, before)
    assert Problem(IND, line, f"kode IKU-01 sudah dipakai di {IND}:{first}; "
                              "setiap kode harus unik") in found


def test_reporting_year_outside_renstra(project: Path, before: list[Problem]) -> None:
    line = replace(project, REN, "akhir: 2026", "akhir: 2024")
    found = new_problems(project, before)
    assert Problem(ORG, line_of(project, ORG, "tahun_laporan"), (
        "tahun_laporan 2025 di luar periode Renstra 2021\u20132024 (renstra.yaml); "
        "tahun laporan harus di dalam periode Renstra")) in found
    assert line  # the target years 2025 and 2026 are now outside the period too
    assert any("target tahun 2026 di luar periode Renstra" in p.message for p in found)
