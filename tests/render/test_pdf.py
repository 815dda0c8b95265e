"""The print layout's shortcuts: the same pages as WeasyPrint's defaults give, cheaper.

A lean user-agent stylesheet, fixed column widths for the report's own tables, and fewer full
garbage collections while the document is laid out.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from weasyprint import HTML
from weasyprint.formatting_structure import boxes
from weasyprint.html import UA

from pipeline.data.load import load_report
from pipeline.model.report import Report
from pipeline.render import pages, pdf, table_columns, tables
from pipeline.render.print_html import print_html, print_stylesheet

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import generate  # noqa: E402

SAMPLE = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<style>{print_stylesheet()}</style></head><body>
<section class="chapter"><h1 id="bab">BAB I PENDAHULUAN</h1>
<p>Paragraf dengan catatan kaki<sup id="fnref"><a href="#fn">1</a></sup>.</p>
<ol><li>pertama</li><li>kedua</li></ol><ul><li>butir</li></ul>
<div class="lkjip-table-wrap"><table class="lkjip-table lkjip-capaian" id="t">
<caption><span class="lkjip-label">Tabel 1.1</span> Capaian</caption>
<thead><tr><th>No.</th><th>Indikator Kinerja</th><th>Capaian</th></tr></thead>
<tbody><tr><td class="center">1.</td><td><span class="lkjip-code">IKU-01</span> Nilai</td>
<td class="num">99,38%</td></tr></tbody></table></div>
<div class="footnote"><hr><ol><li id="fn">Sumber: BPKP.</li></ol></div>
</section></body></html>"""


def _texts(document: object) -> list[tuple[str, int, int]]:
    """Every text box of every page with its position, to the point."""
    found = []
    for page in document.pages:  # type: ignore[attr-defined]
        for box in page._page_box.descendants(placeholders=True):
            if isinstance(box, boxes.TextBox):
                found.append((box.text, round(box.position_x), round(box.position_y)))
    return found


def test_lean_stylesheet_drops_only_the_rules_matching_every_element() -> None:
    lean = pdf.lean_user_agent_css()
    # Fails when a WeasyPrint upgrade rewrites these rules: the trimming would silently stop.
    for rule in ("::footnote-call", "::footnote-marker", "::note-call", "::note-marker",
                 "::note-callback"):
        assert f"\n{rule} {{" in UA and rule not in lean
    assert "\n::marker {" in UA and "\nli::marker {" in lean
    assert len(UA.splitlines()) - len(lean.splitlines()) == 5


def test_print_html_asks_for_the_lean_stylesheet() -> None:
    # The hook WeasyPrint calls must still exist under this name (it is not public API).
    assert "_ua_stylesheets" in vars(HTML)
    sheets = pdf.PrintHTML(string="<p>x</p>")._ua_stylesheets()
    assert sheets == [pdf._lean_user_agent_stylesheet()]


def test_the_lean_stylesheet_lays_out_the_same_pages(tmp_path: Path) -> None:
    stock = HTML(string=SAMPLE, base_url=tmp_path.as_uri() + "/").render()
    lean = pdf.layout(SAMPLE, tmp_path).document
    texts = _texts(lean)
    assert texts == _texts(stock)
    assert len(lean.pages) == len(stock.pages)
    markers = [text for text, _x, _y in texts]
    assert "1. " in markers and "2. " in markers and "• " in markers  # list markers kept


# --- fixed table columns ----------------------------------------------------------------------

def _document(*blocks: str) -> str:
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
            f"<style>{print_stylesheet()}</style></head><body>{''.join(blocks)}</body></html>")


def _tables(report: Report) -> list[tables.Table]:
    first = report.renstra.objectives[0]
    built = [
        tables.goals_table(report), tables.indicators_table(report),
        tables.agreement_table(report), tables.achievement_table(report),
        tables.achievement_table(report, first), tables.trend_table(report, first),
        tables.renstra_table(report, first), tables.national_table(report, first),
        tables.efficiency_table(report, list(report.renstra.objectives)),
        tables.programme_table(report, first), tables.budget_table(report),
        tables.scale_table(report),
    ]
    return [t for t in built if t is not None]


def _column_widths(html: str) -> dict[str, list[float]]:
    """The column widths WeasyPrint gives each table, by id, in points."""
    found: dict[str, list[float]] = {}
    for page in pdf.PrintHTML(string=html).render().pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TableBox) and box.element is not None:
                found.setdefault(box.element.get("id"), list(box.column_widths))
    return found


def test_a_lone_table_gets_the_columns_of_the_automatic_layout(report: Report) -> None:
    html = _document(*(tables.table_html(t, str(n), f"t{n}")
                       for n, t in enumerate(_tables(report), 1)))
    fixed = table_columns.fixed_table_columns(html)
    count = len(_tables(report))
    assert fixed.count(f"{table_columns.FIXED_CLASS}\"") == count
    assert fixed.count("<colgroup>") == count
    automatic, chosen = _column_widths(html), _column_widths(fixed)
    assert automatic.keys() == chosen.keys() and len(automatic) == count
    for table_id, widths in automatic.items():
        assert chosen[table_id] == pytest.approx(widths, abs=0.05), table_id


def test_tables_of_one_kind_share_their_columns(report: Report) -> None:
    objectives = report.renstra.objectives
    html = _document(*(tables.table_html(tables.achievement_table(report, o), str(n), f"t{n}")
                       for n, o in enumerate(objectives, 1)),
                     "<table><tr><td>Markdown</td></tr></table>")
    fixed = table_columns.fixed_table_columns(html)
    groups = [part.split("</colgroup>")[0] for part in fixed.split("<colgroup>")[1:]]
    assert len(groups) == len(objectives) and len(set(groups)) == 1
    assert "<table><tr><td>Markdown</td></tr></table>" in fixed  # left to the automatic layout


def test_cells_are_placed_in_their_grid_column_under_rowspans() -> None:
    kind = table_columns._Kind("", "", "", 3)
    kind.add_body(["<td rowspan=\"2\">T-1</td><td rowspan=\"2\">SS-1</td><td>IKU-01</td>",
                   "<td>IKU-02</td>", "<td>T-2</td><td>SS-2</td><td>IKU-03</td>"])
    assert {c: [cell.text for cell in cells] for c, cells in kind.by_column.items()} == {
        0: ["T-1", "T-2"], 1: ["SS-1", "SS-2"], 2: ["IKU-01", "IKU-02", "IKU-03"]}
    assert "rowspan" not in kind.sample()


@pytest.fixture(scope="module")
def extreme_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A generated project at the limits: 6 years in the tables, long units, Rp49 miliar items."""
    root = tmp_path_factory.mktemp("ekstrem")
    size = generate.Size(sasaran=3, indikator=8, sub_kegiatan=6)
    generate.generate(root, size)
    data = generate.data_files(size)
    first = generate.FIRST_YEAR - 1
    data["renstra"]["periode"]["awal"] = first
    for n, indicator in enumerate(data["indikator"]["indikator"]):
        years = range(first, generate.LAST_YEAR + 1)
        # Wide figures that lkjip check still accepts (the build refuses what it rejects):
        # a score (any number from 0), and a whole count.
        indicator["satuan"] = "Nilai"
        indicator["target"] = {y: 100 for y in years}
        indicator["realisasi"] = {y: 1234.5 for y in years if y <= generate.YEAR}
        indicator["target_renstra"] = 100
        if n % 2:
            indicator["satuan"] = "Rekomendasi"
            indicator["realisasi"] = {y: 1234 for y in years if y <= generate.YEAR}
    for program in data["anggaran"]["program"]:
        for activity in program["kegiatan"]:
            for item in activity["sub_kegiatan"]:
                item["pagu"], item["realisasi"] = 49_999_999_999, 48_765_432_109
    for name, value in data.items():
        (root / "data" / f"{name}.yaml").write_text(
            yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    yield root


def _overflowing_cells(document: object) -> list[str]:
    """Text of every table cell whose content is wider than the cell."""
    def right(box: boxes.Box) -> float:
        edge = box.position_x + box.margin_width()
        return max([edge, *(right(c) for c in getattr(box, "children", ()))])

    found = []
    for page in document.pages:  # type: ignore[attr-defined]
        for cell in page._page_box.descendants():
            if isinstance(cell, boxes.TableCellBox) and cell.children:
                limit = cell.content_box_x() + cell.width
                if max(right(c) for c in cell.children) > limit + 0.5:
                    found.append("".join(b.text for b in cell.descendants()
                                         if isinstance(b, boxes.TextBox)))
    return found


def test_report_tables_at_the_limits_fit_their_fixed_columns(extreme_project: Path) -> None:
    config = pages.read_config(extreme_project)
    html = print_html(pages.read_pages(extreme_project, config), load_report(extreme_project),
                      config)
    assert html.count('class="lkjip-table ') == html.count(f"{table_columns.FIXED_CLASS}\"") > 10
    laid_out = pdf.layout(html, extreme_project / "content")
    assert _overflowing_cells(laid_out.document) == []


def test_layout_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    before = gc.get_threshold()
    laid_out = pdf.layout(SAMPLE, tmp_path)
    pdf.write_pdf(laid_out, tmp_path / "sample.pdf", when=datetime(2026, 2, 20))
    assert gc.get_threshold() == before and (tmp_path / "sample.pdf").stat().st_size > 0
