"""`explain INDICATOR --period 2023-11 [--area 镜湖区]`: where a value came from.

Prints the value as published (the scorecard's value_report, rounded by round_gbt8170 to the catalogue's
decimals) with its unit, why a statistic is flagged 统计数据不足 (GB 3095 Table 4) and the assessment basis of
an air value and of its 同比, the formula (catalogue), the mart rows (of a mart with assessment bases, the
published one) of exactly the requested area with the
columns that tell them apart, and the submissions that fed it: for each source the indicator depends on,
the loaded files of the period with their sheets, row counts, sha256 and load batch (raw lineage and
raw._files).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from ..ingest.sql import quote_identifier
from ..settings import CITY_LABEL as CITY
from .catalogue import Indicator, closest_codes, load_catalogue, table_exists

# The keys every mart of a period shares; the rest of a row's label is found from the rows themselves.
PERIOD_KEYS = ("year", "end_month", "month")
LABEL_TYPES = ("VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP")
AGGREGATION_ZH = {
    "flow": "期间合计",
    "stock": "期末存量",
    "ratio": "比例",
    "statistic": "统计量",
    "distinct_count": "去重计数",
}


class ExplainError(LookupError):
    """The indicator is not in the catalogue, or has no value for the area and period asked for."""


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    comment: str | None

    @property
    def label(self) -> str:
        """Chinese label (the column's description up to its first explanation) with the English name."""
        short = self.comment or ""
        for stop in "（(=：:；;，,":
            short = short.split(stop)[0]
        short = short.strip()
        return f"{short} {self.name}" if short else self.name


@dataclass(frozen=True)
class MartRows:
    qualified: str
    columns: list[Column]
    rows: list[tuple]


def unit_of(indicator: Indicator) -> str:
    return indicator.unit_zh or indicator.unit


def as_published(value_report: float | None, indicator: Indicator) -> str:
    """A published value with its unit. value_report is already rounded (round_gbt8170 in rpt_scorecard);
    the format only writes the catalogue's number of decimals, so 100.0 at 0 decimals reads 100."""
    if value_report is None:
        return "—"
    number = f"{value_report:.{indicator.decimals}f}"
    unit = unit_of(indicator)
    return number + unit if unit in ("", "%") else f"{number} {unit}"


def as_change(change_report: float | None, yoy_kind: str) -> str:
    """同比 as published: yoy_change_report is rounded to one decimal in rpt_scorecard."""
    if change_report is None:
        return "—"
    return f"{change_report:+.1f}%" if yoy_kind == "pct" else f"{change_report:+.1f} 个百分点"


def as_stored(value: object) -> str:
    """A stored cell: whole numbers without '.0', other doubles to the 15 digits a double holds."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def unknown_indicator_message(code: str, catalogue: dict[str, Indicator]) -> str:
    closest = closest_codes(code, catalogue)
    hint = (
        "最接近的编码 (closest codes): " + "、".join(f"{c}（{catalogue[c].name_zh}）" for c in closest)
        if closest
        else "全部编码 (all codes): python -m dagster_project.cli list"
    )
    return f'未知指标 "{code}" (unknown indicator, not in seeds/reference/indicators.csv)；{hint}'


def _columns(conn, schema: str, table: str) -> list[Column]:
    return [
        Column(*row)
        for row in conn.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() "
            "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, table],
        ).fetchall()
    ]


def label_columns(columns: list[Column], rows: list[tuple], fixed: list[int]) -> list[int]:
    """Positions (in table order) of the label columns: the fixed keys, then each text, flag or date
    column that splits rows still sharing a label, until every row has its own (e.g. 国考 / 省考 / 市控)."""
    chosen = list(fixed)

    def groups(positions: list[int]) -> int:
        return len({tuple(row[p] for p in positions) for row in rows})

    for position, column in enumerate(columns):
        if groups(chosen) == len(rows):
            break
        if position in chosen or not column.data_type.startswith(LABEL_TYPES):
            continue
        if groups([*chosen, position]) > groups(chosen):
            chosen.append(position)
    return sorted(chosen)


def _mart_rows(conn, indicator: Indicator, year: int, month: int, area: str) -> MartRows | None:
    """The mart's rows behind the value of exactly `area` (None when the mart has no rows per district)."""
    columns = _columns(conn, "marts", indicator.source_mart)
    names = [c.name for c in columns]
    if area != CITY and "district" not in names and "area" not in names:
        return None
    filters, params = [], []
    if "period_kind" in names:
        filters.append("period_kind = 'ytd'")
    if "is_published_basis" in names:
        filters.append("is_published_basis")
    if "year" in names:
        filters.append("year = ?")
        params.append(year)
    if "end_month" in names:
        filters.append("end_month = ?")
        params.append(month)
    elif "month" in names:
        filters.append("month <= ?")
        params.append(month)
    elif "as_of_date" in names:
        filters.append("as_of_date <= last_day(make_date(?, ?, 1))")
        params += [year, month]
    if "area" in names:
        filters.append("area = ?")
        params.append(area)
    elif area != CITY:
        filters.append("district = ?")
        params.append(area)
    keys = [n for n in ("area", "district", *PERIOD_KEYS) if n in names]
    order = keys + [n for n in names if n not in keys]
    rows = conn.execute(
        f"SELECT * FROM marts.{quote_identifier(indicator.source_mart)}"  # noqa: S608 quoted catalogue names
        + (f" WHERE {' AND '.join(filters)}" if filters else "")
        + f" ORDER BY {', '.join(quote_identifier(n) for n in order)}",
        params,
    ).fetchall()
    fixed = [names.index(k) for k in keys]
    found = [p for p in label_columns(columns, rows, fixed) if p not in fixed]
    shown = [*fixed, *found, names.index(indicator.source_column)]
    return MartRows(
        f"marts.{indicator.source_mart}",
        [columns[p] for p in shown],
        [tuple(row[p] for p in shown) for row in rows],
    )


def submissions(conn, source: str, year: int, month: int, area: str) -> list[tuple]:
    """(file, sheet, rows, sha256, load batch, version) of the loaded files of `source` feeding the period."""
    if not table_exists(conn, f"raw.{source}"):
        return []
    table = f"raw.{quote_identifier(source)}"
    district_filter, params = "", [source, date(year, 1, 1), date(year, month, 1), year]
    if area != CITY and "district" in [c.name for c in _columns(conn, "raw", source)]:
        district_filter, params = "AND r.district = ?", [*params, area]
    return conn.execute(
        f"""SELECT f.file_path, r._sheet, count(*), f.file_sha256, f.load_batch, f.file_version
            FROM raw._files AS f
            JOIN {table} AS r ON r._file_sha256 = f.file_sha256
            WHERE f.source = ? AND f.status = 'loaded'
              AND (f.period_month BETWEEN ? AND ?
                   OR (f.period_month IS NULL AND f.period_year = ?)
                   OR (f.period_month IS NULL AND f.period_year IS NULL))
              {district_filter}
            GROUP BY ALL ORDER BY f.file_path""",  # noqa: S608 quoted table name, values as parameters
        params,
    ).fetchall()


def _no_value_message(conn, indicator: Indicator, year: int, month: int, area: str) -> str:
    """Why there is nothing to explain, and where the indicator does have values."""
    asked = f"{indicator.code} · {area} · {year}年1–{month}月"
    values = conn.execute(
        "SELECT DISTINCT area, year, end_month FROM indicators.fct_indicator_values WHERE indicator_code = ?",
        [indicator.code],
    ).fetchall()
    periods = sorted(
        (value_year, value_month) for value_area, value_year, value_month in values if value_area == area
    )
    if periods:
        (first_year, first_month), (last_year, last_month) = periods[0], periods[-1]
        return (
            f"{asked}：本期无值 (no value for this period)；该地区有值的期间 (periods with values): "
            f"{first_year}-{first_month:02d} 至 {last_year}-{last_month:02d}，共 {len(periods)} 期"
        )
    areas = sorted(
        {value_area for value_area, _, _ in values}, key=lambda value_area: (value_area != CITY, value_area)
    )
    if areas:
        return (
            f"{asked}：该指标没有此地区的值 (no value for this area)；有值的地区 (areas with values): "
            + "、".join(areas)
        )
    return f"{asked}：仓库中尚无该指标的值 (the warehouse has no value for this indicator yet)"


def _value_lines(row: tuple, indicator: Indicator) -> list[str]:
    (
        value_report,
        numerator,
        denominator,
        last_year_report,
        change_report,
        yoy_kind,
        complete,
        missing,
        standard_limit,
        meets_standard,
        target_value,
        meets_target,
        is_statistic_valid,
        statistic_validity_note,
        assessment_basis,
        yoy_assessment_basis,
    ) = row
    lines = [
        f"  发布值 published value: {as_published(value_report, indicator)}"
        + (
            ""
            if complete
            else f"（暂定 provisional：缺报 missing {missing or '输入不完整 incomplete inputs'}）"
        )
    ]
    if is_statistic_valid is False:
        lines.append(
            f"  统计数据不足 insufficient data (GB 3095 表4 Table 4): "
            f"{statistic_validity_note or '有效日数不足 too few valid daily values'}"
        )
    elif is_statistic_valid:
        lines.append("  统计有效性 statistic validity: 满足 GB 3095 表4 (meets GB 3095 Table 4)")
    if assessment_basis is not None:
        lines.append(
            f"  评价口径 assessment basis: {assessment_basis}；"
            f"同比口径 year-on-year basis: {yoy_assessment_basis or '—'}"
            "（上年同期按同一口径 previous year on the same basis）"
        )
    if numerator is not None:
        lines.append(
            f"  分子 / 分母 numerator / denominator: {as_stored(numerator)} / {as_stored(denominator)}"
        )
    lines.append(
        f"  上年同期 same period last year: {as_published(last_year_report, indicator)}；"
        f"同比 year on year: {as_change(change_report, yoy_kind)}"
    )
    for label, limit, met in (
        ("标准限值 standard limit", standard_limit, meets_standard),
        ("目标 target", target_value, meets_target),
    ):
        if limit is not None:
            verdict = "—" if met is None else ("达到 met" if met else "未达到 not met")
            lines.append(
                f"  {label}: {as_stored(limit)} {unit_of(indicator)}（{verdict}）".replace(" （", "（")
            )
    return lines


def _mart_lines(conn, indicator: Indicator, year: int, month: int, area: str) -> list[str]:
    source = f"marts.{indicator.source_mart}.{indicator.source_column}"
    if not indicator.source_mart or not table_exists(conn, f"marts.{indicator.source_mart}"):
        return [f"  来源 source: {source}（不在仓库中 not in the warehouse）"]
    lines = [f"  来源 source: {source}"]
    mart = _mart_rows(conn, indicator, year, month, area)
    if mart is None:
        lines.append(
            f"  mart 行 mart rows: marts.{indicator.source_mart} 没有{area}的行 (no row for this area)"
        )
        return lines
    lines.append(f"  mart 行 mart rows ({len(mart.rows)})，原值未修约 (stored, unrounded):")
    lines.append("    " + " | ".join(c.label for c in mart.columns))
    lines.extend("    " + " | ".join(as_stored(v) for v in row) for row in mart.rows)
    return lines


def explain(published_db: Path, code: str, year: int, month: int, area: str = CITY) -> list[str]:
    """The lines explaining one value; `area` is 城市 or a district's official name."""
    with duckdb.connect(str(published_db), read_only=True) as conn:
        catalogue = load_catalogue(conn)
        if code not in catalogue:
            raise ExplainError(unknown_indicator_message(code, catalogue))
        indicator = catalogue[code]
        row = conn.execute(
            "SELECT s.value_report, v.numerator, v.denominator, s.value_last_year_report,"
            " s.yoy_change_report, s.yoy_kind, v.is_complete, v.missing_submissions,"
            " s.standard_limit, s.meets_standard, s.target_value, s.meets_target,"
            " s.is_statistic_valid, s.statistic_validity_note, s.assessment_basis, s.yoy_assessment_basis"
            " FROM indicators.fct_indicator_values AS v"
            " JOIN indicators.rpt_scorecard AS s USING (indicator_code, area, year, end_month)"
            " WHERE v.indicator_code = ? AND v.area = ? AND v.year = ? AND v.end_month = ?",
            [code, area, year, month],
        ).fetchone()
        if row is None:
            raise ExplainError(_no_value_message(conn, indicator, year, month, area))
        lines = [f"{code} {indicator.name_zh}（{indicator.name_en}）· {area} · {year}年1–{month}月"]
        lines += _value_lines(row, indicator)
        lines.append(f"  口径 formula: {indicator.formula_zh or '—'}")
        aggregation = AGGREGATION_ZH.get(indicator.aggregation)
        lines.append(
            f"  汇总方式 aggregation: {indicator.aggregation}"
            + (f"（{aggregation}）" if aggregation else "")
            + f"；修约 rounding: {indicator.decimals} 位小数 decimals（GB/T 8170）"
        )
        lines += _mart_lines(conn, indicator, year, month, area)
        for source in indicator.sources:
            files = submissions(conn, source, year, month, area)
            lines.append(f"  报送文件 submissions of {source} ({len(files)} 个文件 files):")
            lines.extend(
                f"    {path}  sheet={sheet}  rows={count}  sha256={sha}  batch={batch}  version={version}"
                for path, sheet, count, sha, batch, version in files
            )
    return lines
