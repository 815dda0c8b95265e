"""Indonesian number formatting: ``1.234.567,89``, ``Rp1.234.567``, ``87,50%``.

Rounding is half-up on the decimal value as written (not binary floating point), so
``87.125`` shows as ``87,13`` as a reader computing by hand expects.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pipeline.model.achievement import Range, Target

NOT_AVAILABLE = "n/a"
EN_DASH = "\u2013"


def round_half_up(value: float, decimals: int = 2) -> Decimal:
    """``value`` rounded half-up to ``decimals`` places, via its shortest decimal form."""
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def number(value: float | None, decimals: int = 2) -> str:
    """``1234567.891`` -> ``1.234.567,89``; ``None`` -> ``n/a``."""
    if value is None:
        return NOT_AVAILABLE
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0,00"
    text = f"{rounded:,.{decimals}f}"  # 1,234,567.89
    return text.translate(str.maketrans({",": ".", ".": ","}))


def auto_number(value: float | None, max_decimals: int = 2) -> str:
    """A number with only the decimals it needs: ``3`` -> ``3``, ``3.2`` -> ``3,2``."""
    if value is None:
        return NOT_AVAILABLE
    rounded = round_half_up(value, max_decimals).normalize()
    decimals = max(0, -rounded.as_tuple().exponent)  # type: ignore[operator]
    return number(value, decimals)


def percent(value: float | None, decimals: int = 2) -> str:
    """``87.5`` -> ``87,50%``."""
    return NOT_AVAILABLE if value is None else f"{number(value, decimals)}%"


def rupiah(value: float | None, decimals: int = 0) -> str:
    """``1234567`` -> ``Rp1.234.567`` (the form of Indonesian budget documents)."""
    if value is None:
        return NOT_AVAILABLE
    sign = "-" if round_half_up(value, decimals) < 0 else ""
    return f"{sign}Rp{number(abs(value), decimals)}"


def target(value: Target | None) -> str:
    """A single target or a range: ``85`` / ``80\u201390``."""
    if value is None:
        return NOT_AVAILABLE
    if isinstance(value, Range):
        return f"{auto_number(value.low)}{EN_DASH}{auto_number(value.high)}"
    return auto_number(value)


def with_unit(text: str, unit: str) -> str:
    """``85`` + ``%`` -> ``85%``; ``3,2`` + ``Level`` -> ``3,2 Level``; n/a stays bare."""
    if text == NOT_AVAILABLE:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
