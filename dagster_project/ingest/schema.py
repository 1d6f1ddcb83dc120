"""DDL of the raw layer, derived from the registry: one table per source plus the load bookkeeping."""

from __future__ import annotations

import json

import duckdb

from .identity import identity_periods_of_key
from .registry import LINEAGE_COLUMNS, SourceSpec
from .sql import quote_identifier

FILES_TABLE = "raw._files"
REJECTS_TABLE = "raw._rejects"
SOURCES_TABLE = "raw._sources"

# table → {column: (SQL type, Chinese description)}; the descriptions are published with the columns
BOOKKEEPING_TABLES = {
    FILES_TABLE: {
        "source": ("VARCHAR", "登记项名称（报送类型，见 raw._sources）"),
        "file_path": ("VARCHAR", "报送文件在收件箱中的相对路径"),
        "file_sha256": ("VARCHAR", "文件内容的 SHA-256 摘要"),
        "file_identity": ("VARCHAR", "文件身份（如报送期、区县、年度）：同一身份的新文件为更正报送"),
        "file_version": ("VARCHAR", "文件版本（文件名或标题行中的 _v2、第2版 等；同一身份取最新版本）"),
        "status": (
            "VARCHAR",
            "处理结果：loaded 已装载、failed 整个文件被拒、superseded 同批有更新版本而未装载、"
            "replaced 已被更正报送取代",
        ),
        "rows_loaded": ("BIGINT", "装载的行数"),
        "rows_rejected": ("BIGINT", "被拒的行数（原因见 raw._rejects）"),
        "message": ("VARCHAR", "处理说明（被拒或跳过的原因）"),
        "load_batch": ("VARCHAR", "装载批次（一次刷新运行的编号）"),
        "loaded_at": ("TIMESTAMP", "处理时间（UTC）"),
        "period_month": ("DATE", "文件身份中的报送月份（该月1日；无报送期时为空）"),
        "period_year": ("INTEGER", "文件身份中的年度（或报送月份所在年度）"),
        "district": ("VARCHAR", "文件身份中的区县（无区县时为空）"),
    },
    REJECTS_TABLE: {
        "load_batch": ("VARCHAR", "装载批次（一次刷新运行的编号）"),
        "source": ("VARCHAR", "登记项名称（报送类型）"),
        "file_path": ("VARCHAR", "报送文件在收件箱中的相对路径"),
        "file_sha256": ("VARCHAR", "文件内容的 SHA-256 摘要"),
        "sheet": ("VARCHAR", "工作表名"),
        "row_number": ("INTEGER", "源文件中的行号（整个文件被拒时为空）"),
        "column_name": ("VARCHAR", "出错的列（登记项中的列名）"),
        "value": ("VARCHAR", "出错的原值（个人信息已遮盖）"),
        "reason": ("VARCHAR", "被拒原因（中英文）"),
        "scope": ("VARCHAR", "被拒范围：row 整行、cell 单元格（置空）、file 整个文件"),
        "rejected_at": ("TIMESTAMP", "记录时间（UTC）"),
    },
    # the registry as data, so dbt can tell expected submissions from received ones
    SOURCES_TABLE: {
        "source": ("VARCHAR", "登记项名称（报送类型）"),
        "domain": ("VARCHAR", "领域（air 大气、water 水、soil 土壤、fishing 禁渔、forestry 林业）"),
        "kind": ("VARCHAR", "报送类型：monthly 按期报送、register 名录台账"),
        "identity_parts": ("VARCHAR", "文件身份的组成（period 报送期、year 年度、district 区县，逗号分隔）"),
        "cadence": ("VARCHAR", "应报频次：monthly 每月、yearly 每年、on_change 有变化时"),
        "per": ("VARCHAR", "按什么应报：station 每个站点、district 每个区县；空为全市一份"),
        "register": ("VARCHAR", "按站点应报时所依据的名录登记项"),
        "unit_column": ("VARCHAR", "报送中标识报送单位（站点或区县）的列"),
        "register_column": ("VARCHAR", "名录中与 unit_column 对应的列"),
        "description_zh": ("VARCHAR", "登记项的中文说明"),
        "department": ("VARCHAR", "报送部门"),
        "recorded_at": ("TIMESTAMP", "写入时间（UTC）"),
        "expected_units": ("VARCHAR", "按区县应报时须报送的区县（竖线分隔）；空为全部区县"),
        "register_filter": ("JSON", "按站点应报时名录中须报送的行的条件（列 → 值）；空为名录全部行"),
        "register_until": ("VARCHAR", "名录中的日期列：该日期所在月之后不再应报（如撤销日期 revoked_on）"),
    },
}
BOOKKEEPING_DESCRIPTIONS = {
    FILES_TABLE: "报送文件清单：收件箱中每个文件的处理结果、装载行数与被拒行数",
    REJECTS_TABLE: "被拒记录：每个被拒的文件、行或单元格及其原因（个人信息已遮盖）",
    SOURCES_TABLE: "登记项目录：每种报送的领域、应报频次与应报单位（来自 dagster_project/ingest/registry）",
}


def source_columns(spec: SourceSpec, convertible_units: set[str]) -> dict[str, str]:
    """Column name → SQL type of a source's raw table, in a stable order."""
    columns: dict[str, str] = {}
    for column in spec.columns:
        columns[column.name] = column.sql_type
        if column.unit in convertible_units:
            columns[f"{column.name}_unit"] = "VARCHAR"
        if column.approx:
            columns[f"{column.name}_qualifier"] = "VARCHAR"
    columns.update({derived: "VARCHAR" for derived, _ in spec.pseudonyms})
    columns.update(LINEAGE_COLUMNS)
    return columns


def ensure_table(conn: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str]) -> set[str]:
    """Create the table or add the columns it lacks; returns the columns added to an existing table."""
    schema, name = table.split(".")
    ddl = ", ".join(f"{quote_identifier(c)} {t}" for c, t in columns.items())
    conn.execute(f"CREATE TABLE IF NOT EXISTS {quote_identifier(schema)}.{quote_identifier(name)} ({ddl})")
    existing = {
        row[0]
        for row in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, name],
        ).fetchall()
    }
    added = set()
    for column, sql_type in columns.items():
        if column not in existing:
            conn.execute(
                f"ALTER TABLE {quote_identifier(schema)}.{quote_identifier(name)} "
                f"ADD COLUMN {quote_identifier(column)} {sql_type}"
            )
            added.add(column)
    return added


def _backfill_identity_periods(conn, table: str, identity_column: str, prefix: str) -> None:
    """Type the identity of rows loaded before the typed period columns existed, once, from their key."""
    keys = [k for (k,) in conn.execute(f"SELECT DISTINCT {identity_column} FROM {table}").fetchall() if k]  # noqa: S608 quoted identifiers and temp-table names; values are parameters
    for key in keys:
        periods = identity_periods_of_key(key)
        assignments = ", ".join(f"{quote_identifier(prefix + name)} = ?" for name in periods)
        conn.execute(
            f"UPDATE {table} SET {assignments} WHERE {identity_column} = ?",  # noqa: S608 identifiers only; values are parameters
            [*periods.values(), key],
        )


def _unit_columns(spec: SourceSpec) -> tuple[str | None, str | None]:
    """(column of the source naming the expected submitter, its column in the register) for `expected.per`."""
    per, register = spec.expected.per, spec.expected.register
    if per == "station":
        column = next(c for c in spec.columns if c.reference and c.reference.source == register)
        return column.name, column.reference.column
    if per == "district":
        return next(c.name for c in spec.columns if c.type == "district"), None
    return None, None


def record_source(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, now) -> None:
    """Write the entry's expectation (cadence, per, register) to raw._sources, replacing its previous row."""
    unit_column, register_column = _unit_columns(spec)
    # the table is this module's constant and every value a parameter, so S608 does not apply
    conn.execute(f"DELETE FROM {SOURCES_TABLE} WHERE source = ?", [spec.name])  # noqa: S608
    values = {
        "source": spec.name,
        "domain": spec.domain,
        "kind": spec.kind,
        "identity_parts": ",".join(spec.identity),
        "cadence": spec.expected.cadence,
        "per": spec.expected.per,
        "register": spec.expected.register,
        "unit_column": unit_column,
        "register_column": register_column,
        "description_zh": spec.description_zh,
        "department": spec.department,
        "recorded_at": now,
        "expected_units": "|".join(spec.expected.units) or None,
        "register_filter": json.dumps(dict(spec.expected.register_filter), ensure_ascii=False)
        if spec.expected.register_filter
        else None,
        "register_until": spec.expected.register_until,
    }
    conn.execute(
        f"INSERT INTO {SOURCES_TABLE} ({', '.join(values)}) "  # noqa: S608 this module's column names
        f"VALUES ({', '.join('?' for _ in values)})",
        list(values.values()),
    )


def ensure_raw_schema(conn: duckdb.DuckDBPyConnection, spec: SourceSpec, convertible_units: set[str]) -> None:
    """Create (or widen, when the registry gained a column) the tables a source writes to."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for table, columns in BOOKKEEPING_TABLES.items():
        added = ensure_table(conn, table, {name: sql_type for name, (sql_type, _) in columns.items()})
        if "period_month" in added and table == FILES_TABLE:
            _backfill_identity_periods(conn, table, "file_identity", "")
    columns = source_columns(spec, convertible_units)
    for table in (spec.raw_table, spec.totals_table):
        if table and "_period_month" in ensure_table(conn, f"raw.{table}", columns):
            _backfill_identity_periods(conn, f"raw.{quote_identifier(table)}", "_file_identity", "_")
