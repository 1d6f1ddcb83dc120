"""How a computed value is rounded for publication, and when it matches a figure as a report states it.

Rounding is GB/T 8170-2008 (四舍六入五成双), done once on the decimal the computed value stands for:
`round_gbt8170` here, and its twin, the dbt macro `round_gbt8170` that rounds the published values of
the warehouse (tests/unit/test_figures.py proves both give the same result on the same values).

Matching a figure of report-2023-figures.md by its qualifier:

- exact / approx: the value rounded once to the figure's precision equals the figure;
- lower_bound with 以上: the unrounded value is at least the figure (GB/T 8170 全数值比较法: the value
  as computed, not as rounded, is compared with the limit);
- lower_bound with 余: the unrounded value is at least the figure and below the figure plus one unit of
  its last significant digit (500余 → [500, 600); 1.3万余 → [13000, 14000); 20余万元 → [200000, 300000)).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_EVEN, Decimal, Inexact, localcontext

from .ingest.normalise import normalise_text

# DBL_DIG: the most significant digits a double keeps through a decimal → double → decimal round trip
DOUBLE_DIGITS = 15
PUBLISHED_DECIMALS = range(0, 5)
# the macro reads the value into DECIMAL(38, 18): 20 integer digits
LARGEST_ROUNDED = Decimal(10) ** 20


def exact_decimal(value: float | int | Decimal) -> Decimal:
    """The decimal a computed double stands for, without the noise of binary arithmetic.

    67.49999999999999 (a sum that is 67.5 in decimal) → 67.5; 83.65 → 83.65; 0.1 + 0.2 → 0.3.
    """
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"cannot round {value!r}: not a finite number")
    decimal = Decimal(format(number, f".{DOUBLE_DIGITS}g"))
    if abs(decimal) >= LARGEST_ROUNDED:
        raise ValueError(f"cannot round {value!r}: beyond the 20 integer digits the warehouse rounds")
    return decimal


def _unit(decimals: int) -> Decimal:
    if decimals not in PUBLISHED_DECIMALS:
        raise ValueError(f"decimals must be 0…4, got {decimals!r}")
    return Decimal(1).scaleb(-decimals)


def round_gbt8170(value: float | int | Decimal, decimals: int) -> Decimal:
    """GB/T 8170 rounding to `decimals` places: 67.5 → 68, 66.5 → 66, 83.65 → 83.6, 1.151 → 1.2, −2.25 → −2.2.

    The same rule as the dbt macro round_gbt8170; a zero result has no sign (−0.04 → 0.0), as in SQL.
    """
    rounded = exact_decimal(value).quantize(_unit(decimals), rounding=ROUND_HALF_EVEN)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def published_decimal(value: float, decimals: int) -> Decimal:
    """A value the warehouse has already rounded (value_report, yoy_change_report), written at its precision.

    It is never rounded again: a value with more digits than `decimals` is an error, not a figure to print.
    """
    with localcontext() as context:
        context.traps[Inexact] = True
        try:
            return Decimal(repr(float(value))).quantize(_unit(decimals))
        except Inexact:
            raise ValueError(
                f"{value!r} is not a published value at {decimals} decimals (round it in the warehouse)"
            ) from None


def decimals_of(figure: str) -> int:
    """The precision a figure is stated with: '31.3' → 1, '90' → 0."""
    text = figure.strip()
    return len(text.split(".")[1]) if "." in text else 0


def last_significant_unit(figure: Decimal) -> Decimal:
    """One unit of the last significant digit: 500 → 100, 560 → 10, 13000 → 1000, 20 → 10."""
    digits = figure.normalize()
    exponent = digits.as_tuple().exponent
    return Decimal(1).scaleb(exponent)


def bound_kind(figure: str, quote: str) -> str:
    """'at_least' when the quote states the figure with 以上, else 'below_next' (余)."""
    text = normalise_text(quote) or ""
    number = Decimal(figure).normalize()
    stated = {format(number, "f")}
    if number >= 10000:
        stated.add(format((number / 10000).normalize(), "f") + "万")
    pattern = "|".join(re.escape(s) for s in sorted(stated, key=len, reverse=True))
    return (
        "at_least" if re.search(rf"(?<![\d.])(?:{pattern})[^\d,，。;；]{{0,3}}以上", text) else "below_next"
    )


def bound_range(figure: str, quote: str) -> tuple[Decimal, Decimal | None]:
    """[low, high) of a lower-bound figure; high is None for 以上 (500余 → [500, 600), 90以上 → [90, ∞))."""
    stated = Decimal(figure)
    if bound_kind(figure, quote) == "at_least":
        return stated, None
    return stated, stated + last_significant_unit(stated)


def bound_text(figure: str, quote: str) -> str:
    """The lower bound as the report states it and the range it claims: '500余 → [500, 600)'."""
    low, high = bound_range(figure, quote)
    if high is None:
        return f"{figure}以上 → [{low}, ∞)"
    return f"{figure}余 → [{low}, {high})"


def matches(computed: float | None, figure: str, qualifier: str, quote: str = "") -> bool:
    if computed is None:
        return False
    if qualifier in ("exact", "approx"):
        return round_gbt8170(computed, decimals_of(figure)) == Decimal(figure)
    if qualifier == "lower_bound":
        value = exact_decimal(computed)
        low, high = bound_range(figure, quote)
        return value >= low and (high is None or value < high)
    raise ValueError(f"unknown qualifier {qualifier}")


def compare_matches(computed_change: float | None, compare: str) -> bool:
    """The stated 同比 (e.g. 'yoy_pct=-2.8', 'yoy_pp=+3.4') matches the computed change at its precision."""
    if not compare:
        return True
    _, stated = compare.split("=")
    return computed_change is not None and round_gbt8170(computed_change, decimals_of(stated)) == Decimal(
        stated
    )
