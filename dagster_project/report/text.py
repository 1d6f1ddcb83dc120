"""Figures and sentences in the bureau's style: "PM2.5平均浓度为31.3微克/立方米，同比下降2.8％".

An exact figure is the warehouse's published value (value_report, rounded once by GB/T 8170 in
rpt_scorecard), printed at its precision and never rounded again; a 余/以上 figure is the unrounded value
cut down to its significant digits, so that it stays a true lower bound.
"""

from __future__ import annotations

from ..figures import exact_decimal, published_decimal
from ..phrasing import phrase
from .catalogue import Indicator

# a statistic below the GB 3095 Table 4 completeness minimum (rpt_scorecard.is_statistic_valid = false)
INSUFFICIENT_DATA_MARK = "统计数据不足"
# 万/亿 only where the number reads cleanly in them (2.92万亩, 806.6万立方米), not for 14983辆
_MAX_DIGITS_IN_WAN = 4


def _unit_on_number(unit_zh: str) -> str:
    return "％" if unit_zh in ("%", "％") else unit_zh


def exact_figure(value_report: float, decimals: int, unit_zh: str) -> str:
    number = published_decimal(value_report, decimals)
    if abs(number) >= 10000 and len(number.normalize().as_tuple().digits) <= _MAX_DIGITS_IN_WAN:
        return phrase(number, None, unit_zh)
    return format(number, "f") + _unit_on_number(unit_zh)


def figure_text(value: float, value_report: float, indicator: Indicator) -> str:
    """The value as the report writes it, by the catalogue's phrasing (exact, 余, 以上, 左右, 约, 近).

    value: unrounded (for the lower bounds 余 and 以上); value_report: the published value (all others).
    """
    if indicator.phrasing in ("余", "以上"):
        return phrase(
            exact_decimal(value), indicator.significant_digits, indicator.unit_zh, indicator.phrasing
        )
    exact = exact_figure(value_report, indicator.decimals, indicator.unit_zh)
    if indicator.phrasing == "左右":
        return exact + "左右"
    if indicator.phrasing in ("约", "近"):
        return indicator.phrasing + exact
    return exact


def change_text(change: float | None, yoy_kind: str) -> str:
    """同比上升3.4个百分点 / 同比下降2.8％ / 同比持平 from yoy_change_report (published, 1 decimal);
    empty without a same period last year."""
    if change is None:
        return ""
    if change == 0:
        return "同比持平"
    word = "上升" if change > 0 else "下降"
    amount = format(published_decimal(abs(change), 1), "f")
    return f"同比{word}{amount}" + ("个百分点" if yoy_kind == "pp" else "％")


def sentence(
    indicator: Indicator,
    value: float,
    value_report: float,
    change: float | None,
    provisional: bool,
    retrospective: bool = False,
    insufficient_data: bool = False,
) -> str:
    """The indicator's sentence with its marks: 暂定 (submissions incomplete), 按新标准回算 (days before the
    city published AQI, computed under HJ 633-2012), 统计数据不足 (the statistic fails GB 3095 Table 4)."""
    template = indicator.sentence_zh or "{name_zh}为{value}"
    change_words = change_text(change, indicator.yoy_kind) if "{yoy}" in template else ""
    text = template.format(
        name_zh=indicator.name_zh,
        value=figure_text(value, value_report, indicator),
        yoy=f"，{change_words}" if change_words else "",
    )
    marks = [
        mark
        for mark, applies in (
            ("暂定", provisional),
            ("按新标准回算", retrospective),
            (INSUFFICIENT_DATA_MARK, insufficient_data),
        )
        if applies
    ]
    return text + (f"（{'，'.join(marks)}）" if marks else "")
