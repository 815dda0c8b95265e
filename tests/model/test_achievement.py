"""The capaian formulas and the category scale, tested directly."""

from __future__ import annotations

import pytest

from pipeline.model.achievement import (
    DEFAULT_SCALE,
    Band,
    Polarity,
    Range,
    Rule,
    Scale,
    ZeroRule,
    achievement,
)

POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [(85, 82.46, 97.0117647), (3.2, 3.18, 99.375), (100, 120, 120.0), (10, 0, 0.0)],
)
def test_positive_is_actual_over_target(target: float, actual: float, expected: float) -> None:
    result = achievement(target, actual, POS)
    assert result.value == pytest.approx(expected)
    assert result.rule is Rule.POSITIVE


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    # (2 x target - actual) / target x 100
    [(10, 8.5, 115.0), (10, 10, 100.0), (10, 12, 80.0), (12, 12.6, 95.0), (10, 25, -50.0)],
)
def test_negative_rewards_lower_actuals(target: float, actual: float, expected: float) -> None:
    result = achievement(target, actual, NEG)
    assert result.value == pytest.approx(expected)
    assert result.rule is Rule.NEGATIVE


@pytest.mark.parametrize("actual", [63, 64.21, 66])
def test_inside_a_range_is_100(actual: float) -> None:
    assert achievement(Range(63, 66), actual, POS) == achievement(Range(63, 66), actual, NEG)
    assert achievement(Range(63, 66), actual, POS).value == 100.0
    assert achievement(Range(63, 66), actual, POS).rule is Rule.IN_RANGE


def test_above_a_range_uses_the_upper_bound() -> None:
    positive = achievement(Range(80, 90), 99, POS)
    assert positive.value == pytest.approx(110.0)
    assert (positive.rule, positive.reference) == (Rule.ABOVE_RANGE, 90)
    negative = achievement(Range(80, 90), 99, NEG)
    assert negative.value == pytest.approx(90.0)  # (180 - 99) / 90


def test_below_a_range_uses_the_lower_bound() -> None:
    positive = achievement(Range(80, 90), 72, POS)
    assert positive.value == pytest.approx(90.0)
    assert (positive.rule, positive.reference) == (Rule.BELOW_RANGE, 80)
    assert achievement(Range(80, 90), 72, NEG).value == pytest.approx(110.0)  # (160-72)/80


def test_zero_target_has_no_capaian_by_default() -> None:
    result = achievement(0, 0, NEG)
    assert (result.value, result.rule) == (None, Rule.ZERO_TARGET)


def test_zero_target_judged_by_the_indicator_rule() -> None:
    met = achievement(0, 0, NEG, ZeroRule.ZERO_IS_MET)
    assert (met.value, met.rule) == (100.0, Rule.ZERO_MET)
    missed = achievement(0, 2, NEG, ZeroRule.ZERO_IS_MET)
    assert (missed.value, missed.rule) == (0.0, Rule.ZERO_NOT_MET)


def test_missing_target_or_actual_has_no_capaian() -> None:
    assert achievement(None, 5, POS).rule is Rule.NO_TARGET
    assert achievement(None, 5, POS).value is None
    assert achievement(85, None, POS).rule is Rule.NO_ACTUAL
    assert achievement(85, None, POS).value is None


@pytest.mark.parametrize(
    ("value", "category"),
    [
        (120, "Sangat Baik"), (91, "Sangat Baik"), (90.99, "Baik"), (76, "Baik"),
        (75.999, "Cukup"), (66, "Cukup"), (65.5, "Kurang"), (51, "Kurang"),
        (50.99, "Sangat Kurang"), (-10, "Sangat Kurang"), (None, None),
    ],
)
def test_default_scale_bands_are_half_open(value: float | None, category: str | None) -> None:
    assert DEFAULT_SCALE.category(value) == category


def test_scale_comes_from_its_bands() -> None:
    scale = Scale((Band("Tercapai", 100), Band("Belum tercapai", None)))
    assert scale.category(100) == "Tercapai"
    assert scale.category(99.99) == "Belum tercapai"
