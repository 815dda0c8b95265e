"""Qualitative statements the report makes about its data, as values (pure).

Prose that says "belum mencapai target", "kategori tertinggi" or "meningkat setiap tahun" goes
stale when the data changes; the macros that print these words (``pipeline.render.macros``) and
the completeness check that looks for stale prose (``pipeline.check.staleness``) both decide
with the functions here, so the text and the check agree.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.model.indicators import Indicator
from pipeline.model.report import Report


class TargetStatus(StrEnum):
    EXCEEDED = "melampaui"
    MET = "memenuhi"
    BELOW = "belum"
    UNKNOWN = "tidak_dapat_dinilai"


class Direction(StrEnum):
    UP = "naik"
    DOWN = "turun"
    SAME = "tetap"
    UNKNOWN = "tidak_dapat_dibandingkan"


class Trend(StrEnum):
    RISING = "naik_terus"
    FALLING = "turun_terus"
    STEADY = "tetap"
    MIXED = "berfluktuasi"
    UNKNOWN = "tidak_dapat_dinilai"


# Two decimals, as printed: 99,995% prints 100,00% and reads as the target met.
_PRINTED = 2


def target_status(indicator: Indicator, year: int) -> TargetStatus:
    """Whether the capaian of ``year`` reaches 100% (a range target: inside it is met)."""
    value = indicator.achievement(year).value
    if value is None:
        return TargetStatus.UNKNOWN
    value = round(value, _PRINTED)
    if value > 100:
        return TargetStatus.EXCEEDED
    return TargetStatus.MET if value == 100 else TargetStatus.BELOW


def below_target(report: Report, objective: str | None = None) -> list[Indicator]:
    """Perjanjian Kinerja indicators (of ``objective``, if given) below their target."""
    return [i for i in report.agreement_indicators
            if (objective is None or i.objective == objective)
            and target_status(i, report.year) is TargetStatus.BELOW]


def top_category(report: Report) -> str:
    return report.scale.bands[0].name


def in_top_category(report: Report, objective: str | None = None) -> list[Indicator]:
    """Perjanjian Kinerja indicators (of ``objective``, if given) in the highest category."""
    top = top_category(report)
    return [i for i in report.agreement_indicators
            if (objective is None or i.objective == objective)
            and report.scale.category(i.achievement(report.year).value) == top]


def not_in_top_category(report: Report, objective: str | None = None) -> list[Indicator]:
    top = {i.code for i in in_top_category(report, objective)}
    return [i for i in report.agreement_indicators
            if (objective is None or i.objective == objective) and i.code not in top]


def _compare(before: float | None, after: float | None) -> Direction:
    if before is None or after is None:
        return Direction.UNKNOWN
    if round(after - before, 6) == 0:
        return Direction.SAME
    return Direction.UP if after > before else Direction.DOWN


def direction(indicator: Indicator, year: int) -> Direction:
    """The realisasi of ``year`` against the year before (the raw value, not better/worse)."""
    return _compare(indicator.actual(year - 1), indicator.actual(year))


def improved(indicator: Indicator, year: int) -> bool | None:
    """Whether the change against last year is an improvement (polarity counted)."""
    moved = direction(indicator, year)
    if moved is Direction.UNKNOWN or moved is Direction.SAME:
        return None
    return (moved is Direction.UP) == (indicator.polarity.value == "positif")


def trend(report: Report, indicator: Indicator) -> Trend:
    """How the realisasi moved over the Renstra years up to the report's."""
    values = [indicator.actual(y) for y in report.years]
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return Trend.UNKNOWN
    steps = {_compare(a, b) for a, b in zip(known, known[1:], strict=False)}
    if steps == {Direction.SAME}:
        return Trend.STEADY
    if steps <= {Direction.UP, Direction.SAME}:
        return Trend.RISING
    if steps <= {Direction.DOWN, Direction.SAME}:
        return Trend.FALLING
    return Trend.MIXED
