"""Triwulan: the three rules by which a year's value follows from its quarters."""

from __future__ import annotations

import pytest

from pipeline.model.achievement import Polarity, Rule
from pipeline.model.indicators import Indicator
from pipeline.model.quarters import Aggregation, Quarters, year_value


def _indicator(rule: Aggregation, actuals: tuple[float | None, ...],
               written: float | None = None) -> Indicator:
    return Indicator(
        code="IKU-X", objective="SS-1", description="uji", unit="%",
        polarity=Polarity.POSITIVE, targets={2025: 80.0},
        actuals={} if written is None else {2025: written}, renstra_target=90.0,
        data_source="uji", quarters={2025: Quarters((20.0, 40.0, 60.0, 80.0), actuals)},
        aggregation=rule)


def test_last_quarter_for_cumulative_indicators() -> None:
    indicator = _indicator(Aggregation.LAST, (15.0, 35.0, 58.0, 84.0))
    assert indicator.actual(2025) == 84.0
    assert indicator.achievement(2025).value == pytest.approx(105.0)
    # Only the fourth quarter counts: the year is known once it is, not before.
    assert year_value((15.0, None, None, 84.0), Aggregation.LAST) == 84.0
    assert year_value((15.0, 35.0, 58.0), Aggregation.LAST) is None


def test_sum_for_counts() -> None:
    indicator = _indicator(Aggregation.SUM, (10.0, 20.0, 30.0, 24.0))
    assert indicator.actual(2025) == 84.0
    assert year_value((10.0, 20.0, None, 24.0), Aggregation.SUM) is None


def test_average_for_rates() -> None:
    indicator = _indicator(Aggregation.AVERAGE, (70.0, 80.0, 90.0, 96.0))
    assert indicator.actual(2025) == pytest.approx(84.0)
    assert year_value((70.0, 80.0, 90.0), Aggregation.AVERAGE) is None


def test_each_quarter_against_its_own_target() -> None:
    indicator = _indicator(Aggregation.LAST, (15.0, 40.0, None, None))
    assert indicator.quarter_achievement(2025, 1).value == pytest.approx(75.0)
    assert indicator.quarter_achievement(2025, 2).value == pytest.approx(100.0)
    assert indicator.quarter_achievement(2025, 3).rule is Rule.NO_ACTUAL
    assert indicator.actual(2025) is None  # the year is not complete yet


def test_written_year_is_used_and_without_quarters_nothing_changes() -> None:
    assert _indicator(Aggregation.SUM, (1.0, 1.0, 1.0, 1.0), written=4.0).actual(2025) == 4.0
    plain = Indicator(code="IKU-Y", objective="SS-1", description="uji", unit="%",
                      polarity=Polarity.NEGATIVE, targets={2025: 10.0}, actuals={2025: 8.0},
                      renstra_target=8.0, data_source="uji")
    assert plain.actual(2025) == 8.0
    assert plain.achievement(2025).value == pytest.approx(120.0)
