"""``lkjip check --lengkap``: the SOP's "data tidak lengkap", with a summary per part and person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from check_helpers import complete_chapter, line_of, replace

from pipeline.check import check_project, run_check
from pipeline.check.completeness import summary
from pipeline.content.markdown import parse_markdown
from pipeline.errors import Problem

BAB3 = "content/bab-3-akuntabilitas-kinerja.md"
IND = "data/indikator.yaml"
BUD = "data/anggaran.yaml"


@pytest.fixture
def complete(project: Path) -> Path:
    """The copy with a content/ of one complete Bab III (the real content is still moving)."""
    shutil.rmtree(project / "content")
    (project / "content").mkdir()
    (project / BAB3).write_text(complete_chapter(["SS-1", "SS-2", "SS-3"]), "utf-8")
    assert check_project(project, complete=True) == []
    return project


def test_the_repository_content_parses_as_acomplete_chapter() -> None:
    text = complete_chapter(["SS-1"])
    md = parse_markdown(text, BAB3)
    assert [h.level for h in md.headings] == [1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 2]


def test_missing_actual_of_the_year(complete: Path) -> None:
    line = replace(complete, IND, "2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: null}")
    assert check_project(complete) == []  # a draft may still wait for its figures
    assert check_project(complete, complete=True) == [Problem(IND, line, (
        "data tidak lengkap: indikator IKU-01 belum punya realisasi tahun 2025; "
        "isi '2025: <angka>' pada 'realisasi'"))]


def test_actual_absent_altogether(complete: Path) -> None:
    line = replace(complete, IND, "2024: 3.05, 2025: 3.18}", "2024: 3.05}")
    problem, = check_project(complete, complete=True)
    assert (problem.path, problem.line) == (IND, line)
    assert "IKU-01 belum punya realisasi tahun 2025" in problem.message


def test_missing_budget_actual(complete: Path) -> None:
    line = replace(complete, BUD, "realisasi: 14250000", "realisasi: null")
    assert check_project(complete) == []
    problem, = check_project(complete, complete=True)
    assert (problem.path, problem.line) == (BUD, line)
    assert "sub kegiatan 6.01.01.2.06.0001 belum punya realisasi anggaran tahun 2025" in \
        problem.message


def test_missing_analysis(complete: Path) -> None:
    heading = line_of(complete, BAB3, "### Sasaran Strategis 2 (SS-2)")
    text = (complete / BAB3).read_text("utf-8")
    block = "#### 4. Perbandingan dengan standar nasional\n\nAnalisis 4 untuk SS-2.\n\n"
    (complete / BAB3).write_text(text.replace(block, ""), "utf-8")
    found = check_project(complete, complete=True)
    assert Problem(BAB3, heading, (
        "data tidak lengkap: analisis 4 (Perbandingan dengan standar nasional) untuk sasaran "
        "SS-2 tidak ada; tambahkan '#### 4. Perbandingan dengan standar nasional'")) in found
    # The numbering jump 3 -> 5 is also a structural problem, without --lengkap too.
    assert any("bernomor 5, padahal urutannya seharusnya 4" in p.message
               for p in check_project(complete))


def test_empty_analysis(complete: Path) -> None:
    line = replace(complete, BAB3, "Analisis 6 untuk SS-3.", "")
    heading = line - 2
    found = check_project(complete, complete=True)
    assert found == [Problem(BAB3, heading, (
        "data tidak lengkap: analisis 6 untuk sasaran SS-3 masih kosong; "
        "tulis analisisnya atau sisipkan tabelnya"))]


def test_objective_without_section(complete: Path) -> None:
    text = (complete / BAB3).read_text("utf-8")
    start = text.index("### Sasaran Strategis 3")
    end = text.index("## B. Realisasi Anggaran")
    (complete / BAB3).write_text(text[:start] + text[end:], "utf-8")
    problem, = check_project(complete, complete=True)
    assert (problem.path, problem.line) == (BAB3, 3)
    assert "sasaran SS-3 belum punya bagian di Capaian Kinerja Organisasi" in problem.message


def test_nocomplete_chapter(complete: Path) -> None:
    (complete / BAB3).unlink()
    problem, = check_project(complete, complete=True)
    assert problem.path == BAB3 and "Bab III tidak ditemukan" in problem.message


def test_placeholder_in_data(complete: Path) -> None:
    line = replace(complete, IND, "formula: Nilai hasil evaluasi SAKIP oleh Kementerian PANRB",
                   "formula: TODO")
    problem, = check_project(complete, complete=True)
    assert problem == Problem(IND, line, "data tidak lengkap: 'indikator.1.formula' masih berisi "
                                         "teks pengganti (TODO); ganti dengan isi sebenarnya")


def test_summary_per_part_and_person(complete: Path) -> None:
    replace(complete, IND, "2024: 3.05, 2025: 3.18}", "2024: 3.05}")  # Irban Wilayah I
    replace(complete, IND, "2024: 61.30, 2025: 64.21}", "2024: 61.30}")  # Kasubbag
    replace(complete, BUD, "realisasi: 14250000", "realisasi: null")  # nobody named
    replace(complete, BAB3, "Analisis 5 untuk SS-1.", "...")  # SS-1: Irban I and Kasubbag
    result = run_check(complete, complete=True)
    assert len(result.problems) == 4
    assert summary(result.missing) == [
        "Ringkasan kekurangan (--lengkap):",
        "  Per bab/berkas:",
        "    data/indikator.yaml: 2 kekurangan",
        f"    BAB III AKUNTABILITAS KINERJA ({BAB3}): 1 kekurangan",
        "    data/anggaran.yaml: 1 kekurangan",
        "  Per penanggung jawab:",
        "    Irban Wilayah I: 2 kekurangan",
        "    Kasubbag Perencanaan: 2 kekurangan",
        "    (penanggung jawab tidak disebut di data): 1 kekurangan",
    ]


def test_summary_names_a_budget_person(complete: Path) -> None:
    replace(complete, BUD, "            realisasi: 14250000",
            "            realisasi: null\n            penanggung_jawab: Bendahara")
    result = run_check(complete, complete=True)
    assert "    Bendahara: 1 kekurangan" in summary(result.missing)
