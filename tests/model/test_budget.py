"""Serapan (absorption), totals up the hierarchy, and efficiency per sasaran."""

from __future__ import annotations

import pytest

from pipeline.model.budget import (
    Activity,
    Budget,
    Efficiency,
    Program,
    SubActivity,
    absorption,
    average,
)


def _budget() -> Budget:
    return Budget(2025, (
        Program("1", "P1", (
            Activity("1.1", "K1", (
                SubActivity("1.1.1", "S1", 1_000_000, 900_000, "SS-1"),
                SubActivity("1.1.2", "S2", 500_000, 500_000, "SS-2"),
            )),
        )),
        Program("2", "P2", (
            Activity("2.1", "K2", (SubActivity("2.1.1", "S3", 2_000_000, 1_500_000, "SS-1"),)),
        )),
    ))


def test_absorption() -> None:
    assert absorption(1_000_000, 900_000) == pytest.approx(90.0)
    assert absorption(1_000_000, None) is None
    assert absorption(0, 10) is None


def test_totals_add_up_the_hierarchy() -> None:
    budget = _budget()
    assert budget.ceiling == 3_500_000
    assert budget.spent == 2_900_000
    assert budget.programs[0].absorption == pytest.approx(1_400_000 / 1_500_000 * 100)


def test_missing_spent_makes_the_total_unknown() -> None:
    budget = Budget(2025, (Program("1", "P", (Activity("1.1", "K", (
        SubActivity("a", "A", 10, 5, None), SubActivity("b", "B", 10, None, None))),)),))
    assert budget.spent is None
    assert budget.absorption is None


def test_budget_per_objective() -> None:
    assert _budget().for_objective("SS-1") == (3_000_000, 2_400_000)
    assert _budget().for_objective("SS-9") == (0, 0)


def test_efficiency_compares_capaian_with_serapan() -> None:
    assert Efficiency(100.0, 80.0).ratio == pytest.approx(1.25)
    assert Efficiency(100.0, 80.0).efficient is True
    assert Efficiency(70.0, 95.0).efficient is False
    assert Efficiency(None, 95.0).ratio is None
    assert Efficiency(90.0, 0.0).ratio is None


def test_average_ignores_unknown_values() -> None:
    assert average([100.0, None, 80.0]) == 90.0
    assert average([None]) is None
