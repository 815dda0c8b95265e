"""Renstra, goals (tujuan), objectives (sasaran strategis), indicators and the year's
Perjanjian Kinerja."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model.achievement import (
    Achievement,
    Polarity,
    Range,
    Target,
    ZeroRule,
    achievement,
)
from pipeline.model.quarters import Aggregation, Quarters, year_value


@dataclass(frozen=True)
class NationalStandard:
    """A national benchmark for an indicator (e.g. the RPJMN target for SPIP maturity)."""

    value: Target
    source: str


@dataclass(frozen=True)
class Indicator:
    """An indikator kinerja (IKU): targets and actuals per year of the Renstra."""

    code: str
    objective: str  # code of its sasaran
    description: str
    unit: str
    polarity: Polarity
    targets: dict[int, Target]
    actuals: dict[int, float | None]
    renstra_target: Target
    data_source: str
    national_standard: NationalStandard | None = None
    formula: str | None = None
    notes: str | None = None
    zero_rule: ZeroRule = ZeroRule.NONE
    responsible: str | None = None  # role or person who supplies the data
    # Triwulan figures per year, and how the year's realisasi follows from them.
    quarters: dict[int, Quarters] = field(default_factory=dict)
    aggregation: Aggregation = Aggregation.LAST

    def target(self, year: int) -> Target | None:
        return self.targets.get(year)

    def actual(self, year: int) -> float | None:
        """Realisasi of ``year``: as written, else from its quarters by the indicator's rule."""
        written = self.actuals.get(year)
        if written is not None or year not in self.quarters:
            return written
        return year_value(self.quarters[year].actuals, self.aggregation)

    def quarter_achievement(self, year: int, quarter: int) -> Achievement:
        """Capaian of ``quarter`` (1-4) of ``year`` against that quarter's own target."""
        figures = self.quarters.get(year, Quarters())
        return achievement(figures.target(quarter), figures.actual(quarter), self.polarity,
                           self.zero_rule)

    def achievement(self, year: int) -> Achievement:
        """Capaian of ``year`` against that year's target."""
        return achievement(self.target(year), self.actual(year), self.polarity, self.zero_rule)

    def renstra_achievement(self, year: int) -> Achievement:
        """Realisasi of ``year`` against the Renstra end-of-period target (analysis 3)."""
        return achievement(self.renstra_target, self.actual(year), self.polarity, self.zero_rule)

    def national_achievement(self, year: int) -> Achievement | None:
        """Realisasi of ``year`` against the national standard, if there is one (analysis 4)."""
        if self.national_standard is None:
            return None
        return achievement(
            self.national_standard.value, self.actual(year), self.polarity, self.zero_rule
        )


@dataclass(frozen=True)
class Objective:
    """A sasaran strategis, under a goal, measured by its indicators."""

    code: str
    goal: str
    description: str


@dataclass(frozen=True)
class Goal:
    """A tujuan of the Renstra."""

    code: str
    description: str


@dataclass(frozen=True)
class Renstra:
    """The 5-year strategic plan: its period, goals and objectives."""

    start: int
    end: int
    goals: tuple[Goal, ...]
    objectives: tuple[Objective, ...]

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


@dataclass(frozen=True)
class PerformanceAgreement:
    """The Perjanjian Kinerja of one year: which indicators the head committed to."""

    year: int
    indicator_codes: tuple[str, ...]
    signed_place: str
    signed_date: str  # ISO date
    counterpart: str = ""  # the Bupati, who countersigns
    counterpart_name: str = ""


@dataclass(frozen=True)
class Person:
    name: str
    nip: str
    rank: str  # pangkat/golongan
    position: str  # jabatan


@dataclass(frozen=True)
class Organisation:
    name: str
    short_name: str
    regency: str
    address: str
    head: Person
    signing_place: str
    signing_date: str  # ISO date
    extra: dict[str, str] = field(default_factory=dict)
    emblem: str = ""  # the Pemda's emblem for the cover: a file inside the content folder
    ranks: dict[str, str] = field(default_factory=dict)  # NIP (digits) -> pangkat/golongan

    def rank_of(self, nip: str) -> str:
        return self.ranks.get("".join(c for c in nip if c.isdigit()), "")


def target_as_text_parts(target: Target) -> tuple[float, ...]:
    """The numbers of a target (one, or the two bounds of a range)."""
    if isinstance(target, Range):
        return (target.low, target.high)
    return (target,)
