"""Numbers as an Indonesian reader writes them (:mod:`pipeline.formatting`)."""

from __future__ import annotations

import pytest

from pipeline.formatting import NOT_AVAILABLE, auto_number, number, percent, rupiah


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1234567.891, 2, "1.234.567,89"),
    (0.125, 2, "0,13"),  # half up, from the shortest decimal form (not 0,12 from binary)
    (2.675, 2, "2,68"),
    (-0.001, 2, "0,00"),  # never "-0,00"
    (None, 2, NOT_AVAILABLE),
    (1e34, 0, "10" + ".000" * 11),  # a capaian from a tiny target: printed, not a crash
])
def test_number(value: float | None, decimals: int, text: str) -> None:
    assert number(value, decimals) == text


@pytest.mark.parametrize(("value", "text"), [
    (3, "3"), (3.2, "3,2"), (64.214, "64,21"), (7.3e-33, "0"), (None, NOT_AVAILABLE),
])
def test_auto_number_keeps_only_the_decimals_it_needs(value: float | None, text: str) -> None:
    assert auto_number(value) == text


def test_percent_and_rupiah() -> None:
    assert percent(87.5) == "87,50%"
    assert rupiah(1234567) == "Rp1.234.567"
    assert rupiah(-1500.4) == "-Rp1.500"
    assert percent(None) == rupiah(None) == NOT_AVAILABLE
