"""The whole LKjIP as data: what every table, chart and figure of the report is computed from."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model.achievement import Achievement, Scale
from pipeline.model.budget import Budget, Efficiency, absorption, average
from pipeline.model.indicators import (
    Goal,
    Indicator,
    Objective,
    Organisation,
    PerformanceAgreement,
    Renstra,
)


@dataclass(frozen=True)
class Report:
    year: int
    organisation: Organisation
    renstra: Renstra
    indicators: tuple[Indicator, ...]
    agreement: PerformanceAgreement
    budget: Budget
    scale: Scale

    # --- look-ups by code -------------------------------------------------------------
    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def objective(self, code: str) -> Objective | None:
        return next((o for o in self.renstra.objectives if o.code == code), None)

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.renstra.goals if g.code == code), None)

    def indicators_of(self, objective: str) -> list[Indicator]:
        return [i for i in self.indicators if i.objective == objective]

    def objectives_of(self, goal: str) -> list[Objective]:
        return [o for o in self.renstra.objectives if o.goal == goal]

    @property
    def agreement_indicators(self) -> list[Indicator]:
        found = (self.indicator(c) for c in self.agreement.indicator_codes)
        return [i for i in found if i is not None]

    @property
    def years(self) -> list[int]:
        """Renstra years up to and including the reporting year."""
        return [y for y in self.renstra.years if y <= self.year]

    # --- computations -----------------------------------------------------------------
    def achievement(self, code: str) -> Achievement:
        indicator = self.indicator(code)
        if indicator is None:
            raise KeyError(code)
        return indicator.achievement(self.year)

    def objective_achievement(self, objective: str) -> float | None:
        """Average capaian of the objective's indicators in the reporting year."""
        return average([i.achievement(self.year).value for i in self.indicators_of(objective)])

    def efficiency(self, objective: str) -> Efficiency:
        ceiling, spent = self.budget.for_objective(objective)
        return Efficiency(self.objective_achievement(objective), absorption(ceiling, spent))
