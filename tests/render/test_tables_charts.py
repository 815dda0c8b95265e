"""Tables and charts: computed from the model, Indonesian numbers, same output every time."""

from __future__ import annotations

import os
import re
from pathlib import Path

from pipeline.model.report import Report
from pipeline.render import charts, tables

GOLDEN = Path(__file__).with_name("golden") / "tables.html"


def test_tables_match_the_stored_result(report: Report) -> None:
    """Every table of the model report, byte for byte as stored. A change of the tables is
    made on purpose: regenerate with ``LKJIP_UPDATE_GOLDEN=1`` and read the diff."""
    built = [
        tables.goals_table(report), tables.indicators_table(report),
        tables.agreement_table(report), tables.achievement_table(report),
        tables.trend_table(report, report.renstra.objectives[0]),
        tables.budget_table(report), tables.scale_table(report),
    ]
    html = "\n".join(tables.table_html(t, "1", f"t{i}") for i, t in enumerate(built)) + "\n"
    if os.environ.get("LKJIP_UPDATE_GOLDEN"):
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


def test_trend_table_covers_renstra_start_to_reporting_year(report: Report) -> None:
    table = tables.trend_table(report, report.renstra.objectives[0])
    assert [c.text for c in table.head[0]][2:] == ["2021", "2022", "2023", "2024", "2025"]
    capaian_row = table.body[2]  # IKU-01: target, realisasi, capaian
    assert capaian_row[0].text == "Capaian"
    assert [c.text for c in capaian_row[1:]] == ["\u2013", "\u2013", "\u2013", "101,67%", "99,38%"]


def test_goals_table_spans_rows(report: Report) -> None:
    html = tables.table_html(tables.goals_table(report), "2.1", "x")
    assert '<td rowspan="4"><span class="lkjip-code">T-1</span>' in html
    assert '<td rowspan="2"><span class="lkjip-code">SS-1</span>' in html


def test_scale_table_bands(report: Report) -> None:
    rows = [[c.text for c in r] for r in tables.scale_table(report).body]
    assert rows[0] == ["1.", "Sangat Baik", "91% ke atas"]
    assert rows[1] == ["2.", "Baik", "76% sampai kurang dari 91%"]
    assert rows[-1] == ["5.", "Sangat Kurang", "kurang dari 51%"]


def test_table_text_is_escaped(report: Report) -> None:
    table = tables.Table("a < b", (), ((tables.Cell("x & y"),),))
    html = tables.table_html(table, "1.1", "t")
    assert "a &lt; b" in html and "x &amp; y" in html


def _fresh(svg_of: object, series: object) -> str:
    svg_of.cache_clear()  # type: ignore[attr-defined]
    return svg_of(series)  # type: ignore[operator]


def test_indicator_chart_is_deterministic_svg(report: Report) -> None:
    series = charts.indicator_series(report, report.indicators[1])  # has a range target
    first = _fresh(charts.indicator_chart, series)
    second = _fresh(charts.indicator_chart, series)
    assert first == second
    assert first.lstrip().startswith("<?xml") and "<svg" in first
    assert "<dc:date>" not in first and "matplotlib.org" not in first


def test_budget_chart_is_deterministic_svg(report: Report) -> None:
    series = charts.budget_series(report)
    assert _fresh(charts.budget_chart, series) == _fresh(charts.budget_chart, series)


def test_charts_differ_when_data_differs(report: Report) -> None:
    a = charts.indicator_series(report, report.indicators[0])
    b = charts.IndicatorSeries(a.unit, a.years, a.targets, (*a.actuals[:-2], 2.0, None))
    assert charts.indicator_chart(a) != charts.indicator_chart(b)


def _texts(figure: object) -> list[str]:
    figure.draw_without_rendering()  # type: ignore[attr-defined]
    found = []
    for axes in figure.axes:  # type: ignore[attr-defined]
        found += [t.get_text() for t in axes.get_yticklabels() + axes.get_xticklabels()]
        found += [t.get_text() for t in axes.texts]
    return [t for t in found if t]


def test_chart_numbers_are_indonesian(report: Report) -> None:
    texts = _texts(charts.indicator_figure(charts.indicator_series(report, report.indicators[0])))
    assert "3,18" in texts and "3,05" in texts  # bar labels
    assert not any(re.search(r"\d\.\d", t) for t in texts)  # no decimal points
    budget = _texts(charts.budget_figure(charts.budget_series(report)))
    assert "1.000" in budget  # pagu of the first programme, in millions
    assert not any(re.search(r"\d,\d{3}\b", t) for t in budget)  # no English thousands
