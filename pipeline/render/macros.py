"""How each macro renders: text for inline macros, a numbered table or figure for block ones.

The language itself (finding ``{{ ... }}`` in a page, the names and their arguments, judging a
use against the report) is :mod:`pipeline.macro`; this module only says what each registered
name prints. :data:`RENDERERS` must name exactly the macros of
:data:`pipeline.macro.registry.MACROS` (checked when this module is imported, and by a test).

Everything is pure: text, its path and the :class:`Report` in, text out.
:func:`expand` / :func:`expand_page` render a page (and raise :class:`MacroError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

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
from pipeline.macro.registry import MACROS, BudgetItem, MacroError, ResolvedUse, check_page
from pipeline.messages import render as msg
from pipeline.model import statements
from pipeline.model.indicators import Goal, Indicator, Objective
from pipeline.model.report import Report
from pipeline.render import tables
from pipeline.render.pages import chapter_label
from pipeline.templating import macros, render

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
    return str(_blocks().figure(element_id, charts.data_uri(svg), f"{msg.FIGURE} {label}",
                                caption))


def _note(text: str) -> str:
    return str(_blocks().note(text))


def _blocks() -> Any:
    """The autoescaped templates of the blocks above (templates/blocks.html)."""
    return macros("pipeline.render", "blocks.html")


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
    return str(_blocks().signature(lines))


def _agreement_signatures(ctx: _Context) -> str:
    """Pihak Kedua (the Bupati) and Pihak Pertama (the head), with the PK's place and date."""
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


# --- the renderer of each registered macro ------------------------------------------------

RENDERERS: dict[str, Callable[..., str]] = {
    "tahun": lambda c: str(c.year),
    "periode_renstra": lambda c: f"{c.report.renstra.start}{EN_DASH}{c.report.renstra.end}",
    "instansi": lambda c: c.report.organisation.name,
    "pemda": lambda c: c.report.organisation.regency,
    "uraian": _description,
    "target": _target,
    "realisasi": _actual,
    "capaian": _achievement,
    "kategori": _category,
    "target_renstra": lambda c, i: in_prose(target(i.renstra_target), i.unit),
    "capaian_renstra": lambda c, i: percent(i.renstra_achievement(c.year).value),
    "standar_nasional": _national,
    "capaian_sasaran": lambda c, o: percent(c.report.objective_achievement(o.code)),
    "kategori_sasaran": (
        lambda c, o: tables.category(c.report, c.report.objective_achievement(o.code))),
    "pagu": lambda c, b: rupiah(_budget_of(c, b)[0]),
    "realisasi_anggaran": lambda c, b: rupiah(_budget_of(c, b)[1]),
    "serapan": lambda c, b: _absorption(*_budget_of(c, b)),
    "sisa_anggaran": lambda c, b: _remaining(*_budget_of(c, b)),
    "pagu_sasaran": lambda c, o: rupiah(c.report.budget.for_objective(o.code)[0]),
    "realisasi_anggaran_sasaran": lambda c, o: rupiah(c.report.budget.for_objective(o.code)[1]),
    "serapan_sasaran": lambda c, o: _absorption(*c.report.budget.for_objective(o.code)),
    "efisiensi": lambda c, o: number(c.report.efficiency(o.code).ratio),
    "jumlah_indikator": lambda c: str(len(c.report.agreement_indicators)),
    "jumlah_sasaran": lambda c: str(len(c.report.renstra.objectives)),
    "ringkasan_kategori": lambda c: summary(c.report),
    "status_target": _status,
    "arah": _direction,
    "tren": _trend,
    "status_efisiensi": lambda c, o: msg.EFFICIENCY_STATUS[c.report.efficiency(o.code).efficient],
    "kategori_tertinggi": lambda c: statements.top_category(c.report),
    "indikator_belum_mencapai_target": (
        lambda c, o: _indicator_list(statements.below_target(c.report, _code(o)))),
    "jumlah_belum_mencapai_target": (
        lambda c, o: str(len(statements.below_target(c.report, _code(o))))),
    "indikator_kategori_tertinggi": (
        lambda c, o: _indicator_list(statements.in_top_category(c.report, _code(o)))),
    "indikator_bukan_kategori_tertinggi": (
        lambda c, o: _indicator_list(statements.not_in_top_category(c.report, _code(o)))),
    "tabel_tujuan_sasaran": lambda c: _table(c, tables.goals_table(c.report)),
    "tabel_iku": lambda c: _table(c, tables.indicators_table(c.report)),
    "tabel_perjanjian_kinerja": lambda c: _table(c, tables.agreement_table(c.report)),
    "tabel_capaian": lambda c, o: _table(c, tables.achievement_table(c.report, o)),
    "tabel_tren": lambda c, o: _table(c, tables.trend_table(c.report, o)),
    "tabel_renstra": lambda c, o: _table(c, tables.renstra_table(c.report, o)),
    "tabel_standar_nasional": _national_block,
    "tabel_efisiensi": _efficiency_block,
    "tabel_program": _programme_block,
    "grafik": _indicator_chart,
    "tabel_anggaran": lambda c: _table(c, tables.budget_table(c.report)),
    "grafik_anggaran": _budget_chart,
    "tabel_skala": lambda c: _table(c, tables.scale_table(c.report)),
    "aturan_capaian": _rules,
    "tanda_tangan": _signature,
    "tanda_tangan_perjanjian_kinerja": _agreement_signatures,
    "pihak_kedua": (
        lambda c: f"{c.report.agreement.counterpart} ({c.report.agreement.counterpart_name})"),
    "tempat_perjanjian_kinerja": lambda c: c.report.agreement.signed_place,
    "tanggal_perjanjian_kinerja": lambda c: long_date(c.report.agreement.signed_date),
}

if RENDERERS.keys() != MACROS.keys():  # a name registered but not rendered, or the reverse
    raise ImportError(f"macro renderers do not match the registry: "
                      f"{sorted(RENDERERS.keys() ^ MACROS.keys())}")


# --- expansion ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Expansion:
    text: str
    captions: tuple[Caption, ...]


def expand_page(text: str, path: str, report: Report, *, line_offset: int = 0) -> Expansion:
    """``text`` with every macro replaced; :class:`MacroError` when any is wrong."""
    checked = check_page(text, path, report, line_offset=line_offset)
    if checked.problems:
        raise MacroError(list(checked.problems))
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    ctx = _Context(report, path, chapter_label(path), stem)
    lines = text.split("\n")
    by_line: dict[int, list[ResolvedUse]] = {}
    for resolved in checked.uses:
        by_line.setdefault(resolved.use.line - line_offset - 1, []).append(resolved)
    for index in sorted(by_line):
        lines[index] = _expand_line(ctx, lines[index], by_line[index])
    return Expansion("\n".join(lines), tuple(ctx.captions))


def _expand_line(ctx: _Context, line: str, uses: list[ResolvedUse]) -> str:
    rendered = []
    for resolved in uses:  # left to right, so tables are numbered in reading order
        use, spec = resolved.use, resolved.spec
        output = RENDERERS[use.name](ctx, *resolved.values)
        rendered.append((use, f"\n{output}\n" if spec.block else escape(output, quote=False)))
    for use, output in reversed(rendered):
        line = line[: use.start] + output + line[use.end:]
    return line


def expand(text: str, path: str, report: Report, *, line_offset: int = 0) -> str:
    """``text`` with every macro replaced (see :func:`expand_page`)."""
    return expand_page(text, path, report, line_offset=line_offset).text
