"""Yen amounts as Japanese budgets write them: 千円, 百万円 and 億円.

All money in the core is an ``int`` of yen. These helpers only format (and parse) it; views and
exports call them so that every screen and file rounds the same way.

>>> format_yen(1_860_000_000, "億円")
'18.6億円'
>>> format_yen(1_860_000_000, "千円")
'1,860,000千円'
>>> format_yen(1_860_000_000, "百万円")
'1,860百万円'
>>> format_yen(-50_000_000, "億円", sign=True)
'△0.5億円'

Rounding is half away from zero (Excel's ROUND), so an export's formulas show the same figures.
Negative amounts carry 「△」, as Japanese budget documents write them (``negative="-"`` for a
plain minus).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: Unit name → yen per unit.
UNITS: dict[str, int] = {"円": 1, "千円": 1_000, "万円": 10_000, "百万円": 1_000_000, "億円": 100_000_000}
#: The units a planner chooses between in the interface, smallest first.
DISPLAY_UNITS: tuple[str, ...] = ("千円", "百万円", "億円")
#: Decimal places each unit shows unless told otherwise.
DEFAULT_DIGITS: dict[str, int] = {"円": 0, "千円": 0, "万円": 0, "百万円": 0, "億円": 1}


def to_unit(yen: int, unit: str) -> float:
    """``yen`` in ``unit`` as a float (for chart axes; never for figures shown as text)."""
    return yen / UNITS[unit]


def format_number(value: Decimal | int | float, digits: int = 0) -> str:
    """``value`` with thousands separators and ``digits`` decimals, rounded half away from zero."""
    q = Decimal(1).scaleb(-digits) if digits > 0 else Decimal(1)
    d = Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # never "-0.0"
    return f"{d:,.{max(digits, 0)}f}"


def format_yen(
    yen: int,
    unit: str = "億円",
    *,
    digits: int | None = None,
    sign: bool = False,
    negative: str = "△",
    suffix: bool = True,
) -> str:
    """``yen`` written in ``unit`` (千円 / 百万円 / 億円 / 万円 / 円) with Japanese number formatting.

    ``digits`` decimals (default: 1 for 億円, 0 otherwise). ``sign`` puts 「+」 before a positive
    amount (for differences). ``negative`` is the mark of a negative amount. ``suffix`` appends
    the unit.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    digits = DEFAULT_DIGITS[unit] if digits is None else digits
    value = Decimal(int(yen)) / UNITS[unit]
    text = format_number(abs(value), digits)
    rounded_zero = Decimal(text.replace(",", "")) == 0
    if value < 0 and not rounded_zero:
        text = negative + text
    elif sign and value > 0 and not rounded_zero:
        text = "+" + text
    return text + (unit if suffix else "")


def format_oku(yen: int, **kw) -> str:
    """「18.6億円」."""
    return format_yen(yen, "億円", **kw)


def format_hyakuman(yen: int, **kw) -> str:
    """「1,860百万円」."""
    return format_yen(yen, "百万円", **kw)


def format_sen(yen: int, **kw) -> str:
    """「1,860,000千円」."""
    return format_yen(yen, "千円", **kw)


def sen_to_yen(sen: int | None) -> int:
    """An inventory amount in 千円 (``None`` = not filled in) as yen."""
    return 0 if sen is None else int(sen) * 1000


_AMOUNT_RE = re.compile(r"^([△▲\-−+]?)([0-9,]*\.?[0-9]+)(円|千円|万円|百万円|億円)?$")


def parse_yen(text: str | int) -> int:
    """Yen from ``"1860000000"``, ``"18.6億円"``, ``"1,860百万円"``, ``"1,860,000千円"`` or ``"△5億円"``.

    Raises ``ValueError`` (with a Japanese message) when the text is not an amount; the result is
    rounded half away from zero to a whole yen.
    """
    if isinstance(text, int):
        return text
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    m = _AMOUNT_RE.match(s)
    if not m:
        raise ValueError(f"金額として読めません：「{text}」（例：1860000000、18.6億円、1,860百万円）")
    mark, number, unit = m.groups()
    try:
        value = Decimal(number.replace(",", "")) * UNITS[unit or "円"]
    except InvalidOperation:
        raise ValueError(f"金額として読めません：「{text}」") from None
    yen = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return -yen if mark in ("△", "▲", "-", "−") else yen


def format_yen_auto(yen: int, **kw) -> str:
    """The unit a reader takes in at a glance: 億円 from 1億, else 百万円 from 1百万, else 千円."""
    size = abs(int(yen))
    if size == 0:
        return "0円"
    unit = "億円" if size >= 100_000_000 else "百万円" if size >= 1_000_000 else "千円"
    return format_yen(yen, unit, **kw)
