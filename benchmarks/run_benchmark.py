# ruff: noqa: S608 -- every SQL string here is built from this script's own constants and the seeds' names
"""The warehouse against the physical lower bound, on one air-only scale inbox.

In one run, on the same files (sample_generator/scale.py: hourly exports of N stations × Y years, xlsx
and csv mixed, plus the station register), it measures

1. the project's full refresh (`warehouse_refresh`: ingest → dbt → checks → publish): wall time, peak
   RSS of the whole process tree (dbt runs as a child process), and the time of each stage;
2. the lower bound: the fastest reader per file type into Arrow (fastexcel for xlsx, DuckDB read_csv for
   csv) and one hand-written DuckDB SQL script computing the station-day and city-day concentrations,
   IAQI and AQI and the monthly means the air chain publishes;
3. the same computation in plain pandas (xlsx through pandas' calamine engine);
4. the refresh after one new day (the last month resubmitted as `_v2` with one more day) and after
   nothing new (a second refresh on the unchanged inbox);
5. reading the xlsx exports with fastexcel against openpyxl;

and the fixed costs every refresh pays (Dagster start with the definitions, dbt's parse and adapter,
the GX import), so that each stage splits into fixed cost and cost per station-hour. The lower bound and
the pandas results are compared with the published marts before any figure is printed: a comparison of
different numbers would mean nothing.

    make benchmark        # quick: 4 stations × 1 year
    make benchmark-full   # 100 stations × 5 years; rewrites docs/performance.md

It prints a table and, as its last line, one JSON object. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import fastexcel
import numpy as np
import openpyxl
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from sample_generator.scale import HOURLY_COLUMNS, write_scale_inbox  # noqa: E402

REFERENCE_DIR = REPO_ROOT / "seeds" / "reference"
PERFORMANCE_DOC = REPO_ROOT / "docs" / "performance.md"
LOWER_BOUND_SQL = Path(__file__).with_name("lower_bound.sql")
QUICK = {"stations": 4, "years": 1}
FULL = {"stations": 100, "years": 5}
POLLUTANTS = ["so2", "no2", "co", "o3", "pm10", "pm25"]
DAILY_ITEMS = ["so2_24h", "no2_24h", "pm10_24h", "co_24h", "o3_1h", "o3_8h", "pm25_24h"]
PERIOD_MEANS = ["pm25_mean", "pm10_mean", "so2_mean", "no2_mean", "co_p95", "o3_mda8_p90"]
DBT_STEP = "warehouse_dbt_models"
STAGES = {"raw__": "ingest", DBT_STEP: "dbt", "gx_": "checks", "published_": "publish"}
# hourly rule thresholds the SQL and pandas versions read from the project's seed, as the models do
VALIDITY = {
    row.rule_code: row.threshold
    for row in pd.read_csv(REFERENCE_DIR / "air_validity_rules.csv").itertuples()
    if row.ruleset == "all"
}


# --------------------------------------------------------------------------- process-tree memory


def _tree_rss_bytes(root_pid: int) -> int:
    """The resident set of a process and all its descendants, from /proc."""
    total, pending = 0, [root_pid]
    while pending:
        pid = pending.pop()
        try:
            with open(f"/proc/{pid}/status") as status:
                total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def run_measured(
    command: list[str], env: dict[str, str], log: Path, cwd: Path = REPO_ROOT
) -> tuple[float, float]:
    """Run a command to completion: its wall seconds and the peak RSS (MiB) of its process tree."""
    peak = 0
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss_bytes(process.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample)
        sampler.start()
        code = process.wait()
        done.set()
        sampler.join()
    wall = time.perf_counter() - started
    if code:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}; see {log}")
    return wall, peak / 2**20


# --------------------------------------------------------------------------- the project's refresh


@dataclass
class Refresh:
    label: str
    wall_s: float
    peak_rss_mib: float
    stages: dict[str, float] = field(default_factory=dict)
    dbt_nodes: int = 0


def _stage(step_key: str) -> str:
    return next((stage for prefix, stage in STAGES.items() if step_key.startswith(prefix)), "publish")


def _rebuilt_dbt_asset(record) -> bool:
    """A dbt model or seed this run built (a model left as it was says rebuilt = False)."""
    if record.event_log_entry.step_key != DBT_STEP:
        return False
    materialization = record.event_log_entry.dagster_event.event_specific_data.materialization
    flag = materialization.metadata.get("rebuilt")
    return flag is None or flag.value is not False


def refresh(label: str, env: dict[str, str], logs: Path) -> Refresh:
    """One `warehouse_refresh` run in its own process, as `make run` starts it."""
    command = [sys.executable, "-m", "dagster", "job", "execute", "-m", "dagster_project.definitions"]
    wall, peak = run_measured([*command, "-j", "warehouse_refresh"], env, logs / f"{label}.log")
    import dagster as dg

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        run = instance.get_runs(limit=1)[0]
        stages: dict[str, float] = {}
        for step in instance.get_run_step_stats(run.run_id):
            if step.start_time and step.end_time:
                stage = _stage(step.step_key)
                stages[stage] = stages.get(stage, 0.0) + step.end_time - step.start_time
        materialized = instance.get_records_for_run(
            run_id=run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records
        dbt_nodes = sum(1 for record in materialized if _rebuilt_dbt_asset(record))
    stages["orchestration"] = wall - sum(stages.values())
    return Refresh(label, wall, peak, stages, dbt_nodes)


def fixed_costs(env: dict[str, str], logs: Path) -> dict[str, float]:
    """What a refresh pays before its first row: each measured as its own process."""
    python = sys.executable
    dbt = str(Path(python).parent / "dbt")
    commands = {
        "dagster_start": ([python, "-c", "import dagster_project.definitions"], REPO_ROOT),
        "gx_import": ([python, "-c", "import great_expectations"], REPO_ROOT),
        # one view over the register: dbt's start, project parse and adapter connection, almost no work
        "dbt_parse_adapter": (
            [dbt, "run", "--select", "stg_air__stations", "--profiles-dir", "."]
            + ["--target-path", str(logs / "dbt_target")],
            REPO_ROOT / "dbt",
        ),
    }
    return {
        name: run_measured(command, env, logs / f"fixed_{name}.log", cwd=cwd)[0]
        for name, (command, cwd) in commands.items()
    }


# --------------------------------------------------------------------------- the lower bound (DuckDB)


def _csv_encoding(path: Path) -> str:
    return "utf-8-sig" if path.read_bytes()[:3] == b"\xef\xbb\xbf" else "gbk"


def _hourly_files(inbox: Path) -> list[Path]:
    """The exports that count: a `_v2` replaces the export of its month."""
    files = sorted((inbox / "air" / "hourly").iterdir())
    resubmitted = {f.stem.removesuffix("_v2") for f in files if f.stem.endswith("_v2")}
    return [f for f in files if f.stem not in resubmitted]


def _load_reference(conn: duckdb.DuckDBPyConnection) -> None:
    for table, seed in {
        "rulesets": "air_rulesets",
        "items": "aqi_daily_items",
        "pollutants": "air_pollutants",
        "breakpoints": "aqi_breakpoints",
    }.items():
        conn.execute(
            f"create temp table {table} as select * from read_csv(?)", [str(REFERENCE_DIR / f"{seed}.csv")]
        )


@dataclass
class Figures:
    station_daily: pd.DataFrame
    city_daily: pd.DataFrame
    period: pd.DataFrame


def lower_bound(inbox: Path) -> tuple[float, dict[str, float], Figures]:
    """Read every export into Arrow with the fastest reader and compute the figures in one SQL script."""
    timings = {"read_xlsx": 0.0, "read_csv": 0.0}
    started = time.perf_counter()
    conn = duckdb.connect()
    _load_reference(conn)
    for name, value in VALIDITY.items():
        conn.execute(f"set variable {name} = {float(value)}")
    register = fastexcel.read_excel(inbox / "air" / "stations" / "站点名录.xlsx").load_sheet(0)
    conn.register("register", register)
    conn.execute(
        "create temp table stations as select 站点编码 as station_code, "
        "参与城市评价 = '是' as is_city_evaluation from register"
    )
    columns = ", ".join(f"{p} double" for p in POLLUTANTS)
    conn.execute(f"create temp table hourly (station_code varchar, measured_at timestamp, {columns})")
    for path in _hourly_files(inbox):
        read_started = time.perf_counter()
        if path.suffix == ".xlsx":
            sheet = fastexcel.read_excel(path).load_sheet(0, header_row=1)
            conn.register("export", sheet)
            conn.execute(f"insert into hourly select {_select_list(sheet)} from export")
            timings["read_xlsx"] += time.perf_counter() - read_started
        else:
            source = path
            if _csv_encoding(path) == "gbk":  # DuckDB reads UTF-8, UTF-16 and Latin-1 only
                source = Path(tempfile.mkstemp(suffix=".csv")[1])
                source.write_text(path.read_text(encoding="gbk"), encoding="utf-8")
            relation = conn.read_csv(str(source), skiprows=1, header=True)
            conn.register("export", relation)
            conn.execute(f"insert into hourly select {_select_list(relation)} from export")
            if source != path:
                source.unlink()
            timings["read_csv"] += time.perf_counter() - read_started
        conn.unregister("export")
    compute_started = time.perf_counter()
    conn.execute(LOWER_BOUND_SQL.read_text(encoding="utf-8"))
    timings["compute"] = time.perf_counter() - compute_started
    figures = Figures(
        conn.sql(
            "select d.*, a.aqi from station_daily as d join daily_aqi as a "
            "on a.scope = 'station' and a.subject = d.station_code and a.obs_date = d.obs_date"
        ).df(),
        conn.sql(
            "select d.*, a.aqi from city_daily as d join daily_aqi as a "
            "on a.scope = 'city' and a.obs_date = d.obs_date"
        ).df(),
        conn.sql("select * from period_means").df(),
    )
    return time.perf_counter() - started, timings, figures


def _select_list(relation) -> str:
    """The eight hourly columns by position, whatever the export's header labels."""
    names = relation.columns if hasattr(relation, "columns") else relation.available_columns()
    names = [c if isinstance(c, str) else c.name for c in names]
    wanted = dict(zip(HOURLY_COLUMNS, names, strict=True))
    return ", ".join(
        [f'cast("{wanted["station_code"]}" as varchar)', f'cast("{wanted["measured_at"]}" as timestamp)']
        + [f'cast("{wanted[p]}" as double)' for p in POLLUTANTS]
    )


# --------------------------------------------------------------------------- the pandas version


def _round_half_even(values: pd.Series, decimals: int) -> pd.Series:
    """GB/T 8170 on the decimal the double stands for: drop binary noise first, then round half to even."""
    return pd.Series(np.round(np.round(values.to_numpy(dtype=float), 10), decimals), index=values.index)


def _pandas_aqi(days: pd.DataFrame, keys: list[str]) -> pd.Series:
    rulesets = pd.read_csv(
        REFERENCE_DIR / "air_rulesets.csv", parse_dates=["valid_from", "valid_to"], date_format="%Y-%m-%d"
    )
    items = pd.read_csv(REFERENCE_DIR / "aqi_daily_items.csv")
    decimals = pd.read_csv(REFERENCE_DIR / "air_pollutants.csv").set_index("pollutant")[
        "concentration_decimals"
    ]
    breakpoints = pd.read_csv(REFERENCE_DIR / "aqi_breakpoints.csv")
    iaqi = []
    for ruleset in rulesets.itertuples():
        in_force = (days["obs_date"] >= ruleset.valid_from) & (days["obs_date"] <= ruleset.valid_to)
        if not in_force.any():
            continue
        for item in items[items["ruleset"] == ruleset.ruleset].itertuples():
            segments = breakpoints[
                (breakpoints["ruleset"] == ruleset.ruleset) & (breakpoints["item"] == item.item)
            ]
            segments = segments.sort_values("segment")
            c = _round_half_even(days.loc[in_force, item.item], int(decimals[item.pollutant]))
            bp_hi = segments["bp_hi"].fillna(np.inf).to_numpy()
            position = np.minimum(np.searchsorted(bp_hi, c.to_numpy(), side="left"), len(segments) - 1)
            chosen = segments.iloc[position]
            exact = np.where(
                chosen["iaqi_hi"].to_numpy() == chosen["iaqi_lo"].to_numpy(),
                chosen["iaqi_lo"].to_numpy(),
                (chosen["iaqi_hi"].to_numpy() - chosen["iaqi_lo"].to_numpy())
                / (chosen["bp_hi"].to_numpy() - chosen["bp_lo"].to_numpy())
                * (c.to_numpy() - chosen["bp_lo"].to_numpy())
                + chosen["iaqi_lo"].to_numpy(),
            )
            iaqi.append(pd.Series(np.ceil(np.round(exact, 6)), index=c.index))
    return pd.concat(iaqi, axis=1).max(axis=1)


def pandas_version(inbox: Path) -> tuple[float, Figures]:
    started = time.perf_counter()
    stations = pd.read_excel(inbox / "air" / "stations" / "站点名录.xlsx", engine="calamine")
    evaluation = int((stations["参与城市评价"] == "是").sum())
    frames = []
    for path in _hourly_files(inbox):
        if path.suffix == ".xlsx":
            frame = pd.read_excel(path, engine="calamine", skiprows=1)
        else:
            frame = pd.read_csv(path, encoding=_csv_encoding(path), skiprows=1)
        frame.columns = HOURLY_COLUMNS
        frames.append(frame)
    hourly = pd.concat(frames, ignore_index=True)
    hourly["measured_at"] = pd.to_datetime(hourly["measured_at"])
    shifted = hourly["measured_at"] - pd.Timedelta(hours=1)
    hourly["obs_date"] = shifted.dt.normalize()
    hourly["hour_label"] = shifted.dt.hour + 1
    by_day = hourly.groupby(["station_code", "obs_date"])
    counts, means = by_day[POLLUTANTS].count(), by_day[POLLUTANTS].mean()
    daily = pd.DataFrame(index=means.index)
    for p in POLLUTANTS:
        if p != "o3":
            daily[f"{p}_24h"] = means[p].where(counts[p] >= VALIDITY["min_hours_daily_mean"])
    daily["o3_1h"] = by_day["o3"].max().where(counts["o3"] >= VALIDITY["min_hours_o3_1h_max"])
    # MDA8: hours 1…24 of each station-day as columns, 8-hour windows ending at hour 8…24
    grid = hourly.pivot_table(index=["station_code", "obs_date"], columns="hour_label", values="o3")
    grid = grid.reindex(columns=range(1, 25)).reindex(daily.index).to_numpy()
    windows = np.lib.stride_tricks.sliding_window_view(grid, 8, axis=1)
    valid = (~np.isnan(windows)).sum(axis=2)
    with np.errstate(all="ignore"):
        window_means = np.where(valid >= VALIDITY["min_hours_8h_window"], np.nanmean(windows, axis=2), np.nan)
    n_windows = (valid >= VALIDITY["min_hours_8h_window"]).sum(axis=1)
    with np.errstate(all="ignore"):
        best = np.nanmax(np.where(np.isnan(window_means), -np.inf, window_means), axis=1)
    daily["o3_8h"] = np.where(n_windows >= VALIDITY["min_windows_mda8"], best, np.nan)
    daily = daily.reset_index()
    daily["aqi"] = _pandas_aqi(daily, ["station_code"])
    by_city_day = daily.groupby("obs_date")
    city = pd.DataFrame(index=by_city_day.size().index)
    share = VALIDITY["min_station_share_city_day_pct"]
    for item in DAILY_ITEMS:
        city[item] = by_city_day[item].mean().where(by_city_day[item].count() * 100 >= share * evaluation)
    city = city.reset_index()
    city["aqi"] = _pandas_aqi(city, [])
    by_month = city.groupby(
        [city["obs_date"].dt.year.rename("year"), city["obs_date"].dt.month.rename("end_month")]
    )
    period = pd.DataFrame(
        {
            "pm25_mean": by_month["pm25_24h"].mean(),
            "pm10_mean": by_month["pm10_24h"].mean(),
            "so2_mean": by_month["so2_24h"].mean(),
            "no2_mean": by_month["no2_24h"].mean(),
            "co_p95": by_month["co_24h"].quantile(0.95),
            "o3_mda8_p90": by_month["o3_8h"].quantile(0.90),
        }
    ).reset_index()
    return time.perf_counter() - started, Figures(daily, city, period)


# --------------------------------------------------------------------------- correctness


def published_figures(published_db: Path) -> Figures:
    with duckdb.connect(str(published_db), read_only=True) as conn:
        items = ", ".join(DAILY_ITEMS)
        return Figures(
            conn.sql(
                f"select station_code, obs_date, {items}, aqi "
                "from marts.fct_air_quality_station_daily order by all"
            ).df(),
            conn.sql(f"select obs_date, {items}, aqi from marts.fct_air_quality_daily order by all").df(),
            conn.sql(
                f"select year, end_month, {', '.join(PERIOD_MEANS)} from marts.fct_air_quality_period "
                "where period_kind = 'month' and is_published_basis order by all"
            ).df(),
        )


def assert_same_figures(name: str, computed: Figures, published: Figures) -> None:
    """Every station-day, city-day and monthly figure equal to the published one (floats within 1e-9)."""
    for part, keys, columns in (
        ("station_daily", ["station_code", "obs_date"], [*DAILY_ITEMS, "aqi"]),
        ("city_daily", ["obs_date"], [*DAILY_ITEMS, "aqi"]),
        ("period", ["year", "end_month"], PERIOD_MEANS),
    ):
        ours, theirs = getattr(computed, part), getattr(published, part)
        for frame in (ours, theirs):
            if "obs_date" in frame:
                frame["obs_date"] = pd.to_datetime(frame["obs_date"])
            for key in ("year", "end_month"):
                if key in frame:
                    frame[key] = frame[key].astype(int)
        merged = theirs.merge(
            ours, on=keys, how="outer", suffixes=("_published", "_computed"), indicator=True
        )
        unmatched = merged[merged["_merge"] != "both"]
        if len(unmatched):
            raise AssertionError(
                f"{name} {part}: {len(unmatched)} rows on one side only:\n{unmatched.head()}"
            )
        for column in columns:
            a = merged[f"{column}_published"].astype(float).to_numpy()
            b = merged[f"{column}_computed"].astype(float).to_numpy()
            differs = ~np.isclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True)
            if differs.any():
                sample = merged.loc[differs, [*keys, f"{column}_published", f"{column}_computed"]].head()
                raise AssertionError(
                    f"{name} {part}.{column}: {int(differs.sum())} of {len(a)} values differ from the "
                    f"warehouse, e.g.\n{sample}"
                )


# --------------------------------------------------------------------------- xlsx readers


def xlsx_readers(inbox: Path) -> dict[str, float]:
    """fastexcel and openpyxl (read-only, values only) on the same export: every cell read."""
    path = next(p for p in _hourly_files(inbox) if p.suffix == ".xlsx")
    started = time.perf_counter()
    rows_fast = fastexcel.read_excel(path).load_sheet(0, header_row=1).height
    fast = time.perf_counter() - started
    started = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows_openpyxl = sum(1 for _ in workbook.worksheets[0].iter_rows(min_row=3, values_only=True))
    workbook.close()
    slow = time.perf_counter() - started
    assert rows_fast == rows_openpyxl, (rows_fast, rows_openpyxl)
    return {"xlsx_rows": rows_fast, "fastexcel_s": fast, "openpyxl_s": slow}


# --------------------------------------------------------------------------- report


def _timed(step: Callable[[], object], label: str):
    print(f"… {label}", file=sys.stderr, flush=True)
    return step()


def _table(rows: list[tuple[str, str, str]]) -> str:
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{a:<{width}}  {b:>12}  {c}" for a, b, c in rows)


def report(
    mode: str, inbox_info, refreshes: dict[str, Refresh], fixed, lower, pandas_s, xlsx
) -> tuple[str, dict]:
    lower_s, lower_parts, _ = lower
    full = refreshes["full"]
    hours = inbox_info.station_hours
    rows = [
        ("measurement", "seconds", "note"),
        (
            "full refresh (warehouse_refresh)",
            f"{full.wall_s:.1f}",
            f"peak RSS {full.peak_rss_mib:.0f} MiB (process tree)",
        ),
    ]
    for stage, seconds in full.stages.items():
        rows.append(
            (
                f"  {stage}",
                f"{seconds:.1f}",
                f"{hours / seconds:,.0f} station-hours/s" if stage == "ingest" else "",
            )
        )
    rows += [
        (
            "lower bound (fastexcel/read_csv + DuckDB SQL)",
            f"{lower_s:.2f}",
            ", ".join(f"{k} {v:.2f} s" for k, v in lower_parts.items()),
        ),
        ("pandas (calamine + groupby)", f"{pandas_s:.2f}", ""),
        (
            "refresh after one new day (_v2)",
            f"{refreshes['day'].wall_s:.1f}",
            f"{refreshes['day'].wall_s / full.wall_s:.0%} of full; "
            f"{refreshes['day'].dbt_nodes} dbt assets rebuilt",
        ),
        (
            "refresh with nothing new",
            f"{refreshes['none'].wall_s:.1f}",
            f"{refreshes['none'].wall_s / full.wall_s:.0%} of full; "
            f"{refreshes['none'].dbt_nodes} dbt assets rebuilt",
        ),
        (f"xlsx read, fastexcel ({xlsx['xlsx_rows']:,} rows)", f"{xlsx['fastexcel_s']:.2f}", ""),
        (
            f"xlsx read, openpyxl ({xlsx['xlsx_rows']:,} rows)",
            f"{xlsx['openpyxl_s']:.2f}",
            f"{xlsx['openpyxl_s'] / xlsx['fastexcel_s']:.1f}× fastexcel",
        ),
    ]
    for name, seconds in fixed.items():
        rows.append((f"fixed cost: {name}", f"{seconds:.1f}", ""))
    fixed_dbt = fixed["dbt_parse_adapter"]
    per_row = {
        "ingest": full.stages.get("ingest", 0.0) / hours * 1e6,
        "dbt": max(full.stages.get("dbt", 0.0) - fixed_dbt, 0.0) / hours * 1e6,
        "checks": max(full.stages.get("checks", 0.0) - fixed["gx_import"], 0.0) / hours * 1e6,
    }
    for stage, micro in per_row.items():
        rows.append((f"per-row cost: {stage} (above fixed)", f"{micro:.1f} µs", "per station-hour"))
    summary = {
        "mode": mode,
        "stations": inbox_info.stations,
        "years": inbox_info.years,
        "station_hours": hours,
        "full_s": round(full.wall_s, 2),
        "lower_bound_s": round(lower_s, 3),
        "pandas_s": round(pandas_s, 3),
        "incremental_day_s": round(refreshes["day"].wall_s, 2),
        "no_change_s": round(refreshes["none"].wall_s, 2),
        "peak_rss_mib": round(max(r.peak_rss_mib for r in refreshes.values()), 1),
        "full_vs_lower_bound": round(full.wall_s / lower_s, 1),
        "pandas_vs_full": round(pandas_s / full.wall_s, 3),
        "stages_s": {k: round(v, 2) for k, v in full.stages.items()},
        "fixed_s": {k: round(v, 2) for k, v in fixed.items()},
        "dbt_assets_day": refreshes["day"].dbt_nodes,
        "dbt_assets_no_change": refreshes["none"].dbt_nodes,
        "fastexcel_s": round(xlsx["fastexcel_s"], 3),
        "openpyxl_s": round(xlsx["openpyxl_s"], 3),
    }
    return _table(rows), summary


def write_performance_doc(table: str, summary: dict) -> None:
    body = PERFORMANCE_DOC.read_text(encoding="utf-8") if PERFORMANCE_DOC.exists() else ""
    marker = "<!-- benchmark:last-full-run -->"
    head = body.split(marker)[0].rstrip() if marker in body else body.rstrip()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    PERFORMANCE_DOC.write_text(
        f"{head}\n\n{marker}\n## 最近一次完整基准 (make benchmark-full, {stamp})\n\n```\n{table}\n```\n\n"
        f"```json\n{json.dumps(summary, ensure_ascii=False, indent=2)}\n```\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--full", action="store_true", help="100 stations × 5 years; rewrites docs/performance.md"
    )
    parser.add_argument("--stations", type=int)
    parser.add_argument("--years", type=int)
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and leave it (default: a temporary one)"
    )
    args = parser.parse_args()
    size = dict(FULL if args.full else QUICK)
    size.update({k: v for k, v in (("stations", args.stations), ("years", args.years)) if v})
    mode = "full" if args.full and size == FULL else "quick"
    with tempfile.TemporaryDirectory(prefix="warehouse-bench-") as scratch:
        root = args.keep or Path(scratch)
        inbox, data, dagster_home, logs = (root / d for d in ("inbox", "data", "dagster_home", "logs"))
        for folder in (dagster_home, logs):
            folder.mkdir(parents=True, exist_ok=True)
        (dagster_home / "dagster.yaml").write_text((REPO_ROOT / "dagster.yaml").read_text())
        env = {
            **os.environ,
            "WAREHOUSE_RAW_DIR": str(inbox),
            "WAREHOUSE_DATA_DIR": str(data),
            "DAGSTER_HOME": str(dagster_home),
            "DO_NOT_TRACK": "1",
            "DAGSTER_DISABLE_TELEMETRY": "1",
            "GX_ANALYTICS_ENABLED": "false",
        }
        inbox_info = _timed(
            lambda: write_scale_inbox(inbox, size["stations"], size["years"]), f"writing {size}"
        )
        refreshes = {"full": _timed(lambda: refresh("full", env, logs), "full refresh")}
        published = published_figures(data / "warehouse.duckdb")
        lower = _timed(lambda: lower_bound(inbox), "lower bound")
        assert_same_figures("lower bound", lower[2], published)
        pandas_s, pandas_figures = _timed(lambda: pandas_version(inbox), "pandas")
        assert_same_figures("pandas", pandas_figures, published)
        xlsx = _timed(lambda: xlsx_readers(inbox), "xlsx readers")
        fixed = _timed(lambda: fixed_costs(env, logs), "fixed costs")
        write_scale_inbox(inbox, size["stations"], size["years"], add_day=True)
        refreshes["day"] = _timed(lambda: refresh("day", env, logs), "refresh after one new day")
        assert_same_figures(
            "lower bound after one new day",
            lower_bound(inbox)[2],
            published_figures(data / "warehouse.duckdb"),
        )
        refreshes["none"] = _timed(lambda: refresh("none", env, logs), "refresh with nothing new")
        table, summary = report(mode, inbox_info, refreshes, fixed, lower, pandas_s, xlsx)
    print(table)
    if mode == "full":
        write_performance_doc(table, summary)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
