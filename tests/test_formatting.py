"""Indonesian number formatting and rounding."""

from __future__ import annotations

import pytest

from pipeline import formatting as fmt
from pipeline.model.achievement import Range


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234567.891, 2, "1.234.567,89"),
        (87.5, 2, "87,50"),
        (0.005, 2, "0,01"),  # half-up, not banker's rounding
        (87.125, 2, "87,13"),  # 87.125 is not exact in binary; the decimal form rules
        (2.675, 2, "2,68"),
        (114.99999999999999, 2, "115,00"),
        (-0.001, 2, "0,00"),  # never "-0,00"
        (-1234.5, 0, "-1.235"),
        (999.995, 2, "1.000,00"),
        (None, 2, "\u2013"),
        (1e34, 0, "10" + ".000" * 11),  # a capaian from a tiny target: printed, not a crash
    ],
)
def test_number(value: float | None, decimals: int, text: str) -> None:
    assert fmt.number(value, decimals) == text


def test_percent_and_rupiah() -> None:
    assert fmt.percent(87.5) == "87,50%"
    assert fmt.percent(None) == "\u2013"
    assert fmt.rupiah(10679186580) == "Rp10.679.186.580"
    assert fmt.rupiah(1234567.5) == "Rp1.234.568"
    assert fmt.rupiah(-5000) == "-Rp5.000"


def test_auto_number_keeps_only_needed_decimals() -> None:
    assert [fmt.auto_number(v) for v in (3, 3.2, 61.3, 3.125, 3.999, 7.3e-33)] == [
        "3", "3,2", "61,3", "3,13", "4", "0"]


def test_target_and_unit() -> None:
    assert fmt.target(85) == "85"
    assert fmt.target(Range(63, 66.5)) == "63\u201366,5"
    assert fmt.with_unit(fmt.target(85), "%") == "85%"
    assert fmt.with_unit("3,2", "Level") == "3,2 Level"
    assert fmt.with_unit(fmt.target(None), "%") == "\u2013"
