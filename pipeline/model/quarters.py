"""Triwulan (quarterly) figures and how the year's value follows from them.

An indicator (or a sub kegiatan) may carry target and realisasi for each of the four quarters
of a year. How the year's value follows from the quarters is declared per indicator:

- ``terakhir`` (last): the fourth quarter's value; for cumulative indicators (a percentage of
  recommendations followed up so far, a maturity level);
- ``jumlah`` (sum): the four quarters added up; for counts (cases, reports, rupiah spent);
- ``rata_rata`` (average): the mean of the four quarters; for rates measured anew each quarter.

A year is complete only when the quarters the rule needs are all known: ``terakhir`` needs the
fourth, the others all four. Before that the year has no value (and no capaian), while each
quarter already has its own capaian against its own target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

QUARTERS = 4
QUARTER_NAMES = ("I", "II", "III", "IV")


class Aggregation(StrEnum):
    LAST = "terakhir"
    SUM = "jumlah"
    AVERAGE = "rata_rata"


def year_value(values: Sequence[float | None], rule: Aggregation) -> float | None:
    """The year's value from up to four quarterly ``values``; ``None`` until complete."""
    padded = list(values) + [None] * (QUARTERS - len(values))
    if rule is Aggregation.LAST:
        return padded[QUARTERS - 1]
    if any(v is None for v in padded):
        return None
    known = [v for v in padded if v is not None]
    total = sum(known)
    return total if rule is Aggregation.SUM else total / QUARTERS


@dataclass(frozen=True)
class Quarters:
    """Targets and actuals of the four quarters of one year (``None``: not known yet)."""

    targets: tuple[float | None, ...] = (None,) * QUARTERS
    actuals: tuple[float | None, ...] = (None,) * QUARTERS

    def target(self, quarter: int) -> float | None:
        """Target of ``quarter`` (1-4)."""
        return self.targets[quarter - 1] if quarter <= len(self.targets) else None

    def actual(self, quarter: int) -> float | None:
        """Realisasi of ``quarter`` (1-4)."""
        return self.actuals[quarter - 1] if quarter <= len(self.actuals) else None


def same_value(a: float, b: float) -> bool:
    """Equal up to rounding noise (0.1 + 0.2 is 0.3 here)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
