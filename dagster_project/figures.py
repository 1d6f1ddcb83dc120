"""When a computed value matches a figure as the report states it (report-2023-figures.md).

- exact / approx: the computed value rounded to the figure's precision equals the figure;
- lower_bound with 以上: the value is at least the figure;
- lower_bound with 余: at least the figure and below the figure plus one unit of its last
  significant digit (500余 → [500, 600); 1.3万余 → [13000, 14000); 20余万元 → [200000, 300000)).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from .ingest.normalise import normalise_text


def decimals_of(figure: str) -> int:
    """The precision a figure is stated with: '31.3' → 1, '90' → 0."""
    text = figure.strip()
    return len(text.split(".")[1]) if "." in text else 0


def round_half_up(value: float, decimals: int) -> Decimal:
    """Report rounding of a computed value (the bureau's 四舍五入)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


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


def matches(computed: float | None, figure: str, qualifier: str, quote: str = "") -> bool:
    if computed is None:
        return False
    stated = Decimal(figure)
    if qualifier in ("exact", "approx"):
        return round_half_up(computed, decimals_of(figure)) == stated
    if qualifier == "lower_bound":
        value = Decimal(repr(computed))
        if bound_kind(figure, quote) == "at_least":
            return value >= stated
        return stated <= value < stated + last_significant_unit(stated)
    raise ValueError(f"unknown qualifier {qualifier}")


def compare_matches(computed_change: float | None, compare: str) -> bool:
    """The stated 同比 (e.g. 'yoy_pct=-2.8', 'yoy_pp=+3.4') matches the computed change at its precision."""
    if not compare:
        return True
    _, stated = compare.split("=")
    return computed_change is not None and round_half_up(computed_change, decimals_of(stated)) == Decimal(
        stated
    )
