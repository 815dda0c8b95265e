"""The capaian table in the column order the Perjanjian Kinerja uses: one row per agreed
indicator (No, Sasaran Strategis, Indikator Kinerja, Satuan, Target, Realisasi, Capaian (%),
Kategori). Numbers stay numbers; only a range target is text ("63-66"), it has two."""

from __future__ import annotations

from typing import Any

from pipeline.model.achievement import Range
from pipeline.model.report import Report


def achievement_rows(report: Report) -> list[tuple[Any, ...]]:
    rows = []
    for n, indicator in enumerate(report.agreement_indicators, start=1):
        objective = report.objective(indicator.objective)
        target = indicator.target(report.year)
        if isinstance(target, Range):
            target = f"{_plain(target.low)}-{_plain(target.high)}"
        result = indicator.achievement(report.year)
        value = None if result.value is None else round(result.value, 2)
        rows.append((n, objective.description if objective else indicator.objective,
                     indicator.description, indicator.unit, target,
                     indicator.actual(report.year), value, report.scale.category(result.value)))
    return rows


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)
