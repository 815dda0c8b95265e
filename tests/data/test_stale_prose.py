"""Prose that cannot go stale: ``lkjip check --lengkap`` names the text the data has outgrown.

An indicator added to the Perjanjian Kinerja below its target must be discussed in its
sasaran's section of Bab III and named in the Ikhtisar Eksekutif; a figure typed by hand where
a macro provides it would not follow the data. The repository's own text passes; a copy of it
with one more indicator does not, and the command says where.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from check_helpers import REPO, line_of, replace

from pipeline.check import check_project

IND = "data/indikator.yaml"
PK = "data/perjanjian_kinerja.yaml"
BAB3 = "content/bab-3-akuntabilitas-kinerja.md"
IKHTISAR = "content/ikhtisar-eksekutif.md"

NEW_INDICATOR = """
  - kode: IKU-08
    sasaran: SS-3
    uraian: Persentase rencana aksi pencegahan korupsi yang dilaksanakan
    satuan: "%"
    polaritas: positif
    target:    {2021: 60, 2022: 65, 2023: 70, 2024: 75, 2025: 80, 2026: 85}
    realisasi: {2021: 58, 2022: 61, 2023: 66, 2024: 70, 2025: 62.5}
    target_renstra: 85
    formula: Rencana aksi yang dilaksanakan / rencana aksi yang ditetapkan x 100%
    sumber_data: Laporan Monitoring Center for Prevention (MCP) KPK
    penanggung_jawab: Irban Khusus
"""


def _lengkap(root: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pipeline", "check", "--lengkap"], cwd=root,
                            capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_the_repository_text_follows_its_data() -> None:
    assert check_project(REPO, complete=True) == []


def test_an_indicator_below_target_not_discussed(project: Path) -> None:
    with (project / IND).open("a", encoding="utf-8") as file:
        file.write(NEW_INDICATOR)
    replace(project, PK, "  - IKU-07\n", "  - IKU-07\n  - IKU-08\n")
    assert check_project(project) == []  # a draft may be behind its data; --lengkap may not

    result = _lengkap(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    section = line_of(project, BAB3, "### Sasaran Strategis 3 (SS-3)")
    assert any(line.startswith(f"{BAB3}:{section}: ") and "IKU-08" in line
               and "tidak dibahas di bagian SS-3 Bab III" in line for line in lines), lines
    assert any(line.startswith(f"{IKHTISAR}:") and "IKU-08" in line
               and "belum mencapai target (capaian 78,13%)" in line for line in lines), lines
    # The person the data makes responsible for SS-3 is told.
    assert any("Irban Khusus" in line for line in lines)

    # Discussing it in both places (a macro naming it in the Ikhtisar) settles both.
    replace(project, BAB3, "Capaian rata-rata sasaran ini sebesar {{ capaian_sasaran SS-3 }}",
            "Realisasi {{ uraian IKU-08 }} sebesar {{ realisasi IKU-08 }} dan "
            "{{ status_target IKU-08 }}. Capaian rata-rata sasaran ini sebesar "
            "{{ capaian_sasaran SS-3 }}")
    replace(project, IKHTISAR, "Sebanyak {{ jumlah_belum_mencapai_target }} indikator",
            "Indikator yang belum mencapai target adalah "
            "{{ indikator_belum_mencapai_target }}. Sebanyak "
            "{{ jumlah_belum_mencapai_target }} indikator")
    assert check_project(project, complete=True) == []


def test_a_sasaran_section_that_skips_an_indicator(project: Path) -> None:
    # IKU-07 is discussed only in the first analysis of SS-3: take that paragraph out.
    text = (project / BAB3).read_text("utf-8")
    start = text.index("Jumlah kasus kerugian daerah yang belum ditindaklanjuti lebih dari 60 "
                       "hari pada tahun ini")
    end = text.index("\n", start)
    (project / BAB3).write_text(text[:start] + text[end:], "utf-8")
    problems = [p for p in check_project(project, complete=True) if "IKU-07" in p.message]
    # Still discussed further on (the trend, the Renstra target): nothing to report.
    assert problems == []
    for sentence in ("Jumlah kasus kerugian daerah yang belum ditindaklanjuti lebih dari 60 hari "
                     "menurun", "Target akhir Renstra untuk jumlah kasus kerugian daerah"):
        text = (project / BAB3).read_text("utf-8")
        start = text.index(sentence)
        (project / BAB3).write_text(text[:start] + text[text.index("\n", start):], "utf-8")
    text = (project / BAB3).read_text("utf-8")
    text = text.replace("IKU-07", "IKU-06").replace(
        "jumlah kasus kerugian daerah", "pengaduan").replace(
        "Jumlah kasus kerugian daerah", "Pengaduan")
    (project / BAB3).write_text(text, "utf-8")
    problems = [p for p in check_project(project, complete=True) if "IKU-07" in p.message]
    assert len(problems) == 1 and problems[0].path == BAB3
    assert problems[0].line == line_of(project, BAB3, "### Sasaran Strategis 3 (SS-3)")


def test_a_number_typed_where_a_macro_provides_it(project: Path) -> None:
    line = replace(project, BAB3, "mencapai {{ realisasi IKU-01 }}", "mencapai level 3,18")
    problems = check_project(project, complete=True)
    assert [(p.path, p.line) for p in problems] == [(BAB3, line)]
    assert "angka 3,18 diketik langsung" in problems[0].message
    assert "{{ realisasi IKU-01 }}" in problems[0].message
    # A year, a count or a regulation's number is not a figure; a typed figure the data does
    # not have is not the check's business either.
    replace(project, BAB3, "mencapai level 3,18", "mencapai level 3,17 pada 2025")
    assert check_project(project, complete=True) == []
