"""Figures and sentences in the bureau's style: "PM2.5平均浓度为31.3微克/立方米，同比下降2.8％".

An exact figure is the warehouse's published value (value_report, rounded once by GB/T 8170 in
rpt_scorecard), printed at its precision and never rounded again; a 余/以上 figure is the unrounded value
cut down to its significant digits, so that it stays a true lower bound.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ..figures import exact_decimal, published_decimal
from ..phrasing import phrase
from .catalogue import Indicator

REPORT_TIMEZONE = ZoneInfo("Asia/Shanghai")
SECTION_NUMERALS = "一二三四五六七八九十"
NO_REVISIONS = "本期数字发布后未因更正报送而变动。"
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


def score_sentence(indicator: Indicator, score) -> str:
    """`sentence` of a scorecard row (build.ScoreRow)."""
    return sentence(
        indicator,
        score.value,
        score.value_report,
        score.yoy_change_report,
        not score.is_complete,
        score.is_retrospective,
        score.has_insufficient_data,
    )


def section_heading(number: int, domain) -> str:
    """The heading of the `number`-th (from 0) domain section: 一、守护蓝天（大气）."""
    return f"{SECTION_NUMERALS[number]}、{domain.section_zh}（{domain.name_zh}）"


def report_title(year: int, through: int) -> str:
    """The one title of report.md, report.html and report.xlsx."""
    return f"XX市{year}年1－{through}月污染防治攻坚战主要指标"


def local_time(utc: datetime) -> str:
    """A warehouse timestamp (naive UTC) as the bureau reads it: 2023-12-01 18:36（北京时间）."""
    return utc.replace(tzinfo=UTC).astimezone(REPORT_TIMEZONE).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def _as_stated(value: float, unit_zh: str) -> str:
    """A limit or target as the indicator_targets seed states it (35, not 35.0)."""
    number = exact_decimal(value).normalize()
    return format(number, "f") + _unit_on_number(unit_zh)


def standard_text(score, indicator: Indicator) -> str:
    """The national standard and the bureau's target of a figure, with whether they are met; empty when
    the indicator has neither (targets come only from the indicator_targets seed, never guessed)."""
    parts = []
    if score.standard_limit is not None:
        limit = _as_stated(score.standard_limit, indicator.unit_zh)
        parts.append(f"标准限值 {limit}，{'达标' if score.meets_standard else '未达标'}")
    if score.target_value is not None:
        target = _as_stated(score.target_value, indicator.unit_zh)
        parts.append(f"目标 {target}，{'已完成' if score.meets_target else '未完成'}")
    return "；".join(parts)


def summary_paragraph(ctx, headline_codes: tuple[str, ...]) -> str:
    """The report's opening paragraph: the headline figures, then what the city figures add up to."""
    city = [pair for domain in ctx.domains for pair in ctx.city_scores(domain.domain)]
    by_code = {indicator.code: (indicator, score) for indicator, score in city}
    headline = [score_sentence(*by_code[code]) for code in headline_codes if code in by_code]
    parts = [f"{ctx.year}年1－{ctx.through}月，全市" + "；".join(headline) + "。" if headline else ""]
    with_standard = [(i, s) for i, s in city if s.meets_standard is not None]
    if with_standard:
        unmet = [i.name_zh for i, s in with_standard if not s.meets_standard]
        parts.append(
            f"有国家标准的{len(with_standard)}项指标"
            + (f"中{len(unmet)}项未达标（{'、'.join(unmet)}）" if unmet else "全部达标")
            + "。"
        )
    with_target = [(i, s) for i, s in city if s.meets_target is not None]
    if with_target:
        met = sum(1 for _, s in with_target if s.meets_target)
        parts.append(f"有年度目标的{len(with_target)}项指标中{met}项已完成。")
    comparable = [s for _, s in city if s.yoy_change_report is not None]
    if comparable:
        better = sum(1 for s in comparable if s.is_improved is True)
        worse = sum(1 for s in comparable if s.is_improved is False)
        unchanged = len(comparable) - better - worse
        parts.append(
            f"与上年同期可比的{len(comparable)}项指标中，{better}项向好，{worse}项变差"
            + (f"，{unchanged}项持平" if unchanged else "")
            + "。"
        )
    provisional = sum(1 for _, s in city if not s.is_complete)
    insufficient = sum(1 for _, s in city if s.has_insufficient_data)
    marks = []
    if provisional:
        marks.append(f"{provisional}项为暂定数（报送尚不完整，原因见各节）")
    if insufficient:
        marks.append(f"{insufficient}项{INSUFFICIENT_DATA_MARK}")
    parts.append(("其中" + "，".join(marks) + "。") if marks else "本期全部数字所依据的报送已完整。")
    return "".join(parts)
