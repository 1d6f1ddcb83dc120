"""The charts of report.html, as data: each names the mart it needs and is skipped when that mart is absent.

A chart is {"id", "title", "kind": line | bars | calendar, "unit", "labels", "series": [{"name", "values",
"colors"?}]}; the page's script draws any of them, so a domain's chart is one more entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalogue import table_exists


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str
    title: str
    required_table: str
    build: Callable


def _monthly(ctx, column: str) -> dict[int, dict[int, float]]:
    rows = ctx.conn.execute(
        f"SELECT year, end_month, {column} FROM marts.fct_air_quality_period "  # noqa: S608 a chart's column
        f"WHERE period_kind = 'month' AND is_published_basis AND year IN (?, ?) AND end_month <= ? "
        f"AND {column} IS NOT NULL",
        [ctx.year, ctx.year - 1, ctx.through],
    ).fetchall()
    by_year: dict[int, dict[int, float]] = {ctx.year: {}, ctx.year - 1: {}}
    for year, month, value in rows:
        by_year[year][month] = round(value, 1)
    return by_year


def pm25_by_month(ctx) -> dict:
    by_year = _monthly(ctx, "pm25_mean")
    months = list(range(1, ctx.through + 1))
    return {
        "kind": "line",
        "unit": "微克/立方米",
        "labels": [f"{m}月" for m in months],
        "series": [
            {
                "name": f"{ctx.year}年",
                "color": "#c0392b",
                "values": [by_year[ctx.year].get(m) for m in months],
            },
            {
                "name": f"{ctx.year - 1}年",
                "color": "#95a5a6",
                "values": [by_year[ctx.year - 1].get(m) for m in months],
            },
        ],
    }


def good_days_by_month(ctx) -> dict:
    by_year = _monthly(ctx, "good_day_ratio")
    months = [m for m in range(1, ctx.through + 1) if m in by_year[ctx.year]]
    return {
        "kind": "bars",
        "unit": "%",
        "max": 100,
        "labels": [f"{m}月" for m in months],
        "series": [
            {
                "name": f"{ctx.year}年优良天数比例",
                "color": "#27ae60",
                "values": [by_year[ctx.year][m] for m in months],
            }
        ],
    }


def aqi_calendar(ctx) -> dict:
    rows = ctx.conn.execute(
        # the category colours of HJ 633 come from the aqi_categories seed (rgb), not from code
        """SELECT strftime(d.obs_date, '%Y-%m-%d'), d.aqi, coalesce(d.aqi_category, '无有效数据'),
                  coalesce('rgb(' || c.rgb || ')', '#dddddd')
           FROM marts.fct_air_quality_daily AS d
           LEFT JOIN reference.aqi_categories AS c
               ON c.ruleset = d.ruleset AND c.category = d.aqi_category
           WHERE year(d.obs_date) = ? AND month(d.obs_date) <= ? ORDER BY d.obs_date""",
        [ctx.year, ctx.through],
    ).fetchall()
    return {
        "kind": "calendar",
        "unit": "AQI",
        "labels": [r[0] for r in rows],
        "series": [
            {
                "name": "日AQI",
                "values": [r[1] for r in rows],
                "categories": [r[2] for r in rows],
                "colors": [r[3] for r in rows],
            }
        ],
    }


def district_comparison(code: str) -> Callable:
    def build(ctx) -> dict | None:
        rows = ctx.conn.execute(
            "SELECT area, value FROM indicators.fct_indicator_values "
            "WHERE indicator_code = ? AND year = ? AND end_month = ? AND NOT is_city AND value IS NOT NULL "
            "ORDER BY value",
            [code, ctx.year, ctx.through],
        ).fetchall()
        if not rows:
            return None
        indicator = ctx.catalogue[code]
        decimals = indicator.decimals
        return {
            "kind": "bars",
            "unit": indicator.unit_zh,
            "labels": [r[0] for r in rows],
            "series": [
                {
                    "name": indicator.name_zh,
                    "color": "#2980b9",
                    "values": [round(r[1], decimals) for r in rows],
                }
            ],
        }

    return build


WATER_CLASS_COLOURS = {1: "#2e86c1", 2: "#48c9b0", 3: "#58d68d", 4: "#f4d03f", 5: "#eb984e", 6: "#cb4335"}


def water_classes_by_section(ctx) -> dict | None:
    rows = ctx.conn.execute(
        "SELECT section_name, class_no, class_label FROM marts.fct_water_section_period "
        "WHERE year = ? AND end_month = ? AND class_no IS NOT NULL ORDER BY section_name",
        [ctx.year, ctx.through],
    ).fetchall()
    if not rows:
        return None
    return {
        "kind": "bars",
        "unit": "类别（1=Ⅰ类 … 6=劣Ⅴ类）",
        "max": 6,
        "labels": [r[0] for r in rows],
        "series": [
            {
                "name": "水质类别",
                "values": [r[1] for r in rows],
                "categories": [r[2] for r in rows],
                "colors": [WATER_CLASS_COLOURS[r[1]] for r in rows],
            }
        ],
    }


CHARTS = [
    ChartSpec(
        "pm25_by_month", "PM2.5 月均浓度（与上年同月对比）", "marts.fct_air_quality_period", pm25_by_month
    ),
    ChartSpec("good_days_by_month", "各月优良天数比例", "marts.fct_air_quality_period", good_days_by_month),
    ChartSpec("aqi_calendar", "空气质量日历（每日 AQI 类别）", "marts.fct_air_quality_daily", aqi_calendar),
    ChartSpec(
        "district_pm25",
        "各区县 PM2.5 平均浓度（年初至今）",
        "indicators.fct_indicator_values",
        district_comparison("air.pm25_mean"),
    ),
    ChartSpec(
        "district_good_days",
        "各区县优良天数比例（年初至今）",
        "indicators.fct_indicator_values",
        district_comparison("air.good_days_ratio"),
    ),
    ChartSpec(
        "water_sections",
        "各断面水质类别（年初至今）",
        "marts.fct_water_section_period",
        water_classes_by_section,
    ),
]


def build_charts(ctx) -> list[dict]:
    charts = []
    for spec in CHARTS:
        if not table_exists(ctx.conn, spec.required_table):
            continue
        chart = spec.build(ctx)
        if chart is not None:
            charts.append({"id": spec.chart_id, "title": spec.title, **chart})
    return charts
