"""Capaian (achievement) of an indicator and its category: the rules of the LKjIP.

- positif (higher is better): realisasi / target x 100;
- negatif (lower is better):  (2 x target - realisasi) / target x 100, the form used in
  LKjIPs and Permenpan-RB 6/2022;
- a range target [low, high]: inside it 100 %, above it the upper bound is the target, below it
  the lower bound (so the formula of the polarity decides whether leaving the range is good);
- a zero or missing target has no capaian unless the indicator says how it is judged.

Every result carries the rule that produced it, so the report can always show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Polarity(StrEnum):
    POSITIVE = "positif"
    NEGATIVE = "negatif"


class ZeroRule(StrEnum):
    """How an indicator with target 0 is judged (it has no ratio to compute)."""

    NONE = "tidak_ada"  # no capaian: printed as a dash
    ZERO_IS_MET = "nol_tercapai"  # realisasi 0 counts as 100 %, anything else as 0 %


@dataclass(frozen=True)
class Range:
    """A target given as a closed interval, e.g. ``[80, 90]``."""

    low: float
    high: float


Target = float | Range


class Rule(StrEnum):
    """Which formula produced a capaian; shown in the report next to the figure."""

    POSITIVE = "positif"
    NEGATIVE = "negatif"
    IN_RANGE = "dalam_rentang"
    ABOVE_RANGE = "di_atas_rentang"
    BELOW_RANGE = "di_bawah_rentang"
    ZERO_MET = "target_nol_tercapai"
    ZERO_NOT_MET = "target_nol_tidak_tercapai"
    NO_TARGET = "tanpa_target"
    NO_ACTUAL = "tanpa_realisasi"
    ZERO_TARGET = "target_nol"


@dataclass(frozen=True)
class Achievement:
    """A capaian in percent (``None`` when it cannot be computed) and the rule used."""

    value: float | None
    rule: Rule
    # For a range target, the bound the formula used (None otherwise).
    reference: float | None = None


def _ratio(target: float, actual: float, polarity: Polarity) -> float:
    if polarity is Polarity.POSITIVE:
        return actual / target * 100
    return (2 * target - actual) / target * 100


def achievement(
    target: Target | None,
    actual: float | None,
    polarity: Polarity,
    zero_rule: ZeroRule = ZeroRule.NONE,
) -> Achievement:
    """The capaian of ``actual`` against ``target`` for an indicator of ``polarity``."""
    if target is None:
        return Achievement(None, Rule.NO_TARGET)
    if actual is None:
        return Achievement(None, Rule.NO_ACTUAL)
    if isinstance(target, Range):
        if target.low <= actual <= target.high:
            return Achievement(100.0, Rule.IN_RANGE)
        bound, rule = (
            (target.high, Rule.ABOVE_RANGE) if actual > target.high
            else (target.low, Rule.BELOW_RANGE)
        )
        if bound == 0:
            return _zero_target(actual, zero_rule)
        return Achievement(_ratio(bound, actual, polarity), rule, bound)
    if target == 0:
        return _zero_target(actual, zero_rule)
    rule = Rule.POSITIVE if polarity is Polarity.POSITIVE else Rule.NEGATIVE
    return Achievement(_ratio(target, actual, polarity), rule)


def _zero_target(actual: float, zero_rule: ZeroRule) -> Achievement:
    if zero_rule is ZeroRule.ZERO_IS_MET:
        if actual == 0:
            return Achievement(100.0, Rule.ZERO_MET)
        return Achievement(0.0, Rule.ZERO_NOT_MET)
    return Achievement(None, Rule.ZERO_TARGET)


@dataclass(frozen=True)
class Band:
    """One category of the scale: capaian >= ``lower`` (and below the next band up)."""

    name: str
    lower: float | None  # None: everything below the bands above


@dataclass(frozen=True)
class Scale:
    """Half-open bands, highest first; the last band (lower ``None``) catches the rest."""

    bands: tuple[Band, ...]

    def category(self, value: float | None) -> str | None:
        """The band name for a capaian, or ``None`` when there is no capaian."""
        if value is None:
            return None
        for band in self.bands:
            if band.lower is None or value >= band.lower:
                return band.name
        return None


DEFAULT_SCALE = Scale(
    (
        Band("Sangat Baik", 91),
        Band("Baik", 76),
        Band("Cukup", 66),
        Band("Kurang", 51),
        Band("Sangat Kurang", None),
    )
)
