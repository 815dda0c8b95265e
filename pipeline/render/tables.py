"""The report's tables, computed from the model and written as HTML.

Builders (``*_table``) are pure functions of the :class:`Report` returning a :class:`Table`;
:func:`table_html` writes one with its numbered caption. The same HTML goes to the site and to
the print document, so a table is numbered and worded identically in both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.formatting import auto_number, number, percent, target, with_unit
from pipeline.messages import render as msg
from pipeline.model.achievement import Achievement
from pipeline.model.budget import absorption
from pipeline.model.indicators import Indicator, Objective
from pipeline.model.report import Report
from pipeline.templating import render


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str = ""  # CSS classes: "num" (right-aligned figure), "center", "total", "level-N"
    code: str = ""  # a code shown before the text (T-1, SS-1, IKU-01, 6.01.02)
    colspan: int = 1
    rowspan: int = 1


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[Row, ...]
    body: tuple[Row, ...]
    kind: str = ""  # CSS class naming the table, for column widths
    wide: bool = False  # printed on a landscape page
    foot: tuple[Row, ...] = field(default=())
    # Rows that belong together (a sasaran and its indicators, spanned by its label): sizes of
    # consecutive groups of ``body``, each written as its own <tbody> that a page break does
    # not split, so a table continued on the next page starts with a group and its label.
    groups: tuple[int, ...] = field(default=())


# --- HTML ---------------------------------------------------------------------------------

def table_html(table: Table, label: str, element_id: str) -> str:
    """The table as one HTML block without blank lines (so Markdown passes it through), from
    the autoescaped template ``templates/table.html``."""
    grouped = bool(table.groups) and sum(table.groups) == len(table.body)
    if grouped:
        ends = [sum(table.groups[:n + 1]) for n in range(len(table.groups))]
        body = [table.body[end - size:end] for end, size in zip(ends, table.groups, strict=True)]
    else:
        body = [table.body]
    return render(
        "pipeline.render", "table.html",
        wrap="lkjip-table-wrap lkjip-wide" if table.wide else "lkjip-table-wrap",
        classes=" ".join(n for n in ("lkjip-table", table.kind) if n), element_id=element_id,
        label=f"{msg.TABLE} {label}", caption=table.caption, head=table.head, body=body,
        grouped=grouped, foot=table.foot,
        continued=msg.TABLE_CONTINUED.format(table=msg.TABLE, label=label),
    )


# --- helpers ------------------------------------------------------------------------------

def _head(*names: str) -> tuple[Row, ...]:
    return (tuple(Cell(n) for n in names),)


def _num(text: str) -> Cell:
    return Cell(text, "num")


def _no(i: int) -> Cell:
    return Cell(f"{i}.", "center")


def objective_name(objective: Objective) -> str:
    """``SS-1`` -> ``Sasaran Strategis 1`` (the heading's wording); other codes as they are."""
    number_ = objective.code.removeprefix("SS-")
    return msg.OBJECTIVE_NAME.format(number=number_)


def rule_text(result: Achievement) -> str:
    """How a capaian was computed, in words (the "cara hitung" column)."""
    template = msg.RULES.get(result.rule.value, result.rule.value)
    reference = "" if result.reference is None else auto_number(result.reference)
    return template.format(reference=reference)


def value_text(indicator: Indicator, value: float | None) -> str:
    return with_unit(auto_number(value), indicator.unit)


def target_text(indicator: Indicator, year: int | None = None) -> str:
    value = indicator.renstra_target if year is None else indicator.target(year)
    return with_unit(target(value), indicator.unit)


def category(report: Report, value: float | None) -> str:
    return report.scale.category(value) or msg.NOT_AVAILABLE


def _rowspan_rows(first: Iterable[Cell], rows: list[Row]) -> list[Row]:
    """Prefix the first of ``rows`` with ``first`` cells spanning all of them."""
    if not rows:
        return []
    span = len(rows)
    lead = tuple(
        Cell(c.text, c.kind, c.code, c.colspan, span) for c in first
    )
    return [lead + rows[0], *rows[1:]]


# --- builders -----------------------------------------------------------------------------

def goals_table(report: Report) -> Table:
    """Renstra goals, their objectives and the objectives' indicators (rows spanned)."""
    body: list[Row] = []
    groups: list[int] = []
    for goal in report.renstra.goals:
        goal_rows: list[Row] = []
        for objective in report.objectives_of(goal.code):
            rows: list[Row] = [
                (Cell(i.description, code=i.code),) for i in report.indicators_of(objective.code)
            ] or [(Cell(""),)]
            goal_rows += _rowspan_rows([Cell(objective.description, code=objective.code)], rows)
        goal_rows = goal_rows or [(Cell(""), Cell(""))]
        body += _rowspan_rows([Cell(goal.description, code=goal.code)], goal_rows)
        groups.append(len(goal_rows))
    renstra = report.renstra
    return Table(
        msg.CAP_GOALS.format(period=f"{renstra.start}\u2013{renstra.end}"),
        _head(msg.COL_GOAL, msg.COL_OBJECTIVE, msg.COL_INDICATOR),
        tuple(body),
        "lkjip-goals",
        groups=tuple(groups),
    )


def indicators_table(report: Report) -> Table:
    body = [
        (
            _no(n), Cell(i.code, "center"), Cell(i.description), Cell(i.unit, "center"),
            Cell(msg.POLARITY.get(i.polarity.value, i.polarity.value)),
            Cell(i.formula or msg.NOT_AVAILABLE), Cell(i.data_source),
        )
        for n, i in enumerate(report.indicators, 1)
    ]
    return Table(
        msg.CAP_INDICATORS.format(org=report.organisation.name),
        _head(msg.COL_NO, msg.COL_CODE, msg.COL_INDICATOR, msg.COL_UNIT, msg.COL_POLARITY,
              msg.COL_FORMULA, msg.COL_SOURCE),
        tuple(body),
        "lkjip-iku",
    )


def _agreement_groups(report: Report) -> list[tuple[Objective, list[Indicator]]]:
    """PK indicators grouped by sasaran, in Renstra order."""
    chosen = report.agreement_indicators
    groups = []
    for objective in report.renstra.objectives:
        members = [i for i in chosen if i.objective == objective.code]
        if members:
            groups.append((objective, members))
    return groups


def agreement_table(report: Report) -> Table:
    body: list[Row] = []
    groups: list[int] = []
    n = 0
    for objective, members in _agreement_groups(report):
        rows: list[Row] = []
        for indicator in members:
            n += 1
            rows.append((
                Cell(indicator.description, code=indicator.code),
                _num(target_text(indicator, report.year)),
            ))
        body += _rowspan_rows([Cell(objective.description, code=objective.code)], rows)
        groups.append(len(rows))
    return Table(
        msg.CAP_AGREEMENT.format(org=report.organisation.name, year=report.year),
        _head(msg.COL_OBJECTIVE, msg.COL_INDICATOR, msg.COL_TARGET_YEAR.format(year=report.year)),
        tuple(body),
        "lkjip-pk",
        groups=tuple(groups),
    )


def _achievement_cells(report: Report, indicator: Indicator) -> Row:
    result = indicator.achievement(report.year)
    return (
        Cell(indicator.description, code=indicator.code),
        _num(target_text(indicator, report.year)),
        _num(value_text(indicator, indicator.actual(report.year))),
        _num(percent(result.value)),
        Cell(category(report, result.value), "center"),
        Cell(rule_text(result), "rule"),
    )


def achievement_table(report: Report, objective: Objective | None = None) -> Table:
    """Analysis 1: target, realisasi, capaian, kategori and cara hitung of the year."""
    heads = (msg.COL_INDICATOR, msg.COL_TARGET, msg.COL_ACTUAL, msg.COL_ACHIEVEMENT,
             msg.COL_CATEGORY, msg.COL_RULE)
    if objective is not None:
        body = [
            (_no(n), *_achievement_cells(report, i))
            for n, i in enumerate(report.indicators_of(objective.code), 1)
        ]
        caption = msg.CAP_ACHIEVEMENT.format(objective=objective_name(objective), year=report.year)
        return Table(caption, _head(msg.COL_NO, *heads), tuple(body), "lkjip-capaian")
    rows: list[Row] = []
    groups: list[int] = []
    for group, members in _agreement_groups(report):
        rows += _rowspan_rows(
            [Cell(group.code, "center")], [_achievement_cells(report, i) for i in members]
        )
        groups.append(len(members))
    caption = msg.CAP_ACHIEVEMENT_ALL.format(year=report.year)
    return Table(caption, _head(msg.COL_OBJECTIVE, *heads), tuple(rows), "lkjip-capaian-all",
                 groups=tuple(groups))


def trend_table(report: Report, objective: Objective) -> Table:
    """Analysis 2: target, realisasi and capaian of each Renstra year up to the report's."""
    years = report.years
    body: list[Row] = []
    groups: list[int] = []
    for indicator in report.indicators_of(objective.code):
        rows: list[Row] = [
            (Cell(msg.ROW_TARGET),
             *(_num(target(indicator.target(y))) for y in years)),
            (Cell(msg.ROW_ACTUAL),
             *(_num(auto_number(indicator.actual(y))) for y in years)),
            (Cell(msg.ROW_ACHIEVEMENT),
             *(_num(percent(indicator.achievement(y).value)) for y in years)),
        ]
        label = f"{indicator.description} ({indicator.unit})"
        body += _rowspan_rows([Cell(label, code=indicator.code)], rows)
        groups.append(len(rows))
    return Table(
        msg.CAP_TREND.format(objective=objective_name(objective), start=years[0], end=years[-1]),
        _head(msg.COL_INDICATOR, msg.COL_DESCRIPTION, *(str(y) for y in years)),
        tuple(body),
        "lkjip-tren",
        groups=tuple(groups),
    )


def renstra_table(report: Report, objective: Objective) -> Table:
    """Analysis 3: realisasi of the year against the Renstra end target."""
    end = report.renstra.end
    body = [
        (
            _no(n), Cell(i.description, code=i.code),
            _num(value_text(i, i.actual(report.year))),
            _num(target_text(i)),
            _num(percent(i.renstra_achievement(report.year).value)),
        )
        for n, i in enumerate(report.indicators_of(objective.code), 1)
    ]
    return Table(
        msg.CAP_RENSTRA.format(objective=objective_name(objective), year=report.year, end=end),
        _head(msg.COL_NO, msg.COL_INDICATOR, msg.COL_ACTUAL_YEAR.format(year=report.year),
              msg.COL_RENSTRA_TARGET.format(end=end), msg.COL_RENSTRA_ACHIEVEMENT),
        tuple(body),
        "lkjip-renstra",
    )


def national_table(report: Report, objective: Objective) -> Table | None:
    """Analysis 4; ``None`` when no indicator of the sasaran has a national standard."""
    members = report.indicators_of(objective.code)
    if not any(i.national_standard for i in members):
        return None
    body = []
    for n, i in enumerate(members, 1):
        standard = i.national_standard
        result = i.national_achievement(report.year)
        body.append((
            _no(n), Cell(i.description, code=i.code),
            _num(value_text(i, i.actual(report.year))),
            _num(with_unit(target(standard.value), i.unit) if standard else msg.NONE),
            _num(percent(result.value) if result else msg.NOT_AVAILABLE),
            Cell(standard.source if standard else msg.NONE),
        ))
    return Table(
        msg.CAP_NATIONAL.format(objective=objective_name(objective), year=report.year),
        _head(msg.COL_NO, msg.COL_INDICATOR, msg.COL_ACTUAL_YEAR.format(year=report.year),
              msg.COL_NATIONAL, msg.COL_NATIONAL_ACHIEVEMENT, msg.COL_NATIONAL_SOURCE),
        tuple(body),
        "lkjip-standar",
    )


def efficiency_table(report: Report, objectives: list[Objective]) -> Table:
    """Analysis 6: capaian against serapan of the budget linked to each sasaran."""
    body = []
    for objective in objectives:
        ceiling, spent = report.budget.for_objective(objective.code)
        efficiency = report.efficiency(objective.code)
        verdict = {True: msg.EFFICIENT, False: msg.NOT_EFFICIENT, None: msg.NOT_AVAILABLE}
        body.append((
            Cell(objective.description, code=objective.code),
            _num(number(ceiling, 0)), _num(number(spent, 0)),
            _num(percent(efficiency.absorption)), _num(percent(efficiency.achievement)),
            _num(number(efficiency.ratio)), Cell(verdict[efficiency.efficient], "center"),
        ))
    if len(objectives) == 1:
        caption = msg.CAP_EFFICIENCY.format(
            objective=objective_name(objectives[0]), year=report.year
        )
    else:
        caption = msg.CAP_EFFICIENCY_ALL.format(year=report.year)
    return Table(
        caption,
        _head(msg.COL_OBJECTIVE, msg.COL_CEILING, msg.COL_SPENT, msg.COL_ABSORPTION,
              msg.COL_ACHIEVEMENT, msg.COL_EFFICIENCY, msg.COL_NOTE),
        tuple(body),
        "lkjip-efisiensi",
    )


def programme_table(report: Report, objective: Objective) -> Table | None:
    """Analysis 7: the sub kegiatan linked to the sasaran; ``None`` when there are none."""
    linked = [s for s in report.budget.sub_activities() if s.objective == objective.code]
    if not linked:
        return None
    body = tuple(
        (_no(n), Cell(s.code, "center nowrap"), Cell(s.name), _num(number(s.ceiling, 0)),
         _num(number(s.spent, 0)), _num(percent(s.absorption)))
        for n, s in enumerate(linked, 1)
    )
    ceiling, spent = report.budget.for_objective(objective.code)
    total = (
        Cell(msg.ROW_TOTAL, "total center", colspan=3), _num_total(number(ceiling, 0)),
        _num_total(number(spent, 0)), _num_total(percent(absorption(ceiling, spent))),
    )
    return Table(
        msg.CAP_PROGRAMME.format(objective=objective_name(objective), year=report.year),
        _head(msg.COL_NO, msg.COL_CODE, msg.COL_SUB_ACTIVITY, msg.COL_CEILING, msg.COL_SPENT,
              msg.COL_ABSORPTION),
        body,
        "lkjip-program",
        foot=(total,),
    )


def _num_total(text: str) -> Cell:
    return Cell(text, "num total")


def _remaining(ceiling: float, spent: float | None) -> str:
    return number(None if spent is None else ceiling - spent, 0)


def _budget_row(code: str, name: str, ceiling: float, spent: float | None, level: int) -> Row:
    kind = f"level-{level}"
    return (
        Cell(code, f"{kind} nowrap"), Cell(name, kind),
        Cell(number(ceiling, 0), f"num {kind}"), Cell(number(spent, 0), f"num {kind}"),
        Cell(percent(absorption(ceiling, spent)), f"num {kind}"),
        Cell(_remaining(ceiling, spent), f"num {kind}"),
    )


def budget_table(report: Report) -> Table:
    """The whole budget: programme, kegiatan, sub kegiatan (wide: landscape in print)."""
    body: list[Row] = []
    for p in report.budget.programs:
        body.append(_budget_row(p.code, p.name, p.ceiling, p.spent, 1))
        for a in p.activities:
            body.append(_budget_row(a.code, a.name, a.ceiling, a.spent, 2))
            body += [
                _budget_row(s.code, s.name, s.ceiling, s.spent, 3) for s in a.sub_activities
            ]
    b = report.budget
    total = (
        Cell(msg.ROW_TOTAL, "total center", colspan=2), _num_total(number(b.ceiling, 0)),
        _num_total(number(b.spent, 0)), _num_total(percent(b.absorption)),
        _num_total(_remaining(b.ceiling, b.spent)),
    )
    return Table(
        msg.CAP_BUDGET.format(org=report.organisation.name, year=report.year),
        _head(msg.COL_CODE, msg.COL_DESCRIPTION, msg.COL_CEILING, msg.COL_SPENT,
              msg.COL_ABSORPTION, msg.COL_REMAINING),
        tuple(body),
        "lkjip-anggaran",
        wide=True,
        foot=(total,),
    )


def scale_table(report: Report) -> Table:
    body = []
    upper: float | None = None
    for n, band in enumerate(report.scale.bands, 1):
        if band.lower is None:
            text = msg.BAND_BELOW.format(high=auto_number(upper))
        elif upper is None:
            text = msg.BAND_FROM.format(low=auto_number(band.lower))
        else:
            text = msg.BAND_BETWEEN.format(low=auto_number(band.lower), high=auto_number(upper))
        body.append((_no(n), Cell(band.name), Cell(text)))
        upper = band.lower if band.lower is not None else upper
    return Table(
        msg.CAP_SCALE,
        _head(msg.COL_NO, msg.COL_CATEGORY, msg.COL_BAND),
        tuple(body),
        "lkjip-skala",
    )
