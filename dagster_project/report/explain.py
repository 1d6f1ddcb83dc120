"""`explain INDICATOR --period 2023-11 [--area 镜湖区]`: where a value came from.

Prints the value and its formula (catalogue), the mart rows behind it, and the submissions that fed
it: for each source the indicator depends on, the loaded files of the period with their sheets, row
counts, sha256 and load batch (raw lineage and raw._files).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..ingest.sql import quote_identifier
from .catalogue import load_catalogue, table_exists

CITY = "城市"


def _columns(conn, qualified: str) -> list[str]:
    schema, name = qualified.split(".")
    return [
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
            "ORDER BY ordinal_position",
            [schema, name],
        ).fetchall()
    ]


def _mart_rows(
    conn, mart: str, column: str, year: int, month: int, area: str
) -> tuple[list[str], list[tuple]]:
    """The mart's rows of the period (and district), with their key columns and the indicator's column."""
    qualified = f"marts.{mart}"
    available = _columns(conn, qualified)
    keys = [
        c for c in ("period_kind", "district", "industry", "year", "end_month", "month") if c in available
    ]
    filters, params = [], []
    if "period_kind" in available:
        filters.append("period_kind = 'ytd'")
    if "year" in available:
        filters.append("year = ?")
        params.append(year)
    if "end_month" in available:
        filters.append("end_month = ?")
        params.append(month)
    elif "month" in available:
        filters.append("month <= ?")
        params.append(month)
    if area != CITY and "district" in available:
        filters.append("district = ?")
        params.append(area)
    selected = keys + [column]
    sql = (
        f"SELECT {', '.join(quote_identifier(c) for c in selected)} FROM {qualified}"
        + (f" WHERE {' AND '.join(filters)}" if filters else "")
        + f" ORDER BY {', '.join(quote_identifier(c) for c in keys) or '1'}"
    )
    return selected, conn.execute(sql, params).fetchall()


def submissions(conn, source: str, year: int, month: int, area: str) -> list[tuple]:
    """(file, sheet, rows, sha256, load batch, version) of the loaded files of `source` that feed the period."""
    if not table_exists(conn, f"raw.{source}"):
        return []
    table = f"raw.{quote_identifier(source)}"
    district_filter, params = "", [source, f"{year}-01", f"{year}-{month:02d}", str(year)]
    if area != CITY and "district" in _columns(conn, f"raw.{source}"):
        district_filter, params = "AND r.district = ?", [*params, area]
    return conn.execute(
        f"""SELECT f.file_path, r._sheet, count(*), f.file_sha256, f.load_batch, f.file_version
            FROM raw._files AS f
            JOIN {table} AS r ON r._file_sha256 = f.file_sha256
            WHERE f.source = ? AND f.status = 'loaded'
              AND (regexp_extract(f.file_identity, 'period=(\\d{{4}}-\\d{{2}})', 1) BETWEEN ? AND ?
                   OR regexp_extract(f.file_identity, 'year=(\\d{{4}})', 1) = ?
                   OR NOT regexp_matches(f.file_identity, '(period|year)='))
              {district_filter}
            GROUP BY ALL ORDER BY f.file_path""",
        params,
    ).fetchall()


def explain(published_db: Path, code: str, year: int, month: int, area: str = CITY) -> list[str]:
    lines: list[str] = []
    with duckdb.connect(str(published_db), read_only=True) as conn:
        catalogue = load_catalogue(conn)
        if code not in catalogue:
            raise KeyError(f"unknown indicator {code}: not in the catalogue seeds/reference/indicators.csv")
        indicator = catalogue[code]
        row = conn.execute(
            "SELECT v.value, s.value_report, v.numerator, v.denominator, s.value_last_year_report, s.yoy_change_report,"
            " s.yoy_kind, v.is_complete, v.missing_submissions FROM indicators.fct_indicator_values AS v"
            " JOIN indicators.rpt_scorecard AS s USING (indicator_code, area, year, end_month)"
            " WHERE v.indicator_code = ? AND v.area = ? AND v.year = ? AND v.end_month = ?",
            [code, area, year, month],
        ).fetchone()
        lines.append(f"{code} {indicator.name_zh} · {area} · {year}年1–{month}月")
        if row is None:
            lines.append("  no value in the warehouse for this indicator, area and period")
            return lines
        value, report, numerator, denominator, last_year, change, yoy_kind, complete, missing = row
        lines.append(
            f"  value: {value!r} → published {report} {indicator.unit}"
            + ("" if complete else f"  (provisional: missing {missing or 'inputs'})")
        )
        if numerator is not None:
            lines.append(f"  numerator / denominator: {numerator:g} / {denominator:g}")
        lines.append(
            f"  same period last year: {last_year}; 同比 {change} {'%' if yoy_kind == 'pct' else '百分点'}"
        )
        lines.append(f"  formula: {indicator.formula_zh or '—'}")
        lines.append(
            f"  aggregation: {indicator.aggregation}; mart: marts.{indicator.source_mart}.{indicator.source_column}"
        )
        if indicator.source_mart and table_exists(conn, f"marts.{indicator.source_mart}"):
            columns, rows = _mart_rows(
                conn, indicator.source_mart, indicator.source_column, year, month, area
            )
            lines.append(f"  mart rows ({len(rows)}): {' | '.join(columns)}")
            lines.extend("    " + " | ".join("" if v is None else str(v) for v in r) for r in rows)
        for source in indicator.sources:
            files = submissions(conn, source, year, month, area)
            lines.append(f"  submissions of {source} ({len(files)} files):")
            lines.extend(
                f"    {path}  sheet={sheet}  rows={count}  sha256={sha}  batch={batch}  version={version}"
                for path, sheet, count, sha, batch, version in files
            )
    return lines
