"""``lkjip export csv`` and ``lkjip export docx``, read back (the docx with python-docx)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import docx
import pytest

from pipeline import cli
from pipeline.render.pages import chapter_label, read_config, read_pages

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "data"))
from check_helpers import copy_project  # noqa: E402


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("docx") / "proyek")


def test_csv_in_the_column_order_of_the_perjanjian_kinerja(project: Path) -> None:
    out = project / "capaian.csv"
    assert cli.main(["export", "csv", "--root", str(project), "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                       "Realisasi", "Capaian (%)", "Kategori"]
    assert len(rows) == 8
    assert rows[4][2:] == ["Persentase rekomendasi hasil pengawasan yang ditindaklanjuti", "%",
                           "85.0", "82.46", "97.01", "Sangat Baik"]
    assert rows[2][4] == "63-66"  # a range target keeps both bounds


@pytest.mark.slow
def test_docx_has_every_chapter_as_heading_and_the_capaian_table(project: Path) -> None:
    out = project / "lkjip.docx"
    assert cli.main(["export", "docx", "--root", str(project), "--out", str(out)]) == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN",
                        "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
                        "BAB IV PENUTUP", "LAMPIRAN"]
    chapters = [p for p in read_pages(project, read_config(project))
                if chapter_label(p.path) not in (None, "L")]
    assert len([h for h in headings if h.startswith("BAB ")]) == len(chapters)
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    # Every chart is a picture (8 charts: 7 indicators and the budget), with its caption.
    assert len(document.inline_shapes) == 8
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Gambar 3.8 Pagu dan Realisasi Anggaran per Program Tahun 2025" in captions
    row = next(r for r in rows if r[1].startswith("IKU-04 "))
    assert row[2:6] == ["85%", "82,46%", "97,01%", "Sangat Baik"]  # Indonesian numbers
