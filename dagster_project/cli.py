"""Command line for operators and analysts: `python -m dagster_project.cli <command>`."""

from __future__ import annotations

import argparse
import sys

import duckdb

from .publish import rollback
from .settings import Settings

HEADLINE_SQL = """
select year, end_month, pm25_mean_report, pm25_yoy_pct, good_day_ratio_report, good_day_ratio_yoy_pp,
       valid_days, good_days
from marts.fct_air_quality_period
where period_kind = 'ytd'
order by year desc, end_month desc
limit 1
"""


def _signed(value, unit: str) -> str:
    return "—" if value is None else f"{value:+.1f}{unit}"


def summary(settings: Settings) -> int:
    """Where the published warehouse is and the headline air figures of its latest period."""
    path = settings.published_db
    if not path.exists():
        print(f"no published warehouse at {path}: run `make run` first", file=sys.stderr)
        return 1
    with duckdb.connect(str(path), read_only=True) as conn:
        row = conn.execute(HEADLINE_SQL).fetchone()
        published_at = conn.execute("select max(published_at) from ops.publish_log").fetchone()[0]
    print(f"warehouse: {path} (published {published_at:%Y-%m-%d %H:%M:%S} UTC, DuckDB {duckdb.__version__})")
    if row is None:
        print("no air-quality periods in the warehouse yet")
        return 0
    year, month, pm25, pm25_yoy, ratio, ratio_pp, valid, good = row
    print(f"{year}年1–{month}月 空气质量:")
    print(f"  PM2.5 平均浓度 {pm25:.1f} 微克/立方米，同比 {_signed(pm25_yoy, '%')}")
    print(f"  优良天数比例 {ratio:.1f}%（{good}/{valid} 天），同比 {_signed(ratio_pp, ' 个百分点')}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("summary", help="where the published warehouse is and its headline figures")
    commands.add_parser("rollback", help="put back the snapshot published before the current one")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "summary":
        return summary(settings)
    if args.command == "rollback":
        restored = rollback(settings)
        print(f"rolled back: {settings.published_db} is now {restored.name}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
