"""Command line for operators and analysts: `python -m dagster_project.cli <command>`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from .publish import restore_build, rollback
from .report import latest_period, write_report
from .report.explain import explain
from .report.reconcile import reconcile, summary_line
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
    period = latest_period(path)
    if period:
        folder = settings.reports_dir / f"{period[0]}-{period[1]:02d}"
        if folder.exists():
            print(f"report: {folder}/report.md · report.xlsx · report.html")
    return 0


def report(settings: Settings, year: int, through: int) -> int:
    folder = write_report(settings, year, through)
    print(f"report written to {folder}/ (report.md, report.xlsx, report.html; snapshot warehouse.duckdb)")
    return 0


def reconcile_figures(settings: Settings, figures_csv: Path) -> int:
    """Each figure as match / mismatch / unknown indicator / not computed; non-zero exit on any mismatch."""
    outcomes = reconcile(settings.published_db, figures_csv)
    for outcome in outcomes:
        print(outcome.line())
    print(summary_line(outcomes))
    return 1 if any(o.status == "mismatch" for o in outcomes) else 0


def explain_value(settings: Settings, code: str, period: str, area: str) -> int:
    year, month = (int(part) for part in period.split("-"))
    try:
        lines = explain(settings.published_db, code, year, month, area)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("summary", help="where the published warehouse is and its headline figures")
    commands.add_parser("rollback", help="put back the snapshot published before the current one")
    restore_command = commands.add_parser(
        "restore-build", help="put a backup of the build database in place (the newest, or --backup NAME)"
    )
    restore_command.add_argument("--backup", help="a file name in data/backups/, e.g. build-20261201T…duckdb")
    report_command = commands.add_parser("report", help="write data/reports/YYYY-MM/ (md, xlsx, html)")
    report_command.add_argument("--year", type=int, required=True)
    report_command.add_argument("--through", type=int, required=True, help="last month of the period (1–12)")
    reconcile_command = commands.add_parser(
        "reconcile", help="check a table of claimed figures against the warehouse"
    )
    reconcile_command.add_argument(
        "figures", type=Path, help="CSV with the columns of report-2023-figures.csv"
    )
    explain_command = commands.add_parser("explain", help="where an indicator's value came from")
    explain_command.add_argument("indicator", help="indicator code, e.g. air.pm25_mean")
    explain_command.add_argument("--period", required=True, help="YYYY-MM: January to that month")
    explain_command.add_argument("--area", default="城市", help="a district (default: the city)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "summary":
        return summary(settings)
    if args.command == "rollback":
        restored = rollback(settings)
        print(f"rolled back: {settings.published_db} is now {restored.name}")
        return 0
    if args.command == "restore-build":
        backup = restore_build(settings, args.backup)
        print(f"restored: {settings.build_db} from {backup.name}")
        return 0
    if args.command == "report":
        return report(settings, args.year, args.through)
    if args.command == "reconcile":
        return reconcile_figures(settings, args.figures)
    if args.command == "explain":
        return explain_value(settings, args.indicator, args.period, args.area)
    return 2


if __name__ == "__main__":
    sys.exit(main())
