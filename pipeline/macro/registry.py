"""The macros there are, and whether a use of one is right for a report.

Each name has its parameter kinds (an indicator, an objective, a budget code, any code, a
year), how many trailing ones may be left out, and whether it is inline (text in a sentence)
or block (a table or figure alone on its line). A use is judged against a
:class:`Report`: its arguments are resolved to the model's objects, or each wrong one
becomes a problem with file:line. What a macro prints is :mod:`pipeline.render.macros`' job;
its table of renderers must name exactly the macros listed here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pipeline.errors import Location, Problem, UserError
from pipeline.macro.syntax import MacroUse, scan
from pipeline.messages import render as msg
from pipeline.model.budget import Activity, Program, SubActivity
from pipeline.model.report import Report

# --- parameter kinds ----------------------------------------------------------------------


class Kind(Enum):
    INDICATOR = "IKU"
    OBJECTIVE = "SS"
    BUDGET = "KODE_ANGGARAN"
    ANY = "KODE"
    YEAR = "TAHUN"


BudgetItem = Program | Activity | SubActivity


def budget_item(report: Report, code: str) -> BudgetItem | None:
    return report.budget.item(code)


def resolve(report: Report, kind: Kind, value: str) -> tuple[Any, str | None]:
    """(resolved object, problem message or None) of one argument."""
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


# --- the registry -------------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """What a macro takes: its parameter kinds, how many trailing ones are optional, and
    whether it is a block (alone on its line) or inline."""

    params: tuple[Kind, ...]
    optional: int  # how many trailing params may be left out
    block: bool

    def usage(self, name: str) -> str:
        required = [k.value for k in self.params[: len(self.params) - self.optional]]
        optional = [f"[{k.value}]" for k in self.params[len(self.params) - self.optional:]]
        return "{{ " + " ".join([name, *required, *optional]) + " }}"


def _inline(*params: Kind, optional: int = 0) -> Spec:
    return Spec(params, optional, False)


def _block(*params: Kind, optional: int = 0) -> Spec:
    return Spec(params, optional, True)


IKU, SS, BUD, ANY, YEAR = Kind.INDICATOR, Kind.OBJECTIVE, Kind.BUDGET, Kind.ANY, Kind.YEAR

MACROS: dict[str, Spec] = {
    "tahun": _inline(),
    "periode_renstra": _inline(),
    "instansi": _inline(),
    "pemda": _inline(),
    "uraian": _inline(ANY),
    "target": _inline(IKU, YEAR, optional=1),
    "realisasi": _inline(IKU, YEAR, optional=1),
    "capaian": _inline(IKU, YEAR, optional=1),
    "kategori": _inline(IKU, YEAR, optional=1),
    "target_renstra": _inline(IKU),
    "capaian_renstra": _inline(IKU),
    "standar_nasional": _inline(IKU),
    "capaian_sasaran": _inline(SS),
    "kategori_sasaran": _inline(SS),
    "pagu": _inline(BUD, optional=1),
    "realisasi_anggaran": _inline(BUD, optional=1),
    "serapan": _inline(BUD, optional=1),
    "sisa_anggaran": _inline(BUD, optional=1),
    "pagu_sasaran": _inline(SS),
    "realisasi_anggaran_sasaran": _inline(SS),
    "serapan_sasaran": _inline(SS),
    "efisiensi": _inline(SS),
    "jumlah_indikator": _inline(),
    "jumlah_sasaran": _inline(),
    "ringkasan_kategori": _inline(),
    "status_target": _inline(IKU, YEAR, optional=1),
    "arah": _inline(IKU),
    "tren": _inline(IKU),
    "status_efisiensi": _inline(SS),
    "kategori_tertinggi": _inline(),
    "indikator_belum_mencapai_target": _inline(SS, optional=1),
    "jumlah_belum_mencapai_target": _inline(SS, optional=1),
    "indikator_kategori_tertinggi": _inline(SS, optional=1),
    "indikator_bukan_kategori_tertinggi": _inline(SS, optional=1),
    "tabel_tujuan_sasaran": _block(),
    "tabel_iku": _block(),
    "tabel_perjanjian_kinerja": _block(),
    "tabel_capaian": _block(SS, optional=1),
    "tabel_tren": _block(SS),
    "tabel_renstra": _block(SS),
    "tabel_standar_nasional": _block(SS),
    "tabel_efisiensi": _block(SS, optional=1),
    "tabel_program": _block(SS),
    "grafik": _block(IKU),
    "tabel_anggaran": _block(),
    "grafik_anggaran": _block(),
    "tabel_skala": _block(),
    "aturan_capaian": _block(),
    "tanda_tangan": _block(),
    "tanda_tangan_perjanjian_kinerja": _block(),
    "pihak_kedua": _inline(),
    "tempat_perjanjian_kinerja": _inline(),
    "tanggal_perjanjian_kinerja": _inline(),
}


# --- judging uses -------------------------------------------------------------------------

@dataclass(frozen=True)
class ResolvedUse:
    """A right use: its spec and its arguments as the model's objects (``None`` for an
    optional argument left out)."""

    use: MacroUse
    spec: Spec
    values: tuple[Any, ...]


def check_use(use: MacroUse, report: Report) -> tuple[ResolvedUse | None, list[str]]:
    """(the use resolved, or None when it is wrong; its problems) of one use."""
    spec = MACROS.get(use.name)
    if spec is None:
        guess = difflib.get_close_matches(use.name, MACROS, n=1)
        hint = msg.MACRO_HINT.format(guess=guess[0]) if guess else ""
        return None, [msg.MACRO_UNKNOWN.format(name=use.name, hint=hint, names=", ".join(MACROS))]
    problems: list[str] = []
    if spec.block and not use.alone:
        problems.append(msg.MACRO_BLOCK_INLINE.format(name=use.name))
    low, high = len(spec.params) - spec.optional, len(spec.params)
    if not low <= len(use.args) <= high:
        expected = (msg.ARITY_EXACT.format(count=low) if low == high
                    else msg.ARITY_RANGE.format(low=low, high=high))
        problems.append(msg.MACRO_ARITY.format(
            name=use.name, expected=expected, given=len(use.args), usage=spec.usage(use.name)))
        return None, problems
    values: list[Any] = []
    for kind, arg in zip(spec.params, use.args, strict=False):
        value, problem = resolve(report, kind, arg)
        values.append(value)
        if problem:
            problems.append(problem)
    values += [None] * (len(spec.params) - len(values))
    return (None if problems else ResolvedUse(use, spec, tuple(values))), problems


@dataclass(frozen=True)
class CheckedPage:
    """The macros of one page: every right use resolved, every problem with path:line."""

    uses: tuple[ResolvedUse, ...]
    problems: tuple[Problem, ...]


def check_page(text: str, path: str, report: Report, *, line_offset: int = 0) -> CheckedPage:
    """Every macro use in ``text`` (a page of ``path``) judged against ``report``, once.

    ``text`` may be the whole file, front matter included; line numbers are the file's."""
    uses, syntax = scan(text, line_offset=line_offset)
    problems = [Problem(path, line, message) for line, message in syntax]
    resolved: list[ResolvedUse] = []
    for use in uses:
        right, found = check_use(use, report)
        problems += [Problem(path, use.line, m) for m in found]
        if right is not None:
            resolved.append(right)
    problems.sort(key=lambda p: (p.line or 0))
    return CheckedPage(tuple(resolved), tuple(problems))


def find_macro_problems(
    text: str, path: str, report: Report, *, line_offset: int = 0
) -> list[Problem]:
    """Every problem of the macros in ``text`` (a page of ``path``), without rendering.

    ``text`` may be the whole file, front matter included; line numbers are the file's.
    """
    return list(check_page(text, path, report, line_offset=line_offset).problems)


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
