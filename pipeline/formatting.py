"""Indonesian number formatting: ``1.234.567,89``, ``Rp1.234.567``, ``87,50%``.

Rounding is half-up on the decimal value as written (not binary floating point), so
``87.125`` shows as ``87,13`` as a reader computing by hand expects.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from pipeline.messages.render import MONTHS
from pipeline.model.achievement import Range, Target

EN_DASH = "\u2013"
NOT_AVAILABLE = EN_DASH  # a value that does not exist (no target, no realisasi yet): "–"
# Units an Indonesian reader writes before the number: "level 3", "nilai 64,21".
UNITS_BEFORE = frozenset({"level", "nilai", "indeks", "skor", "predikat", "peringkat",
                          "tingkat", "opini"})


def round_half_up(value: float, decimals: int = 2) -> Decimal:
    """``value`` rounded half-up to ``decimals`` places, via its shortest decimal form."""
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(repr(float(value)))
    # Enough digits for any magnitude (a capaian of 10^34 % from a tiny target is still printed,
    # not an InvalidOperation from the default 28-digit context).
    digits = Context(prec=max(28, exact.adjusted() + decimals + 2)) if exact.is_finite() else None
    return exact.quantize(quantum, rounding=ROUND_HALF_UP, context=digits)


def number(value: float | None, decimals: int = 2) -> str:
    """``1234567.891`` -> ``1.234.567,89``; ``None`` -> ``–``."""
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
    """``85`` + ``%`` -> ``85%``; ``3,2`` + ``Level`` -> ``3,2 Level`` (a table cell, under a
    column that names the unit); a missing value stays a bare dash."""
    if text == NOT_AVAILABLE:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def in_prose(text: str, unit: str) -> str:
    """A value with its unit as a sentence writes it: ``85%``, ``level 3``, ``nilai 64,21``,
    ``0 kasus`` (a capitalised common noun in lower case; an acronym such as ``IKM`` kept)."""
    if text == NOT_AVAILABLE:
        return text
    unit = unit.strip()
    if unit in ("%", ""):
        return f"{text}{unit}"
    word = unit[:1].lower() + unit[1:] if unit[1:] == unit[1:].lower() else unit
    return f"{word} {text}" if word.lower() in UNITS_BEFORE else f"{text} {word}"


_NIP = re.compile(r"^(\d{8})\s*(\d{6})\s*(\d)\s*(\d{3})$")


def date_in_words(day: date) -> str:
    """``2026-12-03`` -> ``3 Desember 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def spaced_nip(nip: str) -> str:
    """An 18-digit NIP as it is printed: ``19740705 200604 1 007`` (birth date, appointment
    month, sex, number); anything else as it is."""
    match = _NIP.match(nip.strip())
    return " ".join(match.groups()) if match else nip
