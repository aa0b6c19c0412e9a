"""Indonesian number and date formats, for the edge only (terminal, tables, charts, pages).

Computations never round; these functions do, half away from zero as people round by hand
(0,125 → 0,13), on the shortest decimal form of the float (so 100,855 is 100,86, not 100,85).

>>> persen(100.86)
'100,86 %'
>>> angka(1234.5, 1)
'1.234,5'
>>> poin(0.36)
'+0,36 poin'
>>> tanggal(datetime.date(2025, 2, 11))
'11 Februari 2025'
"""

from __future__ import annotations

import datetime
import math
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id"
KOSONG = "–"


def angka(value: float | None, digits: int = 2, trim: bool = False) -> str:
    """``1.234,50`` (``trim=True``: ``1.234,5``); ``–`` for a missing value."""
    if _missing(value):
        return KOSONG
    rounded = _round(value, digits)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0,00"
    decimals = ("#" if trim else "0") * digits
    return format_decimal(rounded, "#,##0" + (f".{decimals}" if digits else ""), locale=LOCALE)


def persen(value: float | None, digits: int = 2) -> str:
    """A capaian: ``100,86 %``."""
    return KOSONG if _missing(value) else f"{angka(value, digits)} %"


def poin(value: float | None, digits: int = 2) -> str:
    """A difference of percentages, with its sign: ``+0,36 poin``."""
    return KOSONG if _missing(value) else f"{_signed(value, digits)} poin"


def perubahan(value: float | None, digits: int = 2) -> str:
    """A relative change, with its sign: ``+0,36 %``."""
    return KOSONG if _missing(value) else f"{_signed(value, digits)} %"


def tanggal(value: datetime.date) -> str:
    """``11 Februari 2025``."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def romawi(triwulan: int) -> str:
    """A quarter 1–4 as Indonesian reports write it: ``I``, ``II``, ``III``, ``IV``."""
    return ("I", "II", "III", "IV")[int(triwulan) - 1]


def _signed(value: float, digits: int) -> str:
    text = angka(value, digits)
    if _round(value, digits) > 0:
        return "+" + text
    return text


def _round(value: float, digits: int) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _missing(value: float | None) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True
