"""Consistency rules across the data files: what a schema cannot say.

Pure: schema-valid documents in, problems (with the line of the offending value) out. A rule
that needs a file that is missing or invalid is skipped: that file's own problems are already
reported, and guessing around them would only add noise.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

from pipeline.data.yamlfile import PathKey, YamlDocument
from pipeline.errors import Problem
from pipeline.messages import data as msg

Documents = dict[str, YamlDocument]

ORG, RENSTRA, IND, PK, BUDGET, SCALE = (
    "organisasi.yaml", "renstra.yaml", "indikator.yaml", "perjanjian_kinerja.yaml",
    "anggaran.yaml", "skala_capaian.yaml",
)


def check_consistency(docs: Documents) -> list[Problem]:
    """Every consistency problem of the (schema-valid) documents ``docs``."""
    problems: list[Problem] = []
    for rule in (_unique_codes, _objectives_and_indicators, _values_fit_units, _years,
                 _agreement, _budget, _dates, _scale):
        problems.extend(rule(docs))
    return problems


# --- unique codes -------------------------------------------------------------------------

def _unique_codes(docs: Documents) -> Iterator[Problem]:
    # Tujuan, sasaran and indikator share one namespace: a macro such as {{ uraian X }}
    # looks a code up in all of them. Budget codes are a namespace of their own.
    seen: dict[str, str] = {}
    for doc, key, code in _performance_codes(docs):
        where = f"{doc.path}:{doc.line_of(key)}"
        if code in seen:
            yield doc.problem(key, msg.DUPLICATE_CODE.format(code=code, first=seen[code]))
        else:
            seen[code] = where
    seen = {}
    for doc, key, code, _kind in _budget_codes(docs):
        if code in seen:
            yield doc.problem(key, msg.DUPLICATE_CODE.format(code=code, first=seen[code]))
        else:
            seen[code] = f"{doc.path}:{doc.line_of(key)}"


def _performance_codes(docs: Documents) -> Iterator[tuple[YamlDocument, PathKey, str]]:
    if RENSTRA in docs:
        doc = docs[RENSTRA]
        for t, goal in enumerate(doc.value["tujuan"]):
            yield doc, ("tujuan", t, "kode"), goal["kode"]
            for s, objective in enumerate(goal["sasaran"]):
                yield doc, ("tujuan", t, "sasaran", s, "kode"), objective["kode"]
    if IND in docs:
        doc = docs[IND]
        for i, indicator in enumerate(doc.value["indikator"]):
            yield doc, ("indikator", i, "kode"), indicator["kode"]


def sub_activities(docs: Documents) -> Iterator[tuple[YamlDocument, PathKey, dict]]:
    """Every sub kegiatan of the budget: (doc, its key, the item); none when the file is
    unusable. The one walk of the budget's tree (checks add a field to the key)."""
    if BUDGET not in docs:
        return
    doc = docs[BUDGET]
    for p, program in enumerate(doc.value["program"]):
        for k, activity in enumerate(program["kegiatan"]):
            for s, sub in enumerate(activity["sub_kegiatan"]):
                yield doc, ("program", p, "kegiatan", k, "sub_kegiatan", s), sub


def _budget_codes(docs: Documents) -> Iterator[tuple[YamlDocument, PathKey, str, dict]]:
    """Every program, kegiatan and sub kegiatan: (doc, key of its code, code, the item)."""
    if BUDGET not in docs:
        return
    doc = docs[BUDGET]
    for p, program in enumerate(doc.value["program"]):
        yield doc, ("program", p, "kode"), program["kode"], program
        for k, activity in enumerate(program["kegiatan"]):
            yield doc, ("program", p, "kegiatan", k, "kode"), activity["kode"], activity
            for s, sub in enumerate(activity["sub_kegiatan"]):
                key = ("program", p, "kegiatan", k, "sub_kegiatan", s, "kode")
                yield doc, key, sub["kode"], sub


def objective_codes(docs: Documents) -> list[str]:
    """The sasaran codes of the Renstra, in order (empty when renstra.yaml is unusable)."""
    if RENSTRA not in docs:
        return []
    return [s["kode"] for t in docs[RENSTRA].value["tujuan"] for s in t["sasaran"]]


# --- sasaran and indikator ----------------------------------------------------------------

def _objectives_and_indicators(docs: Documents) -> Iterator[Problem]:
    if RENSTRA not in docs or IND not in docs:
        return
    objectives = objective_codes(docs)
    known = ", ".join(objectives)
    indicators = docs[IND].value["indikator"]
    for i, indicator in enumerate(indicators):
        if indicator["sasaran"] not in objectives:
            yield docs[IND].problem(("indikator", i, "sasaran"), msg.UNKNOWN_OBJECTIVE.format(
                code=indicator["kode"], objective=indicator["sasaran"], known=known))
    measured = {indicator["sasaran"] for indicator in indicators}
    for t, goal in enumerate(docs[RENSTRA].value["tujuan"]):
        for s, objective in enumerate(goal["sasaran"]):
            if objective["kode"] not in measured:
                yield docs[RENSTRA].problem(("tujuan", t, "sasaran", s, "kode"),
                                            msg.OBJECTIVE_WITHOUT_INDICATOR.format(
                                                code=objective["kode"]))


# --- values and units ---------------------------------------------------------------------

def unit_rule(unit: str) -> tuple[str, Any] | None:
    """What the values of an indicator in ``unit`` must satisfy: (expected, test), or None.

    Only units whose meaning is unambiguous are checked: a percentage of something (0-100; a
    realisasi of 8246 % is a misplaced decimal point), the 1-5 maturity and capability levels
    (0 is allowed for "not yet assessed"), counts, and scores. Other units accept any number.
    """
    name = unit.strip().lower()
    if name in ("%", "persen"):
        return msg.UNIT_PERCENT, lambda v: 0 <= v <= 100
    if name == "level":
        return msg.UNIT_LEVEL, lambda v: 0 <= v <= 5
    if name in _COUNT_UNITS:
        return msg.UNIT_COUNT, lambda v: v >= 0 and float(v).is_integer()
    if name in ("nilai", "indeks", "skor", "poin"):
        return msg.UNIT_SCORE, lambda v: v >= 0
    return None


_COUNT_UNITS = {
    "kasus", "orang", "dokumen", "laporan", "kali", "kegiatan", "opd", "desa", "temuan",
    "rekomendasi", "perangkat daerah", "objek", "obrik", "unit", "buah", "pengaduan",
}


def _indicator_values(indicator: dict[str, Any]) -> Iterator[tuple[PathKey, str, Any]]:
    """(key, description, value) of every target-like value of an indicator."""
    for year, value in indicator["target"].items():
        yield ("target", year), f"target {year}", value
    for year, value in indicator["realisasi"].items():
        if value is not None:
            yield ("realisasi", year), f"realisasi {year}", value
    yield ("target_renstra",), "target_renstra", indicator["target_renstra"]
    if "standar_nasional" in indicator:
        standard = indicator["standar_nasional"]["nilai"]
        yield ("standar_nasional", "nilai"), "standar_nasional", standard


def _values_fit_units(docs: Documents) -> Iterator[Problem]:
    if IND not in docs:
        return
    doc = docs[IND]
    for i, indicator in enumerate(doc.value["indikator"]):
        code, unit = indicator["kode"], indicator["satuan"]
        rule = unit_rule(unit)
        for key, what, value in _indicator_values(indicator):
            at = ("indikator", i) + key
            numbers = value if isinstance(value, list) else [value]
            if isinstance(value, list) and value[0] > value[1]:
                yield doc.problem(at, msg.RANGE_REVERSED.format(
                    code=code, what=what, low=_num(value[0]), high=_num(value[1])))
            if rule is None:
                continue
            expected, fits = rule
            for n, number in enumerate(numbers):
                if not fits(number):
                    yield doc.problem(at + ((n,) if isinstance(value, list) else ()),
                                      msg.VALUE_UNIT.format(code=code, what=what,
                                                            value=_num(number), unit=unit,
                                                            expected=expected))


def _num(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# --- years --------------------------------------------------------------------------------

def _years(docs: Documents) -> Iterator[Problem]:
    if ORG not in docs:
        return
    report_year = docs[ORG].value["tahun_laporan"]
    period = None
    if RENSTRA in docs:
        renstra = docs[RENSTRA]
        start, end = renstra.value["periode"]["awal"], renstra.value["periode"]["akhir"]
        if start > end:
            yield renstra.problem(("periode", "awal"), msg.RENSTRA_PERIOD_REVERSED.format(
                start=start, end=end))
        else:
            period = (start, end)
            if not start <= report_year <= end:
                yield docs[ORG].problem(("tahun_laporan",), msg.REPORT_YEAR_OUTSIDE_RENSTRA.format(
                    year=report_year, start=start, end=end))
    for name, what in ((PK, "Perjanjian Kinerja"), (BUDGET, "anggaran")):
        if name in docs and docs[name].value["tahun"] != report_year:
            yield docs[name].problem(("tahun",), msg.YEAR_MISMATCH.format(
                year=docs[name].value["tahun"], report_year=report_year, what=what))
    if IND not in docs:
        return
    doc = docs[IND]
    for i, indicator in enumerate(doc.value["indikator"]):
        code = indicator["kode"]
        for field in ("target", "realisasi"):
            for year_text, value in indicator[field].items():
                year = int(year_text)
                at = ("indikator", i, field, year_text)
                if period and not period[0] <= year <= period[1]:
                    yield doc.problem(at, msg.YEAR_OUTSIDE_RENSTRA.format(
                        code=code, what=field, year=year, start=period[0], end=period[1]))
                elif field == "realisasi" and value is not None and year > report_year:
                    yield doc.problem(at, msg.ACTUAL_IN_FUTURE.format(
                        code=code, year=year, report_year=report_year))


# --- Perjanjian Kinerja -------------------------------------------------------------------

def _agreement(docs: Documents) -> Iterator[Problem]:
    if PK not in docs:
        return
    doc = docs[PK]
    year = doc.value["tahun"]
    indicators = {i["kode"]: i for i in docs[IND].value["indikator"]} if IND in docs else None
    listed: set[str] = set()
    for n, code in enumerate(doc.value["indikator"]):
        at = ("indikator", n)
        if code in listed:
            yield doc.problem(at, msg.DUPLICATE_IN_LIST.format(code=code))
            continue
        listed.add(code)
        if indicators is None:
            continue
        if code not in indicators:
            yield doc.problem(at, msg.AGREEMENT_UNKNOWN_INDICATOR.format(code=code))
        elif str(year) not in indicators[code]["target"]:
            yield doc.problem(at, msg.AGREEMENT_NO_TARGET.format(code=code, year=year))


# --- budget -------------------------------------------------------------------------------

def _budget(docs: Documents) -> Iterator[Problem]:
    # pagu > 0 and realisasi >= 0 are in the schema; here what links items to each other.
    objectives = objective_codes(docs) if RENSTRA in docs else None
    kinds = {3: "program", 5: "kegiatan", 7: "sub kegiatan"}  # by the depth of the code's key
    for doc, key, code, item in _budget_codes(docs):
        kind = kinds[len(key)]
        if objectives is not None and "sasaran" in item and item["sasaran"] not in objectives:
            yield doc.problem(key[:-1] + ("sasaran",), msg.BUDGET_UNKNOWN_OBJECTIVE.format(
                kind=kind, code=code, objective=item["sasaran"], known=", ".join(objectives)))
        spent = item.get("realisasi")
        if "pagu" in item and spent is not None and spent > item["pagu"]:
            yield doc.problem(key[:-1] + ("realisasi",), msg.SPENT_ABOVE_CEILING.format(
                code=code, spent=_num(spent), ceiling=_num(item["pagu"])))


# --- dates and scale ----------------------------------------------------------------------

def _dates(docs: Documents) -> Iterator[Problem]:
    # The schema checks the form TTTT-BB-HH; here whether the day exists (no 2025-02-30).
    for name, key in ((ORG, ("penandatanganan", "tanggal")), (PK, ("ditandatangani", "tanggal"))):
        if name not in docs:
            continue
        value = docs[name].value[key[0]][key[1]]
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            yield docs[name].problem(key, msg.INVALID_DATE.format(field=".".join(key),
                                                                  value=value))


def _scale(docs: Documents) -> Iterator[Problem]:
    if SCALE not in docs:
        return
    doc = docs[SCALE]
    bands = doc.value["kategori"]
    above: float = math.inf
    names: dict[str, int | None] = {}
    for n, band in enumerate(bands):
        at = ("kategori", n)
        if band["nama"] in names:
            yield doc.problem(at + ("nama",), msg.SCALE_DUPLICATE.format(
                name=band["nama"], first=names[band["nama"]]))
        names.setdefault(band["nama"], doc.line_of(at + ("nama",)))
        lower = band["batas_bawah"]
        last = n == len(bands) - 1
        if (lower is None) != last:
            yield doc.problem(at + ("batas_bawah",), msg.SCALE_LAST_NULL)
            continue
        if lower is not None:
            if lower >= above:
                yield doc.problem(at + ("batas_bawah",), msg.SCALE_ORDER.format(
                    name=band["nama"], value=_num(lower), above=_num(above)))
            above = lower
