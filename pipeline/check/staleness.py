"""Prose that has gone (or will go) stale: part of ``lkjip check --lengkap``.

Pure: the parsed content and the :class:`Report` in, :class:`Missing` items out.

- every Perjanjian Kinerja indicator is discussed in its sasaran's section of Bab III;
- the Ikhtisar Eksekutif names every indicator below target;
- no number typed in prose equals a figure a macro provides (it would not follow the data).

An indicator counts as discussed where its code appears (typed, or as the argument of an
inline macro such as ``{{ realisasi IKU-06 }}``) or where its description is written out. A
table or a chart of the sasaran is not a discussion, nor is a generated list. The Ikhtisar
may name the indicators below target with ``{{ indikator_belum_mencapai_target }}`` (which
names exactly those, decided by :mod:`pipeline.model.statements` as the printed text is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.check.completeness import Missing
from pipeline.content.bab3 import find_chapter, parse_chapter
from pipeline.content.markdown import MarkdownFile
from pipeline.errors import Problem
from pipeline.formatting import percent
from pipeline.macro.registry import MACROS
from pipeline.macro.syntax import find_macros, without_macros
from pipeline.messages import content as msg
from pipeline.model import statements
from pipeline.model.indicators import Indicator
from pipeline.model.report import Report
from pipeline.render.macros import expand
from pipeline.render.pages import PRINT_KEY, split_front_matter

_IKHTISAR = re.compile(r"^IKHTISAR\s+EKSEKUTIF", re.IGNORECASE)
# Figures as the macros print them: 64,21 / 85,71% / 100% / Rp1.234.567 (a bare integer such
# as a year, a count or a regulation's number is never taken for one).
_FIGURE = re.compile(r"Rp\s?\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:\.\d{3})*,\d+%?|\d+%")
_BELOW_LIST = "indikator_belum_mencapai_target"
_LISTS = {"indikator_belum_mencapai_target", "jumlah_belum_mencapai_target",
          "indikator_kategori_tertinggi", "indikator_bukan_kategori_tertinggi"}


def stale_prose(files: list[MarkdownFile], report: Report,
                people: dict[str, tuple[str, ...]]) -> list[Missing]:
    missing = list(_not_discussed(files, report, people))
    missing.extend(_ikhtisar(files, report))
    missing.extend(_typed_figures(files, report))
    return missing


def _named(report: Report, lines: list[str], first_line: int, *,
           below_list: bool = False) -> set[str]:
    """Codes of the indicators that ``lines`` discuss (see the module's docstring);
    ``below_list``: the list of indicators below target names its members."""
    text = "\n".join(lines)
    named: set[str] = set()
    uses = find_macros(text, line_offset=first_line - 1)
    for use in uses:
        spec = MACROS.get(use.name)
        if spec is None or spec.block or use.name in _LISTS - {_BELOW_LIST}:
            continue
        if use.name != _BELOW_LIST:
            named.update(use.args)
        elif below_list:
            objective = use.args[0] if use.args else None
            named.update(i.code for i in statements.below_target(report, objective))
    prose = "\n".join(without_macros(line) for line in lines).casefold()
    for indicator in report.indicators:
        if indicator.code.casefold() in prose or indicator.description.casefold() in prose:
            named.add(indicator.code)
    return named


def _name(indicator: Indicator) -> str:
    return indicator.description


def _not_discussed(files: list[MarkdownFile], report: Report,
                   people: dict[str, tuple[str, ...]]) -> Iterator[Missing]:
    md = find_chapter(files)
    if md is None:
        return  # the completeness check already says Bab III is missing
    chapter = parse_chapter(md)
    sections = {s.code: s for s in reversed(chapter.sections)}
    for indicator in report.agreement_indicators:
        section = sections.get(indicator.objective)
        if section is None:
            continue  # reported as a missing section
        start = section.heading.line
        named = _named(report, md.prose[start - 1:section.end], start)
        if indicator.code not in named:
            yield Missing(Problem(md.path, start, msg.STALE_NOT_DISCUSSED.format(
                code=indicator.code, name=_name(indicator), objective=indicator.objective)),
                md.title, people.get(indicator.objective, ()))


def find_ikhtisar(files: list[MarkdownFile]) -> MarkdownFile | None:
    for md in files:
        if any(h.level == 1 and _IKHTISAR.match(h.text) for h in md.headings):
            return md
    return next((md for md in files if md.file.name.startswith("ikhtisar")), None)


def _ikhtisar(files: list[MarkdownFile], report: Report) -> Iterator[Missing]:
    md = find_ikhtisar(files)
    if md is None:
        return
    named = _named(report, md.prose, 1, below_list=True)
    first = md.headings[0].line if md.headings else 1
    for indicator in statements.below_target(report):
        if indicator.code not in named:
            yield Missing(Problem(md.path, first, msg.STALE_IKHTISAR.format(
                code=indicator.code, name=_name(indicator),
                achievement=percent(indicator.achievement(report.year).value))), md.title, ())


# --- numbers typed in prose -----------------------------------------------------------------

def _figure_macros(report: Report) -> list[str]:
    """Every inline macro use that prints a figure, with every argument it can take."""
    years = [str(y) for y in report.renstra.years]
    uses: list[str] = []
    for i in report.indicators:
        for name in ("target", "realisasi", "capaian"):
            uses += [f"{name} {i.code}"] + [f"{name} {i.code} {y}" for y in years]
        uses += [f"{name} {i.code}" for name in
                 ("target_renstra", "capaian_renstra", "standar_nasional")]
    for o in report.renstra.objectives:
        uses += [f"{name} {o.code}" for name in
                 ("capaian_sasaran", "pagu_sasaran", "realisasi_anggaran_sasaran",
                  "serapan_sasaran", "efisiensi")]
    codes = [""] + [f" {code}" for code in _budget_codes(report)]
    for name in ("pagu", "realisasi_anggaran", "serapan", "sisa_anggaran"):
        uses += [f"{name}{code}" for code in codes]
    return uses


def _budget_codes(report: Report) -> list[str]:
    return [item.code for item in report.budget.items()]


def figures(report: Report) -> dict[str, str]:
    """Each figure the macros print (``64,21``, ``85,71%``) -> the first macro printing it."""
    found: dict[str, str] = {}
    for use in _figure_macros(report):
        text = expand("{{ " + use + " }}", "content/_angka.md", report)
        for figure in _FIGURE.findall(text):
            found.setdefault(_normal(figure), use)
    return found


def _normal(figure: str) -> str:
    return figure.replace(" ", "")


def _in_report(md: MarkdownFile) -> bool:
    """Whether the page is part of the report (``cetak: false`` marks a guide for authors)."""
    meta, _body, _offset = split_front_matter("\n".join(md.lines))
    return meta.get(PRINT_KEY, True) is not False


def _typed_figures(files: list[MarkdownFile], report: Report) -> Iterator[Missing]:
    known = figures(report)
    for md in filter(_in_report, files):
        for number, line in enumerate(md.prose, 1):
            for figure in _FIGURE.findall(without_macros(line)):
                macro = known.get(_normal(figure))
                if macro is not None:
                    yield Missing(Problem(md.path, number, msg.STALE_TYPED_NUMBER.format(
                        number=figure, macro=macro)), md.title, ())

