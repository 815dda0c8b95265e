"""Macros: the only way a number from data/ enters the text of the report.

``{{ name ARG ARG }}`` in a Markdown page is replaced by text (inline macros) or by a numbered
table or figure (block macros, alone on their line). Everything is pure: text, its path and the
:class:`Report` in, text out. Code spans and fenced code blocks are left alone, so a guide can
show a macro without it being expanded.

Three entry points share one parser, so ``lkjip check``, the site and the PDF agree:

- :func:`find_macros` lists the uses with their line numbers;
- :func:`find_macro_problems` validates them against the report without rendering;
- :func:`expand` / :func:`expand_page` render them (and raise :class:`MacroError`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from html import escape
from typing import Any

from pipeline.errors import Location, Problem, UserError
from pipeline.formatting import (
    EN_DASH,
    auto_number,
    date_in_words,
    in_prose,
    number,
    percent,
    rupiah,
    target,
)
from pipeline.messages import render as msg
from pipeline.model import statements
from pipeline.model.budget import Activity, Program, SubActivity
from pipeline.model.indicators import Goal, Indicator, Objective
from pipeline.model.report import Report
from pipeline.render import tables
from pipeline.render.pages import _FRONT_MATTER, chapter_label

_MACRO = re.compile(r"\{\{(.*?)\}\}")
_OPEN = re.compile(r"\{\{")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_NAME = re.compile(r"^[a-z_]+$")


# --- finding macros -----------------------------------------------------------------------

@dataclass(frozen=True)
class MacroUse:
    """One ``{{ ... }}`` in a text."""

    name: str
    args: tuple[str, ...]
    line: int  # 1-based line in the file (the caller's line offset included)
    start: int  # column span of ``{{ ... }}`` in its line
    end: int
    alone: bool  # the only thing on its line (required of block macros)


def _front_matter_lines(text: str) -> int:
    match = _FRONT_MATTER.match(text)
    return text[: match.end()].count("\n") if match else 0


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_SPAN.finditer(line)]


def _scan(text: str, line_offset: int) -> tuple[list[MacroUse], list[tuple[int, str]]]:
    """Macro uses and syntax problems ``(line, message)`` outside code."""
    uses: list[MacroUse] = []
    problems: list[tuple[int, str]] = []
    skip = _front_matter_lines(text)
    fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        number_ = index + 1 + line_offset
        if index < skip:
            continue
        if marker := _FENCE.match(line):
            token = marker.group(1)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence):
                fence = None
            continue
        if fence is not None or "{{" not in line:
            continue
        spans = _code_spans(line)

        def in_code(pos: int, spans: list[tuple[int, int]] = spans) -> bool:
            return any(a <= pos < b for a, b in spans)

        matched_ends: list[int] = []
        for m in _MACRO.finditer(line):
            if in_code(m.start()):
                continue
            matched_ends.append(m.start())
            words = m.group(1).split()
            if not words:
                problems.append((number_, msg.MACRO_EMPTY.format()))
                continue
            if not _NAME.match(words[0]):
                problems.append((number_, msg.MACRO_BAD_NAME.format(text=m.group(0))))
                continue
            alone = line.strip() == m.group(0)
            uses.append(MacroUse(words[0], tuple(words[1:]), number_, m.start(), m.end(), alone))
        for o in _OPEN.finditer(line):
            if not in_code(o.start()) and not any(
                a <= o.start() < b for a, b in (mm.span() for mm in _MACRO.finditer(line))
            ):
                problems.append((number_, msg.MACRO_UNCLOSED.format()))
                break
    return uses, problems


def find_macros(text: str, *, line_offset: int = 0) -> list[MacroUse]:
    """Every macro use in ``text`` with its line number (syntax errors left out)."""
    return _scan(text, line_offset)[0]


# --- argument kinds -----------------------------------------------------------------------

class Kind(Enum):
    INDICATOR = "IKU"
    OBJECTIVE = "SS"
    BUDGET = "KODE_ANGGARAN"
    ANY = "KODE"
    YEAR = "TAHUN"


BudgetItem = Program | Activity | SubActivity


def budget_item(report: Report, code: str) -> BudgetItem | None:
    for p in report.budget.programs:
        if p.code == code:
            return p
        for a in p.activities:
            if a.code == code:
                return a
            for s in a.sub_activities:
                if s.code == code:
                    return s
    return None


def _resolve(report: Report, kind: Kind, value: str) -> tuple[Any, str | None]:
    """(resolved object, problem message or None)."""
    if kind is Kind.INDICATOR:
        found = report.indicator(value)
        known = ", ".join(i.code for i in report.indicators)
        return found, None if found else msg.UNKNOWN_INDICATOR.format(code=value, known=known)
    if kind is Kind.OBJECTIVE:
        found_o = report.objective(value)
        known = ", ".join(o.code for o in report.renstra.objectives)
        return found_o, None if found_o else msg.UNKNOWN_OBJECTIVE.format(code=value, known=known)
    if kind is Kind.BUDGET:
        item = budget_item(report, value)
        return item, None if item else msg.UNKNOWN_BUDGET.format(code=value)
    if kind is Kind.ANY:
        any_ = (report.goal(value) or report.objective(value) or report.indicator(value)
                or budget_item(report, value))
        return any_, None if any_ else msg.UNKNOWN_CODE.format(code=value)
    start, end = report.renstra.start, report.renstra.end
    if value.isdigit() and start <= int(value) <= end:
        return int(value), None
    return None, msg.BAD_YEAR.format(value=value, start=start, end=end)


# --- rendering context --------------------------------------------------------------------

@dataclass(frozen=True)
class Caption:
    """A numbered table or figure, for the lists of tables and figures of the print version."""

    kind: str  # msg.TABLE or msg.FIGURE
    label: str  # "3.2"
    text: str
    element_id: str


@dataclass
class _Context:
    report: Report
    path: str
    chapter: str | None
    stem: str
    captions: list[Caption] = field(default_factory=list)

    def next_label(self, kind: str) -> tuple[str, str]:
        """(label, element id) of the next table or figure of this page."""
        n = 1 + sum(1 for c in self.captions if c.kind == kind)
        label = f"{self.chapter}.{n}" if self.chapter else str(n)
        prefix = "tabel" if kind == msg.TABLE else "gambar"
        scope = (self.chapter or self.stem).lower()
        return label, f"{prefix}-{scope}-{n}"

    @property
    def year(self) -> int:
        return self.report.year


def _table(ctx: _Context, table: tables.Table) -> str:
    label, element_id = ctx.next_label(msg.TABLE)
    ctx.captions.append(Caption(msg.TABLE, label, table.caption, element_id))
    return tables.table_html(table, label, element_id)


def _figure(ctx: _Context, svg: str, caption: str) -> str:
    from pipeline.render import charts  # lazy: matplotlib is slow to import

    label, element_id = ctx.next_label(msg.FIGURE)
    ctx.captions.append(Caption(msg.FIGURE, label, caption, element_id))
    title = f"{msg.FIGURE} {label}"
    return (
        f'<figure class="lkjip-figure" id="{element_id}">'
        f'<img src="{charts.data_uri(svg)}" alt="{escape(title)} {escape(caption)}">'
        f'<figcaption><span class="lkjip-label">{escape(title)}</span> {escape(caption)}'
        "</figcaption></figure>"
    )


def _note(text: str) -> str:
    return f'<p class="lkjip-note">{escape(text)}</p>'


# --- inline macros ------------------------------------------------------------------------

def _description(ctx: _Context, item: Any) -> str:
    if isinstance(item, Goal | Objective | Indicator):
        return item.description
    return str(item.name)


def _year(ctx: _Context, year: int | None) -> int:
    return ctx.year if year is None else year


def _target(ctx: _Context, i: Indicator, year: int | None) -> str:
    return in_prose(target(i.target(_year(ctx, year))), i.unit)


def _actual(ctx: _Context, i: Indicator, year: int | None) -> str:
    return in_prose(auto_number(i.actual(_year(ctx, year))), i.unit)


def _achievement(ctx: _Context, i: Indicator, year: int | None) -> str:
    return percent(i.achievement(_year(ctx, year)).value)


def _category(ctx: _Context, i: Indicator, year: int | None) -> str:
    return tables.category(ctx.report, i.achievement(_year(ctx, year)).value)


def _national(ctx: _Context, i: Indicator) -> str:
    standard = i.national_standard
    return in_prose(target(standard.value), i.unit) if standard else msg.NONE


def _budget_of(ctx: _Context, item: BudgetItem | None) -> tuple[float, float | None]:
    if item is None:
        return ctx.report.budget.ceiling, ctx.report.budget.spent
    return item.ceiling, item.spent


def _remaining(ceiling: float, spent: float | None) -> str:
    return rupiah(None if spent is None else ceiling - spent)


def _absorption(ceiling: float, spent: float | None) -> str:
    return percent(None if spent is None or ceiling <= 0 else spent / ceiling * 100)


def _join(items: list[str]) -> str:
    """Indonesian enumeration: ``a``, ``a dan b``, ``a, b, dan c``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {msg.AND} {items[1]}"
    return f"{', '.join(items[:-1])}, {msg.AND} {items[-1]}"


def indicator_name(indicator: Indicator) -> str:
    """The description as the middle of a sentence writes it: ``persentase temuan berulang``
    (an acronym such as ``SPIP`` or ``APIP`` at the start is kept)."""
    text = indicator.description
    if len(text) > 1 and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def _indicator_list(items: list[Indicator]) -> str:
    if not items:
        return msg.EMPTY_LIST
    return _join([msg.INDICATOR_IN_LIST.format(name=indicator_name(i), code=i.code)
                  for i in items])


def _code(o: Objective | None) -> str | None:
    return None if o is None else o.code


def _status(ctx: _Context, i: Indicator, year: int | None) -> str:
    return msg.TARGET_STATUS[statements.target_status(i, _year(ctx, year)).value]


def _direction(ctx: _Context, i: Indicator) -> str:
    previous = ctx.year - 1
    moved = statements.direction(i, ctx.year)
    value = in_prose(auto_number(i.actual(previous)), i.unit)
    return msg.DIRECTION[moved.value].format(previous=previous, value=value)


def _trend(ctx: _Context, i: Indicator) -> str:
    known = [y for y in ctx.report.years if i.actual(y) is not None]
    start = known[0] if known else ctx.report.renstra.start
    return msg.TREND[statements.trend(ctx.report, i).value].format(start=start)


def summary(report: Report) -> str:
    """``5 indikator Sangat Baik dan 2 indikator Baik`` over the PK indicators."""
    values = [i.achievement(report.year).value for i in report.agreement_indicators]
    parts = []
    for band in report.scale.bands:
        count = sum(1 for v in values if report.scale.category(v) == band.name)
        if count:
            parts.append(msg.SUMMARY_ITEM.format(count=count, category=band.name))
    unmeasured = sum(1 for v in values if v is None)
    if unmeasured:
        parts.append(msg.SUMMARY_UNMEASURED.format(count=unmeasured))
    return _join(parts)


def long_date(iso: str) -> str:
    """``2026-02-20`` -> ``20 Februari 2026``."""
    return date_in_words(date.fromisoformat(str(iso)))


def _signature(ctx: _Context) -> str:
    org = ctx.report.organisation
    head = org.head
    lines = [
        ("place-date", msg.SIGNATURE_PLACE_DATE.format(
            place=org.signing_place, date=long_date(org.signing_date))),
        ("position", f"{head.position},"),
        ("space", ""),
        ("name", head.name),
        ("rank", head.rank),
        ("nip", msg.SIGNATURE_NIP.format(nip=head.nip)),
    ]
    body = "".join(f'<p class="{kind}">{escape(text)}</p>' for kind, text in lines)
    return f'<div class="lkjip-signature">{body}</div>'


def _agreement_signatures(ctx: _Context) -> str:
    """Pihak Kedua (the Bupati) and Pihak Pertama (the head), with the PK's place and date."""
    from pipeline.templating import render

    org, pk = ctx.report.organisation, ctx.report.agreement
    head = org.head
    parties = [
        {"role": msg.PK_SECOND_PARTY, "position": pk.counterpart, "name": pk.counterpart_name,
         "rank": "", "nip": ""},
        {"role": msg.PK_FIRST_PARTY, "position": head.position, "name": head.name,
         "rank": head.rank, "nip": msg.SIGNATURE_NIP.format(nip=head.nip)},
    ]
    place_date = msg.SIGNATURE_PLACE_DATE.format(place=pk.signed_place,
                                                 date=long_date(pk.signed_date))
    return render("pipeline.render", "pk_signatures.html", place_date=place_date,
                  parties=parties).strip()


# --- block macros -------------------------------------------------------------------------

def _national_block(ctx: _Context, o: Objective) -> str:
    table = tables.national_table(ctx.report, o)
    if table is None:
        return _note(msg.NO_NATIONAL_STANDARD.format(objective=tables.objective_name(o)))
    return _table(ctx, table)


def _programme_block(ctx: _Context, o: Objective) -> str:
    table = tables.programme_table(ctx.report, o)
    if table is None:
        return _note(msg.NO_SUB_ACTIVITY.format(objective=tables.objective_name(o)))
    return _table(ctx, table)


def _efficiency_block(ctx: _Context, o: Objective | None) -> str:
    chosen = [o] if o else list(ctx.report.renstra.objectives)
    return _table(ctx, tables.efficiency_table(ctx.report, chosen))


def _indicator_chart(ctx: _Context, i: Indicator) -> str:
    from pipeline.render import charts  # lazy: matplotlib is slow to import

    renstra = ctx.report.renstra
    caption = msg.CAP_CHART_INDICATOR.format(
        indicator=i.description, start=renstra.start, end=renstra.end
    )
    return _figure(ctx, charts.indicator_chart(charts.indicator_series(ctx.report, i)), caption)


def _budget_chart(ctx: _Context) -> str:
    from pipeline.render import charts  # lazy: matplotlib is slow to import

    caption = msg.CAP_CHART_BUDGET.format(year=ctx.year)
    return _figure(ctx, charts.budget_chart(charts.budget_series(ctx.report)), caption)


def _rules(ctx: _Context) -> str:
    return msg.RULES_EXPLAINED.format(scale_ref=msg.RULES_SCALE_REF)


# --- the registry -------------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    params: tuple[Kind, ...]
    optional: int  # how many trailing params may be left out
    block: bool
    render: Callable[..., str]

    def usage(self, name: str) -> str:
        required = [k.value for k in self.params[: len(self.params) - self.optional]]
        optional = [f"[{k.value}]" for k in self.params[len(self.params) - self.optional:]]
        return "{{ " + " ".join([name, *required, *optional]) + " }}"


def _inline(*params: Kind, optional: int = 0) -> Callable[[Callable[..., str]], Spec]:
    return lambda fn: Spec(params, optional, False, fn)


def _block(*params: Kind, optional: int = 0) -> Callable[[Callable[..., str]], Spec]:
    return lambda fn: Spec(params, optional, True, fn)


IKU, SS, BUD, ANY, YEAR = Kind.INDICATOR, Kind.OBJECTIVE, Kind.BUDGET, Kind.ANY, Kind.YEAR

MACROS: dict[str, Spec] = {
    "tahun": _inline()(lambda c: str(c.year)),
    "periode_renstra": _inline()(
        lambda c: f"{c.report.renstra.start}{EN_DASH}{c.report.renstra.end}"),
    "instansi": _inline()(lambda c: c.report.organisation.name),
    "pemda": _inline()(lambda c: c.report.organisation.regency),
    "uraian": _inline(ANY)(_description),
    "target": _inline(IKU, YEAR, optional=1)(_target),
    "realisasi": _inline(IKU, YEAR, optional=1)(_actual),
    "capaian": _inline(IKU, YEAR, optional=1)(_achievement),
    "kategori": _inline(IKU, YEAR, optional=1)(_category),
    "target_renstra": _inline(IKU)(lambda c, i: in_prose(target(i.renstra_target), i.unit)),
    "capaian_renstra": _inline(IKU)(
        lambda c, i: percent(i.renstra_achievement(c.year).value)),
    "standar_nasional": _inline(IKU)(_national),
    "capaian_sasaran": _inline(SS)(lambda c, o: percent(c.report.objective_achievement(o.code))),
    "kategori_sasaran": _inline(SS)(
        lambda c, o: tables.category(c.report, c.report.objective_achievement(o.code))),
    "pagu": _inline(BUD, optional=1)(lambda c, b: rupiah(_budget_of(c, b)[0])),
    "realisasi_anggaran": _inline(BUD, optional=1)(lambda c, b: rupiah(_budget_of(c, b)[1])),
    "serapan": _inline(BUD, optional=1)(lambda c, b: _absorption(*_budget_of(c, b))),
    "sisa_anggaran": _inline(BUD, optional=1)(lambda c, b: _remaining(*_budget_of(c, b))),
    "pagu_sasaran": _inline(SS)(lambda c, o: rupiah(c.report.budget.for_objective(o.code)[0])),
    "realisasi_anggaran_sasaran": _inline(SS)(
        lambda c, o: rupiah(c.report.budget.for_objective(o.code)[1])),
    "serapan_sasaran": _inline(SS)(
        lambda c, o: _absorption(*c.report.budget.for_objective(o.code))),
    "efisiensi": _inline(SS)(lambda c, o: number(c.report.efficiency(o.code).ratio)),
    "jumlah_indikator": _inline()(lambda c: str(len(c.report.agreement_indicators))),
    "jumlah_sasaran": _inline()(lambda c: str(len(c.report.renstra.objectives))),
    "ringkasan_kategori": _inline()(lambda c: summary(c.report)),
    "status_target": _inline(IKU, YEAR, optional=1)(_status),
    "arah": _inline(IKU)(_direction),
    "tren": _inline(IKU)(_trend),
    "status_efisiensi": _inline(SS)(
        lambda c, o: msg.EFFICIENCY_STATUS[c.report.efficiency(o.code).efficient]),
    "kategori_tertinggi": _inline()(lambda c: statements.top_category(c.report)),
    "indikator_belum_mencapai_target": _inline(SS, optional=1)(
        lambda c, o: _indicator_list(statements.below_target(c.report, _code(o)))),
    "jumlah_belum_mencapai_target": _inline(SS, optional=1)(
        lambda c, o: str(len(statements.below_target(c.report, _code(o))))),
    "indikator_kategori_tertinggi": _inline(SS, optional=1)(
        lambda c, o: _indicator_list(statements.in_top_category(c.report, _code(o)))),
    "indikator_bukan_kategori_tertinggi": _inline(SS, optional=1)(
        lambda c, o: _indicator_list(statements.not_in_top_category(c.report, _code(o)))),
    "tabel_tujuan_sasaran": _block()(lambda c: _table(c, tables.goals_table(c.report))),
    "tabel_iku": _block()(lambda c: _table(c, tables.indicators_table(c.report))),
    "tabel_perjanjian_kinerja": _block()(lambda c: _table(c, tables.agreement_table(c.report))),
    "tabel_capaian": _block(SS, optional=1)(
        lambda c, o: _table(c, tables.achievement_table(c.report, o))),
    "tabel_tren": _block(SS)(lambda c, o: _table(c, tables.trend_table(c.report, o))),
    "tabel_renstra": _block(SS)(lambda c, o: _table(c, tables.renstra_table(c.report, o))),
    "tabel_standar_nasional": _block(SS)(_national_block),
    "tabel_efisiensi": _block(SS, optional=1)(_efficiency_block),
    "tabel_program": _block(SS)(_programme_block),
    "grafik": _block(IKU)(_indicator_chart),
    "tabel_anggaran": _block()(lambda c: _table(c, tables.budget_table(c.report))),
    "grafik_anggaran": _block()(_budget_chart),
    "tabel_skala": _block()(lambda c: _table(c, tables.scale_table(c.report))),
    "aturan_capaian": _block()(_rules),
    "tanda_tangan": _block()(_signature),
    "tanda_tangan_perjanjian_kinerja": _block()(_agreement_signatures),
    "pihak_kedua": _inline()(
        lambda c: f"{c.report.agreement.counterpart} ({c.report.agreement.counterpart_name})"),
    "tempat_perjanjian_kinerja": _inline()(lambda c: c.report.agreement.signed_place),
    "tanggal_perjanjian_kinerja": _inline()(lambda c: long_date(c.report.agreement.signed_date)),
}


# --- validation ---------------------------------------------------------------------------

def _check_use(use: MacroUse, report: Report) -> tuple[list[Any], list[str]]:
    """(resolved arguments, problems) of one use."""
    spec = MACROS.get(use.name)
    if spec is None:
        guess = difflib.get_close_matches(use.name, MACROS, n=1)
        hint = msg.MACRO_HINT.format(guess=guess[0]) if guess else ""
        return [], [msg.MACRO_UNKNOWN.format(name=use.name, hint=hint, names=", ".join(MACROS))]
    problems: list[str] = []
    if spec.block and not use.alone:
        problems.append(msg.MACRO_BLOCK_INLINE.format(name=use.name))
    low, high = len(spec.params) - spec.optional, len(spec.params)
    if not low <= len(use.args) <= high:
        expected = (msg.ARITY_EXACT.format(count=low) if low == high
                    else msg.ARITY_RANGE.format(low=low, high=high))
        problems.append(msg.MACRO_ARITY.format(
            name=use.name, expected=expected, given=len(use.args), usage=spec.usage(use.name)))
        return [], problems
    values: list[Any] = []
    for kind, arg in zip(spec.params, use.args, strict=False):
        value, problem = _resolve(report, kind, arg)
        values.append(value)
        if problem:
            problems.append(problem)
    values += [None] * (len(spec.params) - len(values))
    return values, problems


def find_macro_problems(
    text: str, path: str, report: Report, *, line_offset: int = 0
) -> list[Problem]:
    """Every problem of the macros in ``text`` (a page of ``path``), without rendering.

    ``text`` may be the whole file, front matter included; line numbers are the file's.
    """
    uses, syntax = _scan(text, line_offset)
    problems = [Problem(path, line, message) for line, message in syntax]
    for use in uses:
        problems += [Problem(path, use.line, m) for m in _check_use(use, report)[1]]
    return sorted(problems, key=lambda p: (p.line or 0))


class MacroError(UserError):
    """A page uses a macro wrongly; ``problems`` has them all, each with path:line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        if len(problems) == 1:
            p = problems[0]
            super().__init__(p.message, Location(p.path, p.line))
        else:
            listed = "\n".join(f"  {p}" for p in problems)
            super().__init__(f"{msg.MACRO_ERRORS.format(count=len(problems))}\n{listed}")


# --- expansion ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Expansion:
    text: str
    captions: tuple[Caption, ...]


def expand_page(text: str, path: str, report: Report, *, line_offset: int = 0) -> Expansion:
    """``text`` with every macro replaced; :class:`MacroError` when any is wrong."""
    problems = find_macro_problems(text, path, report, line_offset=line_offset)
    if problems:
        raise MacroError(problems)
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    ctx = _Context(report, path, chapter_label(path), stem)
    lines = text.split("\n")
    by_line: dict[int, list[MacroUse]] = {}
    for use in find_macros(text, line_offset=line_offset):
        by_line.setdefault(use.line - line_offset - 1, []).append(use)
    for index in sorted(by_line):
        lines[index] = _expand_line(ctx, lines[index], by_line[index])
    return Expansion("\n".join(lines), tuple(ctx.captions))


def _expand_line(ctx: _Context, line: str, uses: list[MacroUse]) -> str:
    rendered = []
    for use in uses:  # left to right, so tables are numbered in reading order
        spec = MACROS[use.name]
        values, _ = _check_use(use, ctx.report)
        output = spec.render(ctx, *values)
        rendered.append((use, f"\n{output}\n" if spec.block else escape(output, quote=False)))
    for use, output in reversed(rendered):
        line = line[: use.start] + output + line[use.end:]
    return line


def expand(text: str, path: str, report: Report, *, line_offset: int = 0) -> str:
    """``text`` with every macro replaced (see :func:`expand_page`)."""
    return expand_page(text, path, report, line_offset=line_offset).text
