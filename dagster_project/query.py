"""`make query`: a read-only SQL shell on the published snapshot (data/warehouse.duckdb).

The PyPI duckdb CLI is 1.x and cannot open the 2.x file the warehouse writes, so this shell runs on the
project's own duckdb. It opens the snapshot read-only: nothing typed here can change it, and the nightly
swap is never blocked. Statements end with `;` and may span lines; `.tables`, `.describe <table>`,
`.help`, `.quit` are the shell's own commands; history is kept in ~/.warehouse_query_history.

    python -m dagster_project.query                 # interactive
    python -m dagster_project.query -c "select …"   # one statement (or several, `;`-separated), then exit
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import duckdb

from .settings import Settings

HISTORY_FILE = Path.home() / ".warehouse_query_history"
MAX_ROWS = 200
HELP = """\
SQL 语句以 ; 结束，可跨行 / end SQL statements with ;
.tables [schema]      列出表及其中文说明 / list tables with their descriptions
.describe <table>     列出表的列、类型与中文说明 / columns, types and descriptions (schema.table or table)
.help                 本帮助 / this help
.quit  或 Ctrl-D      退出 / leave
示例 / e.g.: select * from marts.fct_air_quality_period where period_kind = 'ytd' limit 5;"""


class QueryError(RuntimeError):
    """A command the shell cannot run: unknown table, bad dot command."""


def connect(database: Path) -> duckdb.DuckDBPyConnection:
    if not database.exists():
        raise QueryError(f"no published warehouse at {database} / 尚无已发布快照：先运行 make run")
    return duckdb.connect(
        str(database),
        read_only=True,
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
    )


def _show(relation: duckdb.DuckDBPyRelation | None) -> None:
    if relation is None:
        return
    relation.show(max_rows=MAX_ROWS, max_width=shutil.get_terminal_size((160, 40)).columns)


def _tables(conn: duckdb.DuckDBPyConnection, schema: str | None) -> duckdb.DuckDBPyRelation:
    return conn.sql(
        "SELECT schema_name AS schema, table_name AS table, estimated_size AS rows, comment AS description "
        "FROM duckdb_tables() WHERE database_name = current_database() "
        "AND ($schema IS NULL OR schema_name = $schema) ORDER BY 1, 2",
        params={"schema": schema},
    )


def _describe(conn: duckdb.DuckDBPyConnection, name: str) -> duckdb.DuckDBPyRelation:
    schema, _, table = name.rpartition(".")
    matches = conn.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND table_name = ? AND (? = '' OR schema_name = ?)",
        [table, schema, schema],
    ).fetchall()
    if len(matches) != 1:
        found = ", ".join(f"{s}.{t}" for s, t in matches) or "none / 无"
        raise QueryError(f".describe {name}: need exactly one table of that name (found: {found})")
    ((schema, table),) = matches
    return conn.sql(
        "SELECT column_name AS column, data_type AS type, comment AS description FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = $schema AND table_name = $table "
        "ORDER BY column_index",
        params={"schema": schema, "table": table},
    )


def run_command(conn: duckdb.DuckDBPyConnection, text: str) -> bool:
    """Run one dot command or SQL text and print its result; False when the shell should end."""
    stripped = text.strip().rstrip(";").strip()
    if not stripped:
        return True
    if stripped.startswith("."):
        command, _, argument = stripped.partition(" ")
        argument = argument.strip()
        if command in (".quit", ".exit"):
            return False
        if command == ".help":
            print(HELP)
        elif command == ".tables":
            _show(_tables(conn, argument or None))
        elif command == ".describe" and argument:
            _show(_describe(conn, argument))
        else:
            raise QueryError(f"unknown command {stripped!r} / 未知命令；.help 列出可用命令")
        return True
    _show(conn.sql(text))
    return True


def _complete_statement(buffer: list[str]) -> bool:
    first = buffer[0].strip()
    return first.startswith(".") or "\n".join(buffer).rstrip().endswith(";")


def _interactive(conn: duckdb.DuckDBPyConnection, database: Path) -> int:
    import readline

    HISTORY_FILE.touch(exist_ok=True)
    readline.read_history_file(HISTORY_FILE)
    print(f"已只读打开 / opened read-only: {database}\n.help 查看命令 / for commands")
    buffer: list[str] = []
    try:
        while True:
            try:
                line = input("warehouse> " if not buffer else "      ...> ")
            except KeyboardInterrupt:
                buffer = []
                print()
                continue
            buffer.append(line)
            if not _complete_statement(buffer):
                continue
            text, buffer = "\n".join(buffer), []
            try:
                if not run_command(conn, text):
                    break
            except (duckdb.Error, QueryError) as error:
                print(f"错误 / error: {error}", file=sys.stderr)
    except EOFError:
        print()
    finally:
        readline.write_history_file(HISTORY_FILE)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dagster_project.query", description=__doc__.splitlines()[0]
    )
    parser.add_argument("-c", "--command", help="run this SQL (or dot command) and exit")
    parser.add_argument(
        "--database", type=Path, default=None, help="a snapshot file (default: the published warehouse)"
    )
    args = parser.parse_args(argv)
    database = args.database or Settings.from_env().published_db
    try:
        conn = connect(database)
    except QueryError as error:
        print(f"错误 / error: {error}", file=sys.stderr)
        return 2
    with conn:
        if args.command is None:
            return _interactive(conn, database)
        try:
            run_command(conn, args.command)
        except (duckdb.Error, QueryError) as error:
            print(f"错误 / error: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
