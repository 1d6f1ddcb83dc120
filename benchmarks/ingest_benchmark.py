"""Ingest throughput of one large hourly export: rows/s from opening the file to rows committed in raw.

Writes a UTF-8 CSV and an xlsx of the same hourly rows (one month, as many stations as the row count
needs, every station in the register) into a temporary inbox, times `ingest_source` on each in a fresh
database, and times openpyxl's read-only load of the xlsx for comparison. Prints a table, then the
figures as JSON on the last line. Nothing here asserts a time.

    uv run --frozen --no-sync python benchmarks/ingest_benchmark.py [--rows 300000] [--only csv|xlsx]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import openpyxl

from dagster_project.ingest.loader import ingest_source
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.settings import REFERENCE_SEEDS_DIR
from sample_generator.common import write_csv, write_form_xlsx

YEAR, MONTH, DAYS = 2023, 1, 31
HOURLY_HEADER = ["站点名称", "站点编码", "监测时间", "SO2", "NO2", "CO", "O3", "PM10", "PM2.5"]
STATION_HEADER = ["站点编码", "站点名称", "所属区县", "站点类型", "参与城市评价", "启用日期"]


def _hourly_rows(rows: int) -> list[list]:
    """`rows` hour-ending rows of one month, station after station, with varying concentrations."""
    start = datetime(YEAR, MONTH, 1)
    hours = DAYS * 24
    return [
        [
            f"基准{i // hours:04d}站",
            f"B{i // hours:04d}A",
            (start + timedelta(hours=i % hours + 1)).strftime("%Y-%m-%d %H:%M"),
            5 + i % 7,
            20 + i % 31,
            round(0.4 + (i % 9) / 10, 1),
            40 + i % 53,
            50 + i % 61,
            round(20 + (i % 47) * 1.5, 1),
        ]
        for i in range(rows)
    ]


def _write_inbox(root: Path, rows: int, kind: str) -> Path:
    inbox = root / kind
    hourly = _hourly_rows(rows)
    codes = sorted({(row[1], row[0]) for row in hourly})
    write_form_xlsx(
        inbox / "air" / "stations" / "站点名录.xlsx",
        "站点名录",
        STATION_HEADER,
        [[code, name, "镜湖区", "国控", "是", "2015-01-01"] for code, name in codes],
    )
    title = f"XX市国控站点小时数据（{YEAR}年{MONTH:02d}月）"
    path = inbox / "air" / "hourly" / f"小时数据_{YEAR}{MONTH:02d}.{kind}"
    if kind == "csv":
        write_csv(path, HOURLY_HEADER, hourly, encoding="utf-8", title=title)
    else:
        write_form_xlsx(path, "小时数据", HOURLY_HEADER, hourly, title=title)
    return inbox


def _ingest_seconds(inbox: Path, database: Path) -> tuple[float, float, int, int]:
    registry = load_registry()
    units = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv")
    districts = DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")
    with duckdb.connect(str(database)) as conn:
        ingest_source(conn, registry["air_stations"], inbox, "bench", units, districts, b"bench")
        started, cpu_started = time.perf_counter(), time.process_time()
        report = ingest_source(
            conn, registry["air_hourly"], inbox, "bench", units, districts, b"bench", today=date(2024, 1, 1)
        )
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        stored = conn.execute("select count(*) from raw.air_hourly").fetchone()[0]
    return seconds, cpu_seconds, report.rows_loaded, stored


def _openpyxl_seconds(path: Path) -> tuple[float, float, int]:
    started, cpu_started = time.perf_counter(), time.process_time()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book["小时数据"].iter_rows(values_only=True))
    book.close()
    return time.perf_counter() - started, time.process_time() - cpu_started, count


def _figure(seconds: float, cpu_seconds: float, rows: int) -> dict[str, float]:
    return {
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "cpu_seconds": cpu_seconds,
        "rows_per_cpu_s": rows / cpu_seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--only", choices=("csv", "xlsx"))
    args = parser.parse_args()
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as scratch:
        root = Path(scratch)
        for kind in ("csv", "xlsx"):
            if args.only not in (None, kind):
                continue
            inbox = _write_inbox(root, args.rows, kind)
            seconds, cpu_seconds, loaded, stored = _ingest_seconds(inbox, root / f"{kind}.duckdb")
            if loaded != args.rows or stored != args.rows:
                raise SystemExit(f"{kind}: {loaded} rows loaded, {stored} stored, {args.rows} expected")
            figures[f"ingest_{kind}"] = _figure(seconds, cpu_seconds, loaded)
            if kind == "xlsx":
                path = next((inbox / "air" / "hourly").glob("*.xlsx"))
                figures["openpyxl_read_only_xlsx"] = _figure(*_openpyxl_seconds(path))
    # CPU time is printed too: on a shared machine the wall clock also counts other people's work.
    print(f"{'step':<28}{'wall s':>9}{'rows/s':>12}{'cpu s':>9}{'rows/cpu s':>12}")
    for step, f in figures.items():
        print(
            f"{step:<28}{f['seconds']:>9.2f}{f['rows_per_s']:>12,.0f}"
            f"{f['cpu_seconds']:>9.2f}{f['rows_per_cpu_s']:>12,.0f}"
        )
    if "ingest_xlsx" in figures and "openpyxl_read_only_xlsx" in figures:
        openpyxl_read, ingest = figures["openpyxl_read_only_xlsx"], figures["ingest_xlsx"]
        speedup = openpyxl_read["seconds"] / ingest["seconds"]
        cpu_speedup = openpyxl_read["cpu_seconds"] / ingest["cpu_seconds"]
        figures["xlsx_ingest_speedup_over_openpyxl_read"] = speedup
        figures["xlsx_ingest_cpu_speedup_over_openpyxl_read"] = cpu_speedup
        print(
            f"xlsx ingest is {speedup:.1f}× faster than openpyxl reading the same file "
            f"({cpu_speedup:.1f}× in CPU time)"
        )
    print(json.dumps({"rows": args.rows, **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
