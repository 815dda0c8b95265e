"""The SOP's "data tidak lengkap" (steps 5 and 6), as rules: ``lkjip check --lengkap``.

Pure: documents and parsed content in, :class:`Missing` items out. Each item says which part of
the report it belongs to and who is responsible for it, when the data names someone
(``penanggung_jawab`` of an indicator or of a budget sub kegiatan), so the summary can tell the
team who must complete what before the draft goes up for review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.content import placeholders
from pipeline.content.bab3 import find_chapter, parse_chapter
from pipeline.content.markdown import MarkdownFile
from pipeline.data.consistency import IND, ORG, PK, objective_codes, sub_activities
from pipeline.data.quarterly import derived_actual
from pipeline.data.yamlfile import PathKey, YamlDocument
from pipeline.errors import Problem
from pipeline.macro.syntax import without_macros
from pipeline.messages import content as cmsg
from pipeline.messages import data as msg
from pipeline.model.quarters import Aggregation, year_value

Documents = dict[str, YamlDocument]


@dataclass(frozen=True)
class Missing:
    """Something the draft still lacks."""

    problem: Problem
    part: str  # chapter title (content) or data file
    people: tuple[str, ...]  # responsible, when the data names them


def check_completeness(docs: Documents, files: list[MarkdownFile]) -> list[Missing]:
    """Everything the SOP would send back as incomplete."""
    people = people_of_objectives(docs)
    missing = list(_actuals(docs))
    missing.extend(_spent(docs))
    missing.extend(_data_placeholders(docs))
    missing.extend(_chapter(docs, files, people))
    missing.extend(_content_placeholders(files, people))
    return missing


def people_of_objectives(docs: Documents) -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = {}
    if IND in docs:
        for indicator in docs[IND].value["indikator"]:
            person = indicator.get("penanggung_jawab")
            names = result.setdefault(indicator["sasaran"], [])
            if person and person not in names:
                names.append(person)
    return {code: tuple(names) for code, names in result.items()}


def _person(item: dict[str, Any]) -> tuple[str, ...]:
    return (item["penanggung_jawab"],) if item.get("penanggung_jawab") else ()


def _actuals(docs: Documents) -> Iterator[Missing]:
    if ORG not in docs or IND not in docs or PK not in docs:
        return
    year = docs[ORG].value["tahun_laporan"]
    doc = docs[IND]
    agreed = set(docs[PK].value["indikator"])
    for i, indicator in enumerate(doc.value["indikator"]):
        if indicator["kode"] not in agreed:
            continue
        written = indicator["realisasi"].get(str(year))
        if written is None and derived_actual(indicator, year) is None:
            key: PathKey = ("indikator", i, "realisasi")
            if str(year) in indicator["realisasi"]:
                key += (str(year),)
            yield Missing(doc.problem(key, msg.MISSING_ACTUAL.format(
                code=indicator["kode"], year=year)), doc.path, _person(indicator))


def _spent(docs: Documents) -> Iterator[Missing]:
    for doc, key, sub in sub_activities(docs):
        if sub["realisasi"] is None and year_value(
                sub.get("realisasi_triwulan") or [None], Aggregation.SUM) is None:
            yield Missing(doc.problem((*key, "realisasi"), msg.MISSING_SPENT.format(
                code=sub["kode"], year=doc.value["tahun"])), doc.path, _person(sub))


def _data_placeholders(docs: Documents) -> Iterator[Missing]:
    for doc in docs.values():
        yield from _walk_placeholders(doc, doc.value, (), ())


def _walk_placeholders(
    doc: YamlDocument, value: Any, key: PathKey, people: tuple[str, ...]
) -> Iterator[Missing]:
    if isinstance(value, dict):
        people = _person(value) or people  # an indicator's or sub kegiatan's own person
        for name, item in value.items():
            yield from _walk_placeholders(doc, item, key + (name,), people)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_placeholders(doc, item, key + (index,), people)
    elif isinstance(value, str):
        found = placeholders.find_in_value(value)
        if found:
            yield Missing(doc.problem(key, msg.DATA_PLACEHOLDER.format(
                field=".".join(map(str, key)), found=", ".join(dict.fromkeys(found)))),
                doc.path, people)


def _chapter(
    docs: Documents, files: list[MarkdownFile], people: dict[str, tuple[str, ...]]
) -> Iterator[Missing]:
    objectives = objective_codes(docs)
    if not objectives:
        return  # renstra.yaml is unusable: its own problems say so
    md = find_chapter(files)
    if md is None:
        yield Missing(Problem("content/bab-3-akuntabilitas-kinerja.md", None, cmsg.BAB3_MISSING),
                      "BAB III", ())
        return
    chapter = parse_chapter(md)
    if chapter.section_a is None:
        first = md.headings[0].line if md.headings else 1
        yield Missing(Problem(md.path, first, cmsg.BAB3_NO_SECTION_A), md.title, ())
        return
    sections = {s.code: s for s in reversed(chapter.sections)}  # the first one of a code wins
    for code in objectives:
        who = people.get(code, ())
        section = sections.get(code)
        if section is None:
            yield Missing(Problem(md.path, chapter.section_a.line,
                                  cmsg.BAB3_NO_OBJECTIVE.format(code=code)), md.title, who)
            continue
        for number, name in cmsg.ANALYSES.items():
            if number not in section.analyses:
                yield Missing(Problem(md.path, section.heading.line,
                                      cmsg.BAB3_MISSING_ANALYSIS.format(
                                          number=number, name=name, code=code)), md.title, who)
                continue
            heading, has_text = section.analyses[number]
            if not has_text:
                yield Missing(Problem(md.path, heading.line, cmsg.BAB3_EMPTY_ANALYSIS.format(
                    number=number, code=code)), md.title, who)


def _content_placeholders(
    files: list[MarkdownFile], people: dict[str, tuple[str, ...]]
) -> Iterator[Missing]:
    bab3 = find_chapter(files)
    chapter = parse_chapter(bab3) if bab3 is not None else None
    for md in files:
        for line, found in placeholders.find_in_lines([without_macros(ln) for ln in md.prose]):
            objective = chapter.objective_at(line) if chapter and md is bab3 else None
            yield Missing(Problem(md.path, line, cmsg.PLACEHOLDER.format(
                found=", ".join(f"'{f}'" for f in dict.fromkeys(found)))), md.title,
                people.get(objective, ()) if objective else ())


def summary(missing: list[Missing]) -> list[str]:
    """A short account of what is missing, per chapter or file and per person responsible."""
    if not missing:
        return [msg.SUMMARY_NONE]
    lines = [msg.SUMMARY_TITLE, msg.SUMMARY_BY_PART]
    parts = Counter(m.part if m.part == m.problem.path else f"{m.part} ({m.problem.path})"
                    for m in missing)
    lines += [msg.SUMMARY_LINE.format(name=name, count=n) for name, n in _ordered(parts)]
    people: Counter[str] = Counter()
    for m in missing:
        for person in m.people or (msg.SUMMARY_NOBODY,):
            people[person] += 1
    lines.append(msg.SUMMARY_BY_PERSON)
    lines += [msg.SUMMARY_LINE.format(name=name, count=n) for name, n in _ordered(people)]
    return lines


def _ordered(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
