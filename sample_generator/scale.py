"""An air-only scale inbox: hourly exports of N stations × Y years plus the station register.

What the benchmark (benchmarks/run_benchmark.py) builds the warehouse from, at sizes the bundled sample
never reaches. The files follow the documented hourly format — one export per month, a title row, the
registry's headers (written through its column specs, as tests/inboxes.py does), hour-ending 监测时间 —
and mix xlsx and csv the way the sample does: every third month is a CSV, alternately UTF-8 with BOM
and GBK. Every hour of every station is present and every station takes part in the city evaluation, so
each station-day and city-day is valid and a hand-written computation of the same figures has no
special case to miss.

The last month of the last year stops one day short of its end: `--add-day` then writes that month's
export again as `_v2` with the missing day, the realistic nightly case of a resubmitted current month.

    python -m sample_generator.scale --stations N --years Y --out DIR [--add-day]
"""

from __future__ import annotations

import argparse
import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from dagster_project.ingest.registry import SourceSpec, load_registry
from sample_generator.common import BASE_SEED, load_districts, write_csv, write_form_xlsx

# the last year of data; 2025 keeps every day under one AQI ruleset (HJ 633-2012 runs to 2026-02-28)
LAST_YEAR = 2025
HOURLY_COLUMNS = ["station_name", "station_code", "measured_at", "so2", "no2", "co", "o3", "pm10", "pm25"]
STATION_COLUMNS = [
    "station_code",
    "station_name",
    "district",
    "station_level",
    "is_city_evaluation",
    "started_on",
]
CSV_ENCODINGS = ("utf-8-sig", "gbk")
# typical concentrations (canonical units) and their spread: winter PM is about twice the summer level,
# O3 the other way round, with a diurnal cycle and day-to-day weather noise
POLLUTANT_LEVELS = {"so2": 9.0, "no2": 30.0, "co": 0.8, "o3": 70.0, "pm10": 65.0, "pm25": 38.0}
WINTER_HIGH = {"so2": 0.3, "no2": 0.3, "co": 0.3, "o3": -0.4, "pm10": 0.45, "pm25": 0.5}


@dataclass(frozen=True)
class ScaleInbox:
    root: Path
    stations: int
    years: int
    station_hours: int
    files: list[Path]


def station_register(stations: int) -> list[dict]:
    districts = [d.name for d in load_districts()]
    return [
        {
            "station_code": f"S{i + 1:04d}A",
            "station_name": f"规模测试{i + 1:04d}站",
            "district": districts[i % len(districts)],
            "station_level": "国控",
            "is_city_evaluation": "是",
            "started_on": date(LAST_YEAR - 40, 1, 1),
        }
        for i in range(stations)
    ]


def months(years: int) -> list[tuple[int, int]]:
    return [(y, m) for y in range(LAST_YEAR - years + 1, LAST_YEAR + 1) for m in range(1, 13)]


def _headers(spec: SourceSpec, columns: list[str]) -> list[str]:
    return [spec.column(c).headers[0] for c in columns]


def _month_values(rng: np.random.Generator, stations: int, year: int, month: int, days: int) -> np.ndarray:
    """stations × days × 24 × pollutant concentrations, integers except CO (one decimal)."""
    day_of_year = np.array([date(year, month, d + 1).timetuple().tm_yday for d in range(days)])
    winter = np.cos(2 * np.pi * (day_of_year - 15) / 365.25)[None, :, None]
    diurnal = np.sin(2 * np.pi * (np.arange(24) - 9) / 24)[None, None, :]
    weather = rng.lognormal(0.0, 0.35, size=(1, days, 1))
    site = rng.uniform(0.8, 1.2, size=(stations, 1, 1))
    values = []
    for pollutant, level in POLLUTANT_LEVELS.items():
        cycle = 0.35 if pollutant == "o3" else -0.15
        mean = level * (1 + WINTER_HIGH[pollutant] * winter) * (1 + cycle * diurnal) * weather * site
        noisy = mean * rng.lognormal(0.0, 0.2, size=(stations, days, 24))
        values.append(np.round(noisy, 1) if pollutant == "co" else np.maximum(np.round(noisy), 1))
    return np.stack(values, axis=-1)


def _month_rows(register: list[dict], values: np.ndarray, year: int, month: int, days: int) -> list[list]:
    # hour-ending stamps: the 24th hour of a day is 00:00 of the next
    stamps = [datetime(year, month, 1) + timedelta(hours=k + 1) for k in range(days * 24)]
    rows = []
    for s, station in enumerate(register):
        flat = values[s, :days].reshape(days * 24, -1).tolist()
        for stamp, (so2, no2, co, o3, pm10, pm25) in zip(stamps, flat, strict=True):
            rows.append(
                [station["station_name"], station["station_code"], stamp, int(so2), int(no2), co, int(o3)]
                + [int(pm10), int(pm25)]
            )
    return rows


def _write_month(
    folder: Path, spec: SourceSpec, rows: list[list], year: int, month: int, version: str
) -> Path:
    title = f"XX市国控站点小时数据（{year}年{month:02d}月）"
    stem = f"小时数据_{year}{month:02d}{version}"
    header = _headers(spec, HOURLY_COLUMNS)
    if month % 3 == 0:
        path = folder / f"{stem}.csv"
        encoding = CSV_ENCODINGS[(year * 12 + month) // 3 % len(CSV_ENCODINGS)]
        write_csv(path, header, rows, encoding=encoding, title=title)
    else:
        path = folder / f"{stem}.xlsx"
        write_form_xlsx(path, spec.sheet, header, rows, title=title)
    return path


def write_scale_inbox(root: Path, stations: int, years: int, add_day: bool = False) -> ScaleInbox:
    """The scale inbox under root (air/stations, air/hourly); with add_day only the `_v2` export of the
    last month is written, holding every day of that month."""
    registry = load_registry()
    hourly, register_spec = registry["air_hourly"], registry["air_stations"]
    folder = root / hourly.files.rsplit("/", 1)[0]
    register = station_register(stations)
    files: list[Path] = []
    if not add_day:
        register_path = root / register_spec.files.rsplit("/", 1)[0] / "站点名录.xlsx"
        write_form_xlsx(
            register_path,
            register_spec.sheet,
            _headers(register_spec, STATION_COLUMNS),
            [[row[c] for c in STATION_COLUMNS] for row in register],
        )
        files.append(register_path)
    station_hours = 0
    all_months = months(years)
    for k, (year, month) in enumerate(all_months):
        # one stream per month and station count, so the v2 export repeats the first one's values
        rng = np.random.default_rng([BASE_SEED, stations, year, month])
        days_in_month = calendar.monthrange(year, month)[1]
        values = _month_values(rng, stations, year, month, days_in_month)
        is_last = k == len(all_months) - 1
        days = days_in_month - 1 if is_last and not add_day else days_in_month
        station_hours += stations * days * 24
        if add_day and not is_last:
            continue
        rows = _month_rows(register, values, year, month, days)
        files.append(_write_month(folder, hourly, rows, year, month, "_v2" if add_day else ""))
    return ScaleInbox(root, stations, years, station_hours, files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, required=True)
    parser.add_argument("--years", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--add-day", action="store_true", help="write the last month again as _v2 with its last day"
    )
    args = parser.parse_args()
    inbox = write_scale_inbox(args.out, args.stations, args.years, add_day=args.add_day)
    print(f"{len(inbox.files)} files, {inbox.station_hours:,} station-hours in {inbox.root}")


if __name__ == "__main__":
    main()
