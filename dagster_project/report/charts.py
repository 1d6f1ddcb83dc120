"""The charts of report.html as Apache ECharts options; each names the table it needs and is skipped when
that table is absent.

A chart is {"id", "title", "note"?, "height", "option"}: `option` is handed to ECharts unchanged, except
that an {"lookup": {value: label}} object in it becomes a formatter function (JSON has no functions).
Every printed number is the warehouse's published value (the *_report columns, rounded once by GB/T 8170
in dbt), never rounded here. Each value axis asks ECharts for round ticks, each category axis shows
every label, and each chart has a legend (series legend or, for colour scales, a piecewise visualMap).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..figures import published_decimal
from .catalogue import display_unit, table_exists

# the two headline series of the report (the summary paragraph, the charts and the workbook's charts)
HEADLINE_CODES = ("air.pm25_mean", "air.good_days_ratio")
# their published monthly values in marts.fct_air_quality_period
HEADLINE_MONTHLY_COLUMNS = ("pm25_mean_report", "good_day_ratio_report")
# an air district with no value: no station at all there, or stations without a valid value
NO_STATION = "无监测站"
NO_VALUE = "无有效数据"
NO_DATA_COLOUR = "#d5d8dc"
THIS_YEAR_COLOUR = "#c0392b"
LAST_YEAR_COLOUR = "#95a5a6"
DISTRICT_COLOUR = "#2980b9"
# GB 3838 classes, blue (Ⅰ darker than Ⅱ) through green, yellow and orange to red (劣Ⅴ), by class_no
WATER_CLASS_COLOURS = {1: "#1f618d", 2: "#5dade2", 3: "#28b463", 4: "#f4d03f", 5: "#eb984e", 6: "#cb4335"}
ROW_HEIGHT = 24
BASE = {"animation": False, "textStyle": {"fontFamily": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}}


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str
    title: str
    required_table: str
    build: Callable


def _published(value) -> float | None:
    """A DECIMAL published value as a JSON number (31.3 stays 31.3; no rounding)."""
    return None if value is None else float(value)


def monthly_published(ctx, column: str) -> dict[int, dict[int, float]]:
    rows = ctx.conn.execute(
        f"SELECT year, end_month, {column} FROM marts.fct_air_quality_period "  # noqa: S608 a chart's column
        f"WHERE period_kind = 'month' AND is_published_basis AND year IN (?, ?) AND end_month <= ? "
        f"AND {column} IS NOT NULL",
        [ctx.year, ctx.year - 1, ctx.through],
    ).fetchall()
    by_year: dict[int, dict[int, float]] = {ctx.year: {}, ctx.year - 1: {}}
    for year, month, value in rows:
        by_year[year][month] = _published(value)
    return by_year


def _point(value: float | None, decimals: int) -> dict | None:
    """A data point labelled with its published figure (50.0 stays 50.0, where ECharts would print 50)."""
    if value is None:
        return None
    return {"value": value, "label": {"formatter": format(published_decimal(value, decimals), "f")}}


def _value_axis(name: str, **extra) -> dict:
    # minInterval 1 with ECharts' nice-number ticks gives 0/10/20…, never 0/20/39
    return {"type": "value", "name": name, "minInterval": 1, "splitNumber": 5, "scale": False, **extra}


def _horizontal_value_axis(name: str, **extra) -> dict:
    """A value axis along the bottom, its name centred below the ticks (at the end it is clipped)."""
    return _value_axis(name, nameLocation="middle", nameGap=26, **extra)


def _category_axis(labels: list, **extra) -> dict:
    return {"type": "category", "data": labels, "axisLabel": {"interval": 0}, **extra}


def _year_comparison(ctx, code: str, column: str, kind: str, **value_axis) -> dict:
    indicator = ctx.catalogue[code]
    by_year = monthly_published(ctx, column)
    months = list(range(1, ctx.through + 1))
    series = [
        {
            "name": f"{year}年",
            "type": kind,
            "data": [_point(by_year[year].get(m), indicator.decimals) for m in months],
            "itemStyle": {"color": colour},
            "lineStyle": {"width": 3 if year == ctx.year else 2},
            "symbolSize": 7,
            "label": {"show": year == ctx.year, "position": "top", "fontSize": 10},
        }
        for year, colour in ((ctx.year, THIS_YEAR_COLOUR), (ctx.year - 1, LAST_YEAR_COLOUR))
    ]
    return {
        "height": 340,
        "option": {
            **BASE,
            "legend": {"data": [s["name"] for s in series], "top": 0},
            "tooltip": {"trigger": "axis"},
            "grid": {"left": 56, "right": 24, "top": 48, "bottom": 32},
            "xAxis": _category_axis([f"{m}月" for m in months]),
            "yAxis": _value_axis(display_unit(indicator), **value_axis),
            "series": series,
        },
    }


def pm25_by_month(ctx) -> dict:
    return _year_comparison(ctx, HEADLINE_CODES[0], HEADLINE_MONTHLY_COLUMNS[0], "line")


def good_days_by_month(ctx) -> dict:
    return _year_comparison(ctx, HEADLINE_CODES[1], HEADLINE_MONTHLY_COLUMNS[1], "bar", max=100, interval=20)


def aqi_calendar(ctx) -> dict:
    days = ctx.conn.execute(
        "SELECT strftime(obs_date, '%Y-%m-%d'), aqi FROM marts.fct_air_quality_daily "
        "WHERE year(obs_date) = ? AND month(obs_date) <= ? ORDER BY obs_date",
        [ctx.year, ctx.through],
    ).fetchall()
    # the HJ 633 categories and colours of the rulesets in use come from the aqi_categories seed
    categories = ctx.conn.execute(
        """SELECT DISTINCT c.aqi_lo, c.aqi_hi, c.category, 'rgb(' || c.rgb || ')'
           FROM reference.aqi_categories AS c
           WHERE c.ruleset IN (SELECT DISTINCT ruleset FROM marts.fct_air_quality_daily
                               WHERE year(obs_date) = ? AND month(obs_date) <= ?)
           ORDER BY c.aqi_lo""",
        [ctx.year, ctx.through],
    ).fetchall()
    n_missing = sum(1 for _, aqi in days if aqi is None)
    return {
        "height": 230,
        "wide": True,
        "note": f"灰色为无有效 AQI 的日（{n_missing} 天）。" if n_missing else None,
        "option": {
            **BASE,
            "tooltip": {"formatter": "{c}"},
            "visualMap": {
                "type": "piecewise",
                "orient": "horizontal",
                "left": "center",
                "top": 0,
                "dimension": 1,
                "pieces": [
                    {"min": lo, "max": hi, "label": label, "color": rgb} for lo, hi, label, rgb in categories
                ],
            },
            "calendar": {
                "range": [days[0][0], days[-1][0]] if days else str(ctx.year),
                "top": 60,
                "left": 40,
                "right": 20,
                "cellSize": ["auto", 20],
                "itemStyle": {"color": NO_DATA_COLOUR, "borderColor": "#fff", "borderWidth": 1},
                "dayLabel": {"nameMap": "ZH", "firstDay": 1},
                "monthLabel": {"nameMap": "ZH"},
                "yearLabel": {"show": False},
            },
            "series": [
                {
                    "name": "日AQI",
                    "type": "heatmap",
                    "coordinateSystem": "calendar",
                    "data": [[day, aqi] for day, aqi in days if aqi is not None],
                }
            ],
        },
    }


def _districts_without_station(ctx) -> set[str]:
    if not table_exists(ctx.conn, "marts.fct_air_quality_station_period"):
        return set()
    with_station = {
        row[0]
        for row in ctx.conn.execute(
            "SELECT DISTINCT district FROM marts.fct_air_quality_station_period WHERE year = ?", [ctx.year]
        ).fetchall()
    }
    return {
        name for (name,) in ctx.conn.execute("SELECT district_name FROM reference.districts").fetchall()
    } - (with_station)


def district_comparison(code: str) -> Callable:
    """Every district of the districts seed, best first; a district without a value says why."""

    def build(ctx) -> dict | None:
        rows = ctx.conn.execute(
            """SELECT d.district_name, s.value_report
               FROM reference.districts AS d
               LEFT JOIN indicators.rpt_scorecard AS s
                   ON s.area = d.district_name AND s.indicator_code = ? AND s.year = ? AND s.end_month = ?
               ORDER BY d.district_code""",
            [code, ctx.year, ctx.through],
        ).fetchall()
        if all(value is None for _, value in rows):
            return None
        indicator = ctx.catalogue[code]
        without_station = _districts_without_station(ctx)
        with_value = sorted(
            ((name, value) for name, value in rows if value is not None),
            key=lambda row: row[1] if indicator.direction == "lower" else -row[1],
        )
        without_value = [name for name, value in rows if value is None]
        names = [name for name, _ in with_value] + without_value
        values = [value for _, value in with_value] + [None] * len(without_value)
        labels = [
            name if value is not None else f"{name}（{NO_STATION if name in without_station else NO_VALUE}）"
            for name, value in zip(names, values, strict=True)
        ]
        unit = display_unit(indicator)
        return {
            "height": 60 + ROW_HEIGHT * len(labels),
            "option": {
                **BASE,
                "legend": {"data": [indicator.name_zh], "top": 0},
                "tooltip": {"trigger": "axis"},
                "grid": {"left": 8, "right": 48, "top": 36, "bottom": 24, "containLabel": True},
                "xAxis": _horizontal_value_axis(
                    unit, **({"max": 100, "interval": 20} if indicator.unit == "%" else {})
                ),
                "yAxis": _category_axis(labels, inverse=True),
                "series": [
                    {
                        "name": indicator.name_zh,
                        "type": "bar",
                        "data": [_point(value, indicator.decimals) for value in values],
                        "itemStyle": {"color": DISTRICT_COLOUR},
                        "label": {"show": True, "position": "right"},
                    }
                ],
            },
        }

    return build


def water_classes_by_section(ctx) -> dict | None:
    rows = ctx.conn.execute(
        "SELECT section_name, class_no FROM marts.fct_water_section_period "
        "WHERE year = ? AND end_month = ? AND class_no IS NOT NULL ORDER BY class_no DESC, section_name",
        [ctx.year, ctx.through],
    ).fetchall()
    if not rows:
        return None
    classes = ctx.conn.execute(
        "SELECT class_no, class_label || '类' FROM reference.water_quality_classes ORDER BY class_no"
    ).fetchall()
    sections = [name for name, _ in rows]
    section_class = dict(rows)
    series = [
        {
            "name": label,
            "type": "bar",
            "stack": "class",
            "barWidth": "60%",
            "itemStyle": {"color": WATER_CLASS_COLOURS[class_no]},
            "data": [class_no if section_class[s] == class_no else None for s in sections],
        }
        for class_no, label in classes
    ]
    return {
        "height": 80 + ROW_HEIGHT * len(sections),
        "option": {
            **BASE,
            "legend": {"data": [label for _, label in classes], "top": 0},
            "tooltip": {"trigger": "item", "formatter": "{b}：{a}"},
            "grid": {"left": 8, "right": 32, "top": 40, "bottom": 24, "containLabel": True},
            "xAxis": _horizontal_value_axis(
                "水质类别",
                min=0,
                max=len(classes),
                interval=1,
                axisLabel={"formatter": {"lookup": {str(no): label for no, label in classes}}},
            ),
            "yAxis": _category_axis(sections, inverse=True),
            "series": series,
        },
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
        "indicators.rpt_scorecard",
        district_comparison(HEADLINE_CODES[0]),
    ),
    ChartSpec(
        "district_good_days",
        "各区县优良天数比例（年初至今）",
        "indicators.rpt_scorecard",
        district_comparison(HEADLINE_CODES[1]),
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
