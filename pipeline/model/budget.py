"""The budget: programme > kegiatan (activity) > sub kegiatan, with pagu and realisasi.

Serapan (absorption) = realisasi / pagu. Efficiency compares, per sasaran, the average capaian
of its indicators with the absorption of the budget linked to it: a capaian above the serapan
means more result per rupiah than planned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SubActivity:
    code: str
    name: str
    ceiling: float  # pagu
    spent: float | None  # realisasi anggaran
    objective: str | None  # sasaran it supports (None: support/penunjang)
    # Realisasi per triwulan (spending adds up: the year's realisasi is their sum).
    quarters: tuple[float | None, ...] = ()
    # Rencana penarikan per triwulan (the quarter's planned spending, not cumulative).
    quarter_targets: tuple[float | None, ...] = ()

    @property
    def absorption(self) -> float | None:
        return absorption(self.ceiling, self.spent)


@dataclass(frozen=True)
class Activity:
    code: str
    name: str
    sub_activities: tuple[SubActivity, ...]

    @property
    def ceiling(self) -> float:
        return sum(s.ceiling for s in self.sub_activities)

    @property
    def spent(self) -> float | None:
        return _sum_spent(self.sub_activities)

    @property
    def absorption(self) -> float | None:
        return absorption(self.ceiling, self.spent)


@dataclass(frozen=True)
class Program:
    code: str
    name: str
    activities: tuple[Activity, ...]

    @property
    def ceiling(self) -> float:
        return sum(a.ceiling for a in self.activities)

    @property
    def spent(self) -> float | None:
        return _sum_spent(self.activities)

    @property
    def absorption(self) -> float | None:
        return absorption(self.ceiling, self.spent)

    def sub_activities(self) -> list[SubActivity]:
        return [s for a in self.activities for s in a.sub_activities]


@dataclass(frozen=True)
class Budget:
    year: int
    programs: tuple[Program, ...]

    @property
    def ceiling(self) -> float:
        return sum(p.ceiling for p in self.programs)

    @property
    def spent(self) -> float | None:
        return _sum_spent(self.programs)

    @property
    def absorption(self) -> float | None:
        return absorption(self.ceiling, self.spent)

    def sub_activities(self) -> list[SubActivity]:
        return [s for p in self.programs for s in p.sub_activities()]

    def items(self) -> Iterator[Program | Activity | SubActivity]:
        """Every program, kegiatan and sub kegiatan, each before what it contains."""
        for p in self.programs:
            yield p
            for a in p.activities:
                yield a
                yield from a.sub_activities

    def item(self, code: str) -> Program | Activity | SubActivity | None:
        return next((i for i in self.items() if i.code == code), None)

    def for_objective(self, objective: str) -> tuple[float, float | None]:
        """(pagu, realisasi) of the sub activities linked to ``objective``."""
        linked = [s for s in self.sub_activities() if s.objective == objective]
        return sum(s.ceiling for s in linked), _sum_spent(linked)


class _HasSpent(Protocol):
    @property
    def spent(self) -> float | None: ...


def _sum_spent(items: Iterable[_HasSpent]) -> float | None:
    values = [i.spent for i in items]
    if any(v is None for v in values):
        return None
    return sum(values)


def absorption(ceiling: float, spent: float | None) -> float | None:
    """Serapan in percent; ``None`` without a realisasi or a positive pagu."""
    if spent is None or ceiling <= 0:
        return None
    return spent / ceiling * 100


@dataclass(frozen=True)
class Efficiency:
    """Capaian against serapan for one sasaran."""

    achievement: float | None  # average capaian of the sasaran's indicators (%)
    absorption: float | None  # serapan of its linked budget (%)

    @property
    def ratio(self) -> float | None:
        """Capaian per point of serapan; above 1 is efficient."""
        if self.achievement is None or not self.absorption:
            return None
        return self.achievement / self.absorption

    @property
    def efficient(self) -> bool | None:
        r = self.ratio
        return None if r is None else r >= 1


def average(values: list[float | None]) -> float | None:
    """Mean of the known values; ``None`` when none is known."""
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
