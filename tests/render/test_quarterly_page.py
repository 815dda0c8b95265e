"""The site's "Pengukuran Kinerja Triwulan" page: capaian per quarter, from the data."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from pipeline.data.load import load_report
from pipeline.render.pages import SitePages
from pipeline.render.quarterly_page import combine, monitoring_markdown, monitoring_pages

REPO = Path(__file__).resolve().parents[2]


def _rows(markdown: str) -> list[list[str]]:
    html = "\n".join(line for line in markdown.splitlines() if line.startswith("<"))
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    return [[" ".join(c.text_content().split()) for c in tr] for tr in tree.iter("tr")]


def test_page_shows_each_quarter_and_the_year_by_its_rule() -> None:
    text = monitoring_markdown(load_report(REPO))
    assert text.startswith("# Pengukuran Kinerja Triwulan\n")
    rows = _rows(text)
    assert rows[0] == ["Indikator Kinerja", "Triwulan", "Target", "Realisasi", "Capaian",
                       "Kategori"]
    assert rows[1] == ["IKU-03 Tingkat kapabilitas APIP", "I", "3 Level", "2 Level", "66,67%",
                       "Cukup"]
    assert ["Tahun (nilai TW IV)", "3 Level", "3 Level", "100,00%", "Sangat Baik"] in rows
    assert ["Tahun (rata-rata TW I-IV)", "100%", "85,71%", "85,71%", "Baik"] in rows
    # Budget, cumulative: target (rencana penarikan) and realisasi up to each quarter.
    assert ["II", "Rp190.000.000", "Rp187.500.000", "45,48%", "98,68%"] in rows
    assert ["IV", "Rp412.300.000", "Rp398.760.450", "96,72%", "96,72%"] in rows
    # Indicators without quarterly data are named, not shown with empty quarters.
    assert re.search(r"tanpa data triwulan.*IKU-01, IKU-02, IKU-04, IKU-05", text)


def test_pages_combine_for_the_build() -> None:
    a = SitePages("a", lambda _report: {"a.md": "A"}, (("A", "a.md"),))
    b = monitoring_pages()
    both = combine(None, a, b)
    assert both is not None and both.key == "a"  # data/ is in the build's key already
    assert set(both.make(load_report(REPO))) == {"a.md", "pengukuran-kinerja-triwulan.md"}
    assert both.nav == (("A", "a.md"), ("Pengukuran Kinerja Triwulan",
                                        "pengukuran-kinerja-triwulan.md"))
    assert combine(None, None) is None
