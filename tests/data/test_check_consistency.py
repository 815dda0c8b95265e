"""Consistency rules: each corruption of a copy gives its problem at the exact file and line."""

from __future__ import annotations

from pathlib import Path

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


def _one(project: Path, before: list[Problem], path: str, line: int, *fragments: str) -> None:
    # Only the data file's problems: a broken code also breaks the chapters that cite it.
    problem = only([p for p in new_problems(project, before) if p.path.startswith("data/")])
    assert (problem.path, problem.line) == (path, line), problem
    for fragment in fragments:
        assert fragment in problem.message, problem


def test_duplicate_indicator_code(project: Path, before: list[Problem]) -> None:
    first = line_of(project, IND, "kode: IKU-01")
    line = replace(project, IND, "kode: IKU-02", "kode: IKU-01")
    found = new_problems(project, before)
    assert Problem(IND, line, f"kode IKU-01 sudah dipakai di {IND}:{first}; "
                              "setiap kode harus unik") in found


def test_duplicate_code_across_goal_and_objective(project: Path, before: list[Problem]) -> None:
    line = replace(project, REN, "kode: T-2", "kode: SS-1")
    _one(project, before, REN, line, "kode SS-1 sudah dipakai")


def test_duplicate_budget_code(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, 'kode: "6.01.01.2.01.0006"', 'kode: "6.01.01.2.01.0001"')
    _one(project, before, BUD, line, "kode 6.01.01.2.01.0001 sudah dipakai")


def test_indicator_of_unknown_objective(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "sasaran: SS-3", "sasaran: SS-9", occurrence=2)
    _one(project, before, IND, line, "indikator IKU-07 menyebut sasaran SS-9",
         "sasaran yang ada: SS-1, SS-2, SS-3")


def test_objective_without_indicator(project: Path, before: list[Problem]) -> None:
    replace(project, REN, "      - kode: SS-3\n", "      - kode: SS-3\n        uraian: x\n"
            "      - kode: SS-4\n")
    _one(project, before, REN, line_of(project, REN, "kode: SS-4"),
         "sasaran SS-4 belum punya indikator")


def test_percentage_out_of_range(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2025: 82.46}", "2025: 8246}")
    _one(project, before, IND, line, "indikator IKU-04: realisasi 2025 bernilai 8246",
         "satuan '%' menuntut angka 0 sampai 100")


def test_level_out_of_range(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "target_renstra: 3.3", "target_renstra: 33")
    _one(project, before, IND, line, "IKU-01: target_renstra bernilai 33", "0 sampai 5")


def test_count_must_be_whole(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2024: 0, 2025: 0}", "2024: 0, 2025: 0.5}")
    _one(project, before, IND, line, "IKU-07: realisasi 2025 bernilai 0.5",
         "bilangan bulat tidak negatif")


def test_reversed_range(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2025: [63, 66]", "2025: [66, 63]")
    _one(project, before, IND, line, "IKU-02: target 2025 berupa rentang [66, 63] yang terbalik")


def test_agreement_indicator_without_target(project: Path, before: list[Problem]) -> None:
    replace(project, IND, "2024: 3.1, 2025: 3.2, ", "2024: 3.1, ")
    _one(project, before, PK, line_of(project, PK, "- IKU-01"),
         "indikator IKU-01 ada di Perjanjian Kinerja 2025 tetapi tidak punya target tahun 2025")


def test_agreement_unknown_indicator(project: Path, before: list[Problem]) -> None:
    replace(project, PK, "  - IKU-07\n", "  - IKU-07\n  - IKU-99\n")
    _one(project, before, PK, line_of(project, PK, "- IKU-99"), "indikator IKU-99 yang tidak ada")


def test_agreement_duplicate(project: Path, before: list[Problem]) -> None:
    replace(project, PK, "  - IKU-07\n", "  - IKU-07\n  - IKU-03\n")
    _one(project, before, PK, line_of(project, PK, "- IKU-03", occurrence=2),
         "IKU-03 disebut dua kali")


def test_agreement_year_must_be_reporting_year(project: Path, before: list[Problem]) -> None:
    line = replace(project, PK, "tahun: 2025", "tahun: 2024")
    _one(project, before, PK, line, "'tahun' bernilai 2024, padahal tahun laporan",
         "Perjanjian Kinerja harus untuk tahun laporan")


def test_budget_year_must_be_reporting_year(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, "tahun: 2025", "tahun: 2026")
    _one(project, before, BUD, line, "anggaran harus untuk tahun laporan")


def test_reporting_year_outside_renstra(project: Path, before: list[Problem]) -> None:
    line = replace(project, REN, "akhir: 2026", "akhir: 2024")
    found = new_problems(project, before)
    assert Problem(ORG, line_of(project, ORG, "tahun_laporan"), (
        "tahun_laporan 2025 di luar periode Renstra 2021\u20132024 (renstra.yaml); "
        "tahun laporan harus di dalam periode Renstra")) in found
    assert line  # the target years 2025 and 2026 are now outside the period too
    assert any("target tahun 2026 di luar periode Renstra" in p.message for p in found)


def test_realisasi_after_the_reporting_year(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: 3.18, 2026: 3.2}")
    _one(project, before, IND, line, "IKU-01: ada realisasi tahun 2026, padahal tahun laporan 2025")


def test_ceiling_must_be_positive(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, "pagu: 48500000", "pagu: 0")
    _one(project, before, BUD, line, "bernilai 0, padahal harus lebih dari 0")


def test_spent_must_not_be_negative(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, "realisasi: 46275000", "realisasi: -5")
    _one(project, before, BUD, line, "'program.0.kegiatan.0.sub_kegiatan.0.realisasi'",
         "harus berupa angka")


def test_spent_above_ceiling(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, "realisasi: 46275000", "realisasi: 48500001")
    _one(project, before, BUD, line, "realisasi 48500001 melebihi pagu 48500000")


def test_budget_unknown_objective(project: Path, before: list[Problem]) -> None:
    line = replace(project, BUD, "sasaran: SS-3", "sasaran: SS-7")
    _one(project, before, BUD, line, "sub kegiatan 6.01.02.2.02.0003 menyebut sasaran SS-7")


def test_impossible_date(project: Path, before: list[Problem]) -> None:
    line = replace(project, ORG, "tanggal: 2026-02-20", "tanggal: 2026-02-30")
    _one(project, before, ORG, line, "'penandatanganan.tanggal' bernilai \"2026-02-30\"")


def test_scale_out_of_order(project: Path, before: list[Problem]) -> None:
    line = replace(project, SCALE, "batas_bawah: 66", "batas_bawah: 80")
    _one(project, before, SCALE, line, "kategori 'Cukup': batas_bawah 80 harus lebih kecil")


def test_scale_last_must_be_null(project: Path, before: list[Problem]) -> None:
    line = replace(project, SCALE, "    batas_bawah: null", "    batas_bawah: 0")
    _one(project, before, SCALE, line, "kategori terakhir harus null")
