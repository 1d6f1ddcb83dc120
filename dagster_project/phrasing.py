"""How the bureau's report writes a computed figure: 500余次, 1.3万余辆次, 32万余元, 80％以上, 53起.

`phrase(value, digits, unit, qualifier)`: with `digits` significant digits the value is cut down (never
rounded up) to those digits, so the phrase is a true lower bound, and followed by 余 or 以上; with
`digits=None` the value is written exactly. Amounts from 1万 up are written in 万 (亿 from 1亿 up). The
digits per indicator come from the indicator catalogue; this module holds only the writing rules, so
that the figures match by the qualifier rules of dagster_project.figures.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

QUALIFIERS = ("余", "以上")
_PERCENT_UNITS = {"%", "％"}
_SCALES = ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万"))


def truncate_significant(value: Decimal, digits: int) -> Decimal:
    """The value cut down to `digits` significant digits: 13420 → 13000, 81.2 → 80, 9999 → 9000."""
    if digits < 1:
        raise ValueError(f"significant digits must be at least 1, got {digits}")
    if value == 0:
        return Decimal(0)
    exponent = value.adjusted() - digits + 1
    return value.scaleb(-exponent).to_integral_value(rounding=ROUND_DOWN).scaleb(exponent)


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _scaled(number: Decimal) -> str:
    """50000 → '5万', 1800000 → '180万', 13000 → '1.3万', 567 → '567'."""
    for scale, word in _SCALES:
        if abs(number) >= scale:
            return _plain(number / scale) + word
    return _plain(number)


def phrase(value: float | int | Decimal, digits: int | None, unit: str = "", qualifier: str = "余") -> str:
    """The figure as the report writes it.

    digits: significant digits kept (the value is truncated, then qualified), or None for an exact value.
    unit: written after 余 (500余次) but before 以上 (500次以上); a percent sign stays on the number
        (80％以上).
    """
    amount = Decimal(str(value))
    percent = unit in _PERCENT_UNITS
    number_unit, trailing_unit = ("％", "") if percent else ("", unit)
    if digits is None:
        return _scaled(amount) + number_unit + trailing_unit
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier must be one of {QUALIFIERS}, got {qualifier!r}")
    number = _scaled(truncate_significant(amount, digits)) + number_unit
    if qualifier == "余":
        return number + "余" + trailing_unit
    return number + trailing_unit + "以上"
