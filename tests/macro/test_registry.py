"""The registry: which macros exist, what they take, and the problems of a wrong use."""

from __future__ import annotations

import pytest

from pipeline.macro.registry import (
    MACROS,
    Kind,
    MacroError,
    Spec,
    check_page,
    find_macro_problems,
)
from pipeline.model.report import Report

BAB3 = "content/bab-3-akuntabilitas-kinerja.md"


def test_the_registry_names_every_macro_of_the_spec() -> None:
    spec = {
        "tahun", "periode_renstra", "instansi", "pemda", "uraian", "target", "realisasi",
        "capaian", "kategori", "target_renstra", "capaian_renstra", "standar_nasional",
        "capaian_sasaran", "kategori_sasaran", "pagu", "realisasi_anggaran", "serapan",
        "sisa_anggaran", "pagu_sasaran", "realisasi_anggaran_sasaran", "serapan_sasaran",
        "efisiensi", "jumlah_indikator", "jumlah_sasaran", "ringkasan_kategori",
        "tabel_tujuan_sasaran", "tabel_iku", "tabel_perjanjian_kinerja", "tabel_capaian",
        "tabel_tren", "tabel_renstra", "tabel_standar_nasional", "tabel_efisiensi",
        "tabel_program", "grafik", "tabel_anggaran", "grafik_anggaran", "tabel_skala",
        "aturan_capaian", "tanda_tangan",
        # qualitative statements (prose that follows the data) and the PK's signatures
        "status_target", "arah", "tren", "kategori_tertinggi", "indikator_belum_mencapai_target",
        "jumlah_belum_mencapai_target", "indikator_kategori_tertinggi",
        "indikator_bukan_kategori_tertinggi", "tanda_tangan_perjanjian_kinerja",
        "tempat_perjanjian_kinerja", "tanggal_perjanjian_kinerja", "pihak_kedua",
        "status_efisiensi",
    }
    assert set(MACROS) == spec


def test_usage_names_the_optional_arguments() -> None:
    assert MACROS["capaian"].usage("capaian") == "{{ capaian IKU [TAHUN] }}"
    assert Spec((Kind.OBJECTIVE,), 0, True).usage("tabel_tren") == "{{ tabel_tren SS }}"


def test_a_right_use_is_resolved_to_the_model(report: Report) -> None:
    text = "{{ capaian IKU-01 2024 }} {{ serapan }}\n\n{{ tabel_tren SS-2 }}\n"
    checked = check_page(text, BAB3, report)
    assert checked.problems == ()
    assert [(r.use.name, r.values) for r in checked.uses] == [
        ("capaian", (report.indicator("IKU-01"), 2024)),
        ("serapan", (None,)),  # the optional budget code left out
        ("tabel_tren", (report.objective("SS-2"),)),
    ]
    assert [r.spec.block for r in checked.uses] == [False, False, True]


def test_a_wrong_use_is_not_resolved(report: Report) -> None:
    checked = check_page("{{ capaian IKU-01 }} {{ capaian IKU-99 }}", BAB3, report)
    assert [r.use.args for r in checked.uses] == [("IKU-01",)]
    assert [p.line for p in checked.problems] == [1]


def test_problems_come_in_line_order(report: Report) -> None:
    text = "{{ capaian IKU-99 }}\n{{ }}\n{{ tahun 2025 }}\n"
    assert [p.line for p in find_macro_problems(text, BAB3, report)] == [1, 2, 3]


def test_line_numbers_count_the_front_matter(report: Report) -> None:
    body = "# Judul\n\n{{ capaian SS-1 }}\n"
    whole = "---\ncetak: false\n---\n\n" + body
    from_file = find_macro_problems(whole, BAB3, report)
    from_body = find_macro_problems(body, BAB3, report, line_offset=4)
    assert [p.line for p in from_file] == [p.line for p in from_body] == [7]


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("{{ capain IKU-01 }}", "makro 'capain' tidak dikenal (maksud Anda 'capaian'?)"),
        ("{{ tabel_tren }}", "memerlukan 1 argumen, tetapi diberi 0 argumen; cara tulis: "
                             "{{ tabel_tren SS }}"),
        ("{{ capaian IKU-01 2025 x }}", "memerlukan 1 sampai 2 argumen, tetapi diberi 3"),
        ("{{ capaian IKU-01 2019 }}", "'2019' bukan tahun periode Renstra 2021\u20132026"),
        ("{{ tabel_capaian SS-9 }}", "sasaran 'SS-9' tidak ada di data/renstra.yaml"),
        ("{{ pagu 9.99 }}", "kode anggaran '9.99' tidak ada"),
        ("{{ uraian X-1 }}", "kode 'X-1' tidak ada di data"),
        ("Lihat {{ tabel_iku }} di bawah", "harus ditulis sendirian pada satu baris"),
        ("{{ }}", "makro kosong"),
        ("{{ Capaian IKU-01 }}", "bukan nama makro"),
        ("Nilai {{ capaian IKU-01", "tidak ditutup"),
    ],
)
def test_wrong_use_is_reported(report: Report, source: str, fragment: str) -> None:
    problems = find_macro_problems(f"# Judul\n{source}\n", BAB3, report)
    assert len(problems) == 1
    assert problems[0].line == 2 and problems[0].path == BAB3
    assert fragment in problems[0].message


def test_macro_error_names_each_problem_with_its_line(report: Report) -> None:
    one = MacroError(find_macro_problems("{{ capaian IKU-99 }}", BAB3, report))
    assert str(one).startswith(f"{BAB3}:1: indikator 'IKU-99' tidak ada")
    two = MacroError(find_macro_problems("{{ tahun 1 }}\n{{ tahun 2 }}", BAB3, report))
    assert [p.line for p in two.problems] == [1, 2]
    assert f"{BAB3}:1:" in str(two) and f"{BAB3}:2:" in str(two)
