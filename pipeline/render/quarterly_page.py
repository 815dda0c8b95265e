"""The site's monitoring page "Pengukuran Kinerja Triwulan": capaian per quarter.

A page of the site only (never of the PDF), carried by :class:`pipeline.render.pages.SitePages`, so
neither the plugin nor the build needs to know about it. Its tables are made from the table
model (:mod:`pipeline.render.tables`) like every other table of the report.
"""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.formatting import auto_number, percent, rupiah, target, with_unit
from pipeline.messages import monitoring as msg
from pipeline.model.budget import absorption
from pipeline.model.quarters import QUARTER_NAMES
from pipeline.model.report import Report
from pipeline.render.pages import SitePages
from pipeline.render.tables import Cell, Row, Table, category, table_html


def monitoring_markdown(report: Report) -> str:
    year = report.year
    parts = [f"# {msg.TITLE}", "", msg.INTRO.format(year=year), ""]
    with_quarters = [i for i in report.indicators if year in i.quarters]
    if not with_quarters:
        parts += [msg.NO_DATA.format(year=year), ""]
    else:
        parts += [table_html(_indicator_table(report, with_quarters), "TW.1", "lkjip-tw-1"), ""]
    budget = _budget_table(report)
    if budget is not None:
        parts += [table_html(budget, "TW.2", "lkjip-tw-2"), ""]
    without = [i.code for i in report.indicators if year not in i.quarters]
    if without and with_quarters:
        parts += [msg.NONE_QUARTERLY.format(codes=", ".join(without)), ""]
    return "\n".join(parts)


def _indicator_table(report: Report, indicators: list) -> Table:
    year = report.year
    body: list[Row] = []
    for indicator in indicators:
        rows: list[Row] = []
        figures = indicator.quarters[year]
        for q, name in enumerate(QUARTER_NAMES, start=1):
            result = indicator.quarter_achievement(year, q)
            rows.append((Cell(name, "center"),
                         Cell(with_unit(auto_number(figures.target(q)), indicator.unit), "num"),
                         Cell(with_unit(auto_number(figures.actual(q)), indicator.unit), "num"),
                         Cell(percent(result.value), "num"),
                         Cell(category(report, result.value), "center")))
        result = indicator.achievement(year)
        rows.append((Cell(msg.ROW_YEAR.format(rule=msg.RULES[indicator.aggregation.value]),
                          "total"),
                     Cell(with_unit(target(indicator.target(year)), indicator.unit), "num total"),
                     Cell(with_unit(auto_number(indicator.actual(year)), indicator.unit),
                          "num total"),
                     Cell(percent(result.value), "num total"),
                     Cell(category(report, result.value), "center total")))
        first = Cell(indicator.description, code=indicator.code, rowspan=len(rows))
        body += [(first, *rows[0]), *rows[1:]]
    head = ((Cell(msg.COL_INDICATOR), Cell(msg.COL_QUARTER), Cell(msg.COL_TARGET),
             Cell(msg.COL_ACTUAL), Cell(msg.COL_ACHIEVEMENT), Cell(msg.COL_CATEGORY)),)
    return Table(msg.CAP_INDICATORS.format(year=year), head, tuple(body), "lkjip-triwulan")


def _budget_table(report: Report) -> Table | None:
    subs = [s for p in report.budget.programs for s in p.sub_activities() if s.quarters]
    if not subs:
        return None
    body: list[Row] = []
    for sub in subs:
        running: float | None = 0.0
        planned: float | None = 0.0
        rows: list[Row] = []
        for q, name in enumerate(QUARTER_NAMES):
            running = _add(running, sub.quarters, q)
            planned = _add(planned, sub.quarter_targets, q)
            against = None if not planned or running is None else running / planned * 100
            rows.append((Cell(name, "center"), Cell(rupiah(planned), "num"),
                         Cell(rupiah(running), "num"),
                         Cell(percent(absorption(sub.ceiling, running)), "num"),
                         Cell(percent(against), "num")))
        first = (Cell(sub.name, code=sub.code, rowspan=4), Cell(rupiah(sub.ceiling), "num",
                                                                   rowspan=4))
        body += [(*first, *rows[0]), *rows[1:]]
    head = ((Cell(msg.COL_SUB), Cell(msg.COL_CEILING), Cell(msg.COL_QUARTER),
             Cell(msg.COL_PLAN), Cell(msg.COL_SPENT), Cell(msg.COL_ABSORPTION),
             Cell(msg.COL_AGAINST_PLAN)),)
    return Table(msg.CAP_BUDGET.format(year=report.budget.year), head, tuple(body),
                 "lkjip-triwulan-anggaran")


def _add(total: float | None, values: tuple[float | None, ...], q: int) -> float | None:
    """The running total after quarter ``q`` (0-3); None once a quarter is unknown."""
    value = values[q] if q < len(values) else None
    return None if total is None or value is None else total + value


def monitoring_pages() -> SitePages:
    """The page for :func:`pipeline.build.build`'s ``extra``. Its key is empty: the page is a
    function of data/ and of lkjip's code, which the build's cache key already covers."""
    return SitePages(key="",
                     make=lambda report: {msg.PAGE_NAME: monitoring_markdown(report)},
                     nav=((msg.TITLE, msg.PAGE_NAME),))


def combine(*pages: SitePages | None) -> SitePages | None:
    """Several :class:`SitePages` as one (the build takes one)."""
    present = [p for p in pages if p is not None]
    if not present:
        return None
    if len(present) == 1:
        return present[0]

    def make(report: Report) -> Mapping[str, str]:
        files: dict[str, str] = {}
        for p in present:
            files.update(p.make(report))
        return files

    return SitePages(key="\n".join(p.key for p in present if p.key), make=make,
                     nav=tuple(entry for p in present for entry in p.nav))
