"""Checks of the triwulan figures: a year written next to its quarters must agree with them.

The year's realisasi of an indicator with quarterly data may be left out (it then follows from
the quarters by the indicator's ``agregasi_triwulan``); when both are written and the quarters
are complete, they must give the same figure. The same holds for a sub kegiatan's
``realisasi`` and its ``realisasi_triwulan`` (always a sum: spending adds up).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.data.consistency import IND, RENSTRA, Documents, sub_activities
from pipeline.errors import Problem
from pipeline.formatting import auto_number as number
from pipeline.messages import data as msg
from pipeline.model.quarters import Aggregation, same_value, year_value


def check_quarters(docs: Documents, found: Sequence[Problem] = ()) -> list[Problem]:
    """Every disagreement between a year and its quarters, in the files that passed the schema.

    A line that already has a problem in ``found`` (e.g. a realisasi of 8246 %) gets no second
    one here: once that is fixed, a remaining disagreement shows on the next check.
    """
    taken = {(p.path, p.line) for p in found}
    return [p for p in (*_indicators(docs), *_budget(docs)) if (p.path, p.line) not in taken]


def derived_actual(indicator: dict[str, Any], year: int | str) -> float | None:
    """The realisasi of ``year`` that an indicator's quarters give (None: not complete)."""
    quarters = (indicator.get("triwulan") or {}).get(str(year))
    if not quarters or "realisasi" not in quarters:
        return None
    rule = Aggregation(indicator.get("agregasi_triwulan", Aggregation.LAST.value))
    return year_value(quarters["realisasi"], rule)


def _indicators(docs: Documents) -> Iterator[Problem]:
    if IND not in docs:
        return
    doc = docs[IND]
    period = None
    if RENSTRA in docs:
        period = (docs[RENSTRA].value["periode"]["awal"], docs[RENSTRA].value["periode"]["akhir"])
    for i, indicator in enumerate(doc.value["indikator"]):
        code = indicator["kode"]
        for year_text in indicator.get("triwulan") or {}:
            at = ("indikator", i, "triwulan", year_text)
            if period and not period[0] <= int(year_text) <= period[1]:
                yield doc.problem(at, msg.QUARTER_YEAR_UNKNOWN.format(
                    code=code, year=year_text, start=period[0], end=period[1]))
                continue
            written = indicator["realisasi"].get(year_text)
            derived = derived_actual(indicator, year_text)
            if written is None or derived is None or same_value(written, derived):
                continue
            rule = indicator["agregasi_triwulan"]
            yield doc.problem(("indikator", i, "realisasi", year_text),
                              msg.QUARTER_YEAR_MISMATCH.format(
                                  code=code, year=year_text, written=number(written),
                                  derived=number(derived), rule=msg.AGGREGATION_NAMES[rule]))


def _budget(docs: Documents) -> Iterator[Problem]:
    for doc, key, sub in sub_activities(docs):
        planned = sum(v for v in sub.get("target_triwulan") or [] if v is not None)
        if planned > sub["pagu"] and not same_value(planned, sub["pagu"]):
            yield doc.problem((*key, "target_triwulan"), msg.QUARTER_PLAN_ABOVE_CEILING.format(
                code=sub["kode"], planned=number(planned), ceiling=number(sub["pagu"])))
        if "realisasi_triwulan" not in sub or sub["realisasi"] is None:
            continue
        derived = year_value(sub["realisasi_triwulan"], Aggregation.SUM)
        if derived is None or same_value(sub["realisasi"], derived):
            continue
        yield doc.problem((*key, "realisasi"), msg.QUARTER_SPENT_MISMATCH.format(
            code=sub["kode"], written=number(sub["realisasi"]), derived=number(derived)))
