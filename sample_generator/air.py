"""Air-domain sample submissions: seeds/raw/air/<source>/ for every source in registry/air.yml.

Sources written (file names carry the identity the registry reads: period, district or year):
  stations/          station register (6 national city-evaluation stations + 1 provincial station)
  hourly/            monitoring-centre hourly export per month, 2022-01 … 2023-11 (some as CSV)
  enforcement/       monthly enforcement form, 8 districts + 合计, 本月/累计 two-row header
  cement_lines/      cement clinker line register
  nonroad_machinery/ non-road mobile machinery registration register, one file per district
  vehicle_penalties/ over-limit vehicle penalty register, one row per case
  key_enterprises/   key-enterprise register for 2023 (online monitoring, annual emissions)

Only raw rows are written. The data are aimed at the bureau's 2023 report by construction — e.g. each
day's city PM2.5 level is chosen first and every station's hourly values are balanced so that the
pipeline's averages land on it exactly — but every figure is left for the pipeline to compute from
detail rows; 合计 rows and 累计 columns are only there to be checked.
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from dagster_project.figures import compare_matches
from dagster_project.ingest.registry import load_registry
from sample_generator import common
from sample_generator.common import DISTRICTS, FIGURES, ExcelSerial, figure, write_submission

DOMAIN = "air"
FIRST_DAY = date(2022, 1, 1)
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]


NAMES = [d.name for d in DISTRICTS]
DISTRICT_WEIGHT = common.rng_for(DOMAIN, "district-weights").gamma(4.0, 1.0, len(NAMES))


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN).parent
    for write in (
        write_stations,
        write_hourly,
        write_enforcement,
        write_cement_lines,
        write_nonroad_machinery,
    ):
        write(out)
    write_vehicle_penalties(out)
    write_key_enterprises(out)


# =========================================================================== stations


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    district: str
    level: str  # 国控 / 省控
    evaluation: bool  # 参与城市评价
    started_on: date
    lon: float
    lat: float
    pm_bias: float  # PM level relative to the city (evaluation sites differ by daily offsets instead)
    no2_bias: float


STATIONS = (
    Station("1471A", "市监测站", "镜湖区", "国控", True, date(2012, 12, 1), 118.3762, 31.3473, 1.00, 1.05),
    Station("1472A", "科创中心", "弋江区", "国控", True, date(2012, 12, 1), 118.3701, 31.3002, 1.00, 1.00),
    Station("1473A", "四水厂", "鸠江区", "国控", True, date(2012, 12, 1), 118.4139, 31.3907, 1.00, 0.95),
    Station("1474A", "天门山路", "镜湖区", "国控", True, date(2014, 1, 1), 118.3904, 31.3251, 1.00, 1.15),
    Station(
        "1475A", "高新区", "经济技术开发区", "国控", True, date(2016, 1, 1), 118.4382, 31.4015, 1.00, 1.00
    ),
    Station("1476A", "三山站", "弋江区", "国控", True, date(2016, 1, 1), 118.2433, 31.2189, 1.00, 0.85),
    # A provincial site: its hours are in the export, but it is not a city evaluation station. Its
    # PM runs higher than the city's so that counting it by mistake would move the figures.
    Station("AH3402S01", "繁阳镇", "繁昌区", "省控", False, date(2017, 7, 1), 118.1995, 31.0832, 1.15, 0.90),
)
N_EVAL = sum(s.evaluation for s in STATIONS)  # evaluation stations come first in STATIONS


def write_stations(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "stations")
    # two sites still listed under old district names (三山区 is now part of 弋江区; 繁昌县 became 繁昌区)
    district_labels = {"1476A": "三山区", "AH3402S01": common.district_alias("繁昌区")}
    started = {"1474A": ExcelSerial(date(2014, 1, 1)), "1476A": "2016/01/01"}
    rows = [dict(station_name=s.name, station_code=s.code, district=district_labels.get(s.code, s.district),
        station_level=s.level, is_city_evaluation="是" if s.evaluation else "否",
        started_on=started.get(s.code, s.started_on), stopped_on=None,
        longitude=common.messy_number(s.lon, rng, 0.15, 0), latitude=s.lat,
        备注="城市评价点" if s.evaluation else "省控点，不参与城市评价") for s in STATIONS]  # fmt: skip
    write_submission(out, "air_stations", "环境空气质量监测站点名录_2023.xlsx", rows, numbered=True,
        in_row_order=True, labels={"district": "所属区县"},
        title="XX市环境空气质量监测站点名录（2023年）")  # fmt: skip


# =========================================================================== city day plan


@dataclass(frozen=True)
class PeriodPlan:
    """How the days of one period split, chosen so the HJ 633-2012 rules give the report's ratios.

    pm25_sum is the sum of the city daily PM2.5 levels over the valid days: each level is an
    integer and station data are built so the city daily value equals it exactly.
    """

    first: date
    last: date
    outage_days: int  # whole-city data outages: no evaluation station reaches 20 valid hours
    pm_days: dict[int, int]  # month -> days whose city PM2.5 is >= 85 (AQI > 100)
    o3_days: dict[int, int]  # month -> days whose station O3 MDA8 are all >= 180 (AQI > 100)
    pm25_sum: int | None

    @property
    def valid_days(self) -> int:
        return (self.last - self.first).days + 1 - self.outage_days


# Polluted days of a year fall in these months, in these proportions: PM2.5 episodes in winter, ozone in
# summer (month -> relative share).
PM_SEASON = {1: 12, 2: 6, 3: 4, 4: 1, 10: 1, 11: 6}
O3_SEASON = {5: 5, 6: 7, 7: 4, 8: 4, 9: 4}


def _by_weight(total: int, weights: dict[int, int]) -> dict[int, int]:
    """Largest-remainder split of total over the keys of weights."""
    raw = {k: total * w / sum(weights.values()) for k, w in weights.items()}
    counts = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: counts[k] - raw[k])[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _period(first: date, last: date, outages: int, good_ratio: float, pm25_mean: float) -> PeriodPlan:
    """The day plan that gives a period's good-day ratio and PM2.5 mean under HJ 633-2012."""
    valid = (last - first).days + 1 - outages
    polluted = valid - round(valid * good_ratio / 100)
    pm = round(polluted * sum(PM_SEASON.values()) / (sum(PM_SEASON.values()) + sum(O3_SEASON.values())))
    pm_days, o3_days = _by_weight(pm, PM_SEASON), _by_weight(polluted - pm, O3_SEASON)
    return PeriodPlan(first, last, outages, pm_days, o3_days, round(pm25_mean * valid))


def _periods() -> tuple[PeriodPlan, ...]:
    """January–November of both years is aimed at the report (2023) and at the change it states (2022);
    December 2022 lies outside both report periods: plausible winter data, nothing aimed."""
    pm25, good = FIGURES["air.pm25_mean"], FIGURES["air.good_days_ratio"]
    plans = (
        _period(date(2022, 1, 1), date(2022, 11, 30), 5, good.previous(), pm25.previous()),
        PeriodPlan(date(2022, 12, 1), date(2022, 12, 31), 1, {12: 8}, {}, None),
        _period(date(2023, 1, 1), date(2023, 11, 30), 4, good.value, pm25.value),
    )
    ratio = [
        100 * (p.valid_days - sum(p.pm_days.values()) - sum(p.o3_days.values())) / p.valid_days for p in plans
    ]
    mean = [p.pm25_sum / p.valid_days for p in plans if p.pm25_sum]
    if not (
        compare_matches(ratio[2] - ratio[0], good.compare)
        and compare_matches(100 * (mean[1] / mean[0] - 1), pm25.compare)
    ):
        raise ValueError("the planned days do not give the report's year-on-year changes")
    return plans


PERIODS = _periods()

GOOD, PM_DAY, O3_DAY, OUTAGE = 0, 1, 2, 3
DAYS = [FIRST_DAY + timedelta(i) for i in range((LAST_DAY - FIRST_DAY).days + 1)]
DAY_INDEX = {d: i for i, d in enumerate(DAYS)}

# Seasonal shapes (month -> typical value on a good day) for a city on the lower Yangtze.
PM25_BASE = {1: 45, 2: 38, 3: 34, 4: 28, 5: 24, 6: 19, 7: 15, 8: 15, 9: 18, 10: 25, 11: 36, 12: 46}
O3_PEAK_BASE = {1: 72, 2: 88, 3: 112, 4: 138, 5: 150, 6: 150, 7: 142, 8: 146, 9: 146, 10: 122, 11: 92, 12: 72}
O3_NIGHT_BASE = {1: 10, 2: 14, 3: 20, 4: 26, 5: 32, 6: 34, 7: 34, 8: 34, 9: 30, 10: 22, 11: 14, 12: 10}
NO2_BASE = {1: 42, 2: 34, 3: 36, 4: 30, 5: 26, 6: 22, 7: 19, 8: 20, 9: 26, 10: 34, 11: 42, 12: 45}
SO2_BASE = {1: 10, 2: 9, 3: 9, 4: 8, 5: 7, 6: 6, 7: 6, 8: 6, 9: 7, 10: 8, 11: 9, 12: 10}
CO_BASE = {
    1: 0.85,
    2: 0.8,
    3: 0.7,
    4: 0.6,
    5: 0.55,
    6: 0.55,
    7: 0.5,
    8: 0.5,
    9: 0.55,
    10: 0.65,
    11: 0.8,
    12: 0.9,
}

# Margins that keep every day clearly on its side of the IAQI = 100 breakpoints (HJ 633-2012 Table 1),
# whichever stations end up averaged.
GOOD_PM25_MAX = 70  # < 75
GOOD_PM10_MAX = 135  # < 150
GOOD_O3_8H_MAX = 147  # < 160
GOOD_O3_1H_MAX = 188  # < 200
NO2_MAX = 66  # < 80
POLLUTED_PM25_MIN = 88  # > 75
POLLUTED_O3_8H_MIN = 180  # > 160


@dataclass
class DayPlan:
    kind: np.ndarray  # GOOD / PM_DAY / O3_DAY / OUTAGE per day
    pm25: np.ndarray  # the city daily PM2.5 level (integer, exact on valid days)
    pm10_ratio: np.ndarray
    o3_peak: np.ndarray
    o3_night: np.ndarray
    no2: np.ndarray
    so2: np.ndarray
    co: np.ndarray


def plan_days(rng: np.random.Generator) -> DayPlan:
    n = len(DAYS)
    kind = np.full(n, GOOD)
    month = np.array([d.month for d in DAYS])
    for period in PERIODS:
        idx = [DAY_INDEX[d] for d in DAYS if period.first <= d <= period.last]
        taken: set[int] = set(int(i) for i in rng.choice(idx, period.outage_days, replace=False))
        for i in taken:
            kind[i] = OUTAGE
        for counts, k in ((period.pm_days, PM_DAY), (period.o3_days, O3_DAY)):
            for m, count in counts.items():
                month_idx = [i for i in idx if DAYS[i].month == m]
                for i in _place_episodes(rng, month_idx, taken, count):
                    kind[i] = k

    # day-to-day persistence: an AR(1) log-noise around the seasonal base
    noise = np.zeros(n)
    for i in range(1, n):
        noise[i] = 0.7 * noise[i - 1] + rng.normal(0, 0.22)
    base = np.array([PM25_BASE[m] for m in month], float)
    pm25 = np.clip(np.round(base * np.exp(noise)), 6, GOOD_PM25_MAX - 4).astype(int)
    for i in range(n):
        if kind[i] == PM_DAY:
            pm25[i] = POLLUTED_PM25_MIN + int(rng.gamma(2.0, 7.0))
        elif kind[i] == GOOD and any(kind[j] == PM_DAY for j in (i - 1, i + 1) if 0 <= j < n):
            pm25[i] = max(pm25[i], int(rng.integers(48, 66)))  # the build-up and clear-out around an episode

    for period in PERIODS:
        if period.pm25_sum is not None:
            _hit_sum(rng, pm25, kind, period)

    o3_peak = np.array([O3_PEAK_BASE[m] for m in month], float) * rng.normal(1, 0.12, n)
    o3_peak = np.clip(o3_peak, 40, 176)
    o3_peak[kind == O3_DAY] = rng.uniform(235, 285, (kind == O3_DAY).sum())
    o3_peak[kind == PM_DAY] *= 0.75
    o3_night = np.array([O3_NIGHT_BASE[m] for m in month], float) * rng.uniform(0.7, 1.3, n)
    no2 = np.array([NO2_BASE[m] for m in month], float) * np.exp(rng.normal(0, 0.15, n))
    no2[kind == PM_DAY] *= 1.2
    so2 = np.array([SO2_BASE[m] for m in month], float) * np.exp(rng.normal(0, 0.2, n))
    co = np.array([CO_BASE[m] for m in month], float) * np.exp(rng.normal(0, 0.12, n))
    co[kind == PM_DAY] += 0.3
    ratio = rng.uniform(1.45, 1.85, n)
    ratio[kind == PM_DAY] = rng.uniform(1.25, 1.5, (kind == PM_DAY).sum())
    return DayPlan(
        kind, pm25, ratio, o3_peak, o3_night, np.clip(no2, 8, 58), np.clip(so2, 3, 20), np.clip(co, 0.3, 1.6)
    )


def _place_episodes(rng: np.random.Generator, month_idx: list[int], taken: set[int], count: int) -> list[int]:
    """Polluted days come in episodes of 1–4 consecutive days, as they do."""
    chosen: list[int] = []
    tries = 0
    while len(chosen) < count:
        length = 1 if tries > 200 else min(count - len(chosen), int(rng.integers(1, 5)))
        start = int(rng.integers(len(month_idx) - length + 1))
        run = month_idx[start : start + length]
        tries += 1
        if any(i in taken for i in run):
            continue
        taken.update(run)
        chosen.extend(run)
    return chosen


def _hit_sum(rng: np.random.Generator, pm25: np.ndarray, kind: np.ndarray, period: PeriodPlan) -> None:
    """Rescale the good days' levels, then nudge by ±1, until the valid days sum to period.pm25_sum."""
    idx = np.array([DAY_INDEX[d] for d in DAYS if period.first <= d <= period.last])
    valid = idx[kind[idx] != OUTAGE]
    good = valid[kind[valid] == GOOD]
    fixed = int(pm25[valid].sum() - pm25[good].sum())
    need = period.pm25_sum - fixed
    pm25[good] = np.clip(np.round(pm25[good] * need / pm25[good].sum()), 6, GOOD_PM25_MAX)
    diff = need - int(pm25[good].sum())
    while diff != 0:
        step = 1 if diff > 0 else -1
        room = good[(pm25[good] < GOOD_PM25_MAX) if step > 0 else (pm25[good] > 6)]
        i = int(rng.choice(room))
        pm25[i] += step
        diff -= step
    assert int(pm25[valid].sum()) == period.pm25_sum


# =========================================================================== hourly station data

POLLUTANTS = ("so2", "no2", "co", "o3", "pm10", "pm25")
SO2, NO2, CO, O3, PM10, PM25 = range(6)
HOURS = np.arange(1, 25)  # hour-ending labels 01:00 … 24:00 (24:00 is written as next day 00:00)


def _bump(center: float, width: float) -> np.ndarray:
    return np.exp(-0.5 * ((HOURS - center) / width) ** 2)


def _normalised(shape: np.ndarray) -> np.ndarray:
    return shape / shape.mean()


PM_SHAPE = _normalised(1 + 0.18 * _bump(9, 2) + 0.22 * _bump(22, 2.5) - 0.15 * _bump(15, 3))
NO2_SHAPE = _normalised(1 + 0.45 * _bump(8.5, 1.5) + 0.55 * _bump(20.5, 2.5) - 0.35 * _bump(14, 3))
SO2_SHAPE = _normalised(1 + 0.25 * _bump(11, 3))


@dataclass
class HourlyData:
    values: np.ndarray  # (stations, days, 24, pollutants) float; integers except CO (1 decimal)
    present: np.ndarray  # same shape, bool: a value was reported
    dropped_rows: np.ndarray  # (stations, days) bool: the export has no rows for the missing hours
    plan: DayPlan


def o3_windows(o3: np.ndarray, present: np.ndarray, min_hours: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """8-hour moving means ending at hours 8…24 of the day, per station: (means, window is valid).

    A window with fewer than min_hours present hours gets NaN (min_hours=1 gives the any-hour variant).
    """
    v = np.where(present, o3, 0.0)
    csum = np.concatenate([np.zeros(v.shape[:-1] + (1,)), np.cumsum(v, -1)], -1)
    ccnt = np.concatenate([np.zeros(v.shape[:-1] + (1,)), np.cumsum(present, -1)], -1)
    sums = csum[..., 8:25] - csum[..., 0:17]
    counts = ccnt[..., 8:25] - ccnt[..., 0:17]
    ok = counts >= min_hours
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(ok, sums / np.maximum(counts, 1), np.nan)
    return means, ok


def _balance_to_mean(x: np.ndarray, present: np.ndarray, target: int, rng: np.random.Generator) -> None:
    """Shift integer hourly values by ±1 until the present hours average exactly target."""
    idx = np.flatnonzero(present)
    if len(idx) == 0:
        return
    diff = int(target) * len(idx) - int(x[idx].sum())
    while diff != 0:
        if diff > 0:
            k = min(diff, len(idx))
            x[rng.choice(idx, k, replace=False)] += 1
            diff -= k
        else:
            room = idx[x[idx] > 1]
            k = min(-diff, len(room))
            x[rng.choice(room, k, replace=False)] -= 1
            diff += k


def _zero_sum_offsets(rng: np.random.Generator, n: int, level: int) -> np.ndarray:
    """Integer station offsets from the city level that add up to exactly zero (and keep values >= 2)."""
    for _ in range(100):
        o = np.round(rng.normal(0, 0.1 * level + 1.5, n)).astype(int)
        r = -int(o.sum())
        if r:
            picks = rng.choice(n, abs(r), replace=abs(r) > n)
            np.add.at(o, picks, int(np.sign(r)))
        if (level + o >= 2).all():
            return o
    return np.zeros(n, int)


def plan_missing(rng: np.random.Generator, plan: DayPlan) -> tuple[np.ndarray, np.ndarray]:
    """Which station hours are reported: outages, single-station failures, scattered gaps."""
    ns, nd = len(STATIONS), len(DAYS)
    present = np.ones((ns, nd, 24, 6), bool)
    dropped = np.zeros((ns, nd), bool)
    outage_days = np.flatnonzero(plan.kind == OUTAGE)
    for k, i in enumerate(outage_days):
        # a platform outage over the day: 15–16 hours lost at every evaluation station, which
        # leaves < 20 hours and no valid 8-hour O3 window; the provincial site reports on its own line
        start = int(rng.integers(4, 7))
        present[:N_EVAL, i, start : start + int(rng.integers(15, 17)), :] = False
        dropped[:N_EVAL, i] = k % 3 == 1  # some outages leave no rows at all in the export
    normal = np.flatnonzero(plan.kind != OUTAGE)

    # single-station failures: one station under 20 hours while the others are fine
    failures = rng.choice(normal, 22, replace=False)
    for i in failures:
        s = int(rng.integers(N_EVAL))
        length = int(rng.integers(6, 15))
        start = int(rng.integers(0, 24 - length + 1))
        present[s, i, start : start + length, :] = False

    # scattered gaps: 1–3 whole hours, or one analyser out for 1–4 hours
    for s in range(ns):
        for i in normal:
            if i in failures:
                continue
            u = rng.random()
            if u < 0.05:
                present[s, i, rng.choice(24, int(rng.integers(1, 4)), replace=False), :] = False
            elif u < 0.08:
                start = int(rng.integers(0, 21))
                present[s, i, start : start + int(rng.integers(1, 5)), int(rng.integers(6))] = False

    # two boundary cases of the 20-hour rule in 2023: exactly 20 hours (valid), exactly 19 (invalid)
    for day, station, missing in ((date(2023, 2, 14), 1, 4), (date(2023, 8, 22), 3, 5)):
        i = DAY_INDEX[day]
        assert plan.kind[i] != OUTAGE
        present[:, i] = True
        present[station, i, [2, 7, 12, 17, 21][:missing], :] = False
    return present, dropped


def build_hourly(rng: np.random.Generator) -> HourlyData:
    plan = plan_days(rng)
    present, dropped = plan_missing(rng, plan)
    ns, nd = len(STATIONS), len(DAYS)
    values = np.zeros((ns, nd, 24, 6))
    for i in range(nd):
        kind, level = plan.kind[i], int(plan.pm25[i])
        pres = present[:, i]

        # PM2.5: station-day means = city level + offsets summing to zero over the stations that
        # will be valid (>= 20 hours), so the mean of valid station-days is exactly the city level
        valid = np.flatnonzero(pres[:N_EVAL, :, PM25].sum(-1) >= 20)
        targets = level + np.round(rng.normal(0, 0.1 * level + 1.5, ns)).astype(int)
        if kind != OUTAGE:
            assert len(valid) > 0
            targets[valid] = level + _zero_sum_offsets(rng, len(valid), level)
        prov = N_EVAL  # the provincial site, index 6
        targets[prov] = int(round(level * STATIONS[prov].pm_bias + 3 + rng.normal(0, 3)))
        targets = np.maximum(targets, 2)
        prev_level = plan.pm25[max(i - 1, 0)]
        next_level = plan.pm25[min(i + 1, nd - 1)]
        tau = np.clip((next_level - prev_level) / (2 * max(level, 1)), -0.5, 0.5) * 0.8
        trend = 1 + tau * (HOURS - 12.5) / 24
        pm25 = np.empty((ns, 24))
        for s in range(ns):
            pm25[s] = np.maximum(1, np.round(targets[s] * PM_SHAPE * trend * (1 + _ar_noise(rng, 0.07))))
            x = pm25[s].astype(int)
            _balance_to_mean(x, pres[s, :, PM25], targets[s], rng)
            pm25[s] = x

        # PM10: PM2.5 plus a coarse fraction; capped on good days well below the 150 breakpoint
        ratio = plan.pm10_ratio[i] * rng.normal(1, 0.04, (ns, 1))
        pm10 = np.round(pm25 * ratio * (1 + rng.normal(0, 0.05, (ns, 24)))) + rng.integers(0, 5, (ns, 24))
        pm10 = np.maximum(pm10, pm25 + 1)
        if kind != PM_DAY:
            for s in range(ns):
                for _ in range(20):
                    mean = _present_mean(pm10[s], pres[s, :, PM10])
                    if mean <= GOOD_PM10_MAX:
                        break
                    pm10[s] = np.maximum(pm25[s] + 1, np.round(pm10[s] * GOOD_PM10_MAX / mean * 0.98))

        # O3: a night floor and an afternoon bell; kept inside the good range, or clearly above it
        o3 = np.empty((ns, 24))
        center, width = rng.uniform(14.3, 15.7), rng.uniform(3.2, 4.2)
        for s in range(ns):
            night = plan.o3_night[i] * rng.uniform(0.8, 1.2)
            peak = plan.o3_peak[i] * rng.normal(1, 0.04)
            shape = _bump(center + rng.normal(0, 0.3), width) * (1 + rng.normal(0, 0.04, 24))
            scale = 1.0
            for _ in range(60):
                o3[s] = np.maximum(2, np.round(night + (peak - night) * scale * shape))
                p = pres[s, :, O3]
                any_win, _ = o3_windows(o3[s], p, 1)
                strict, ok = o3_windows(o3[s], p)
                max_1h = o3[s][p].max() if p.any() else 0
                if kind == O3_DAY:
                    if ok.sum() < 14 or np.nanmax(strict) >= POLLUTED_O3_8H_MIN:
                        break
                    scale *= 1.04
                else:
                    if (not p.any()) or (np.nanmax(any_win) <= GOOD_O3_8H_MAX and max_1h <= GOOD_O3_1H_MAX):
                        break
                    scale *= 0.96

        # NO2, SO2, CO: diurnal traffic/industry shapes around the day's level
        no2 = np.empty((ns, 24))
        so2 = np.empty((ns, 24))
        co = np.empty((ns, 24))
        for s, st in enumerate(STATIONS):
            n_mean = plan.no2[i] * st.no2_bias * rng.normal(1, 0.08)
            no2[s] = np.maximum(1, np.round(n_mean * NO2_SHAPE * (1 + _ar_noise(rng, 0.08))))
            mean = _present_mean(no2[s], pres[s, :, NO2])
            if mean > NO2_MAX:
                no2[s] = np.maximum(1, np.round(no2[s] * NO2_MAX / mean * 0.97))
            so2[s] = np.maximum(
                2, np.round(plan.so2[i] * rng.normal(1, 0.1) * SO2_SHAPE * (1 + _ar_noise(rng, 0.1)))
            )
            c_shape = 1 + 0.5 * (NO2_SHAPE - 1)
            co[s] = np.maximum(
                0.1, np.round(plan.co[i] * rng.normal(1, 0.06) * c_shape * (1 + _ar_noise(rng, 0.05)), 1)
            )
        values[:, i, :, SO2] = so2
        values[:, i, :, NO2] = no2
        values[:, i, :, CO] = co
        values[:, i, :, O3] = o3
        values[:, i, :, PM10] = pm10
        values[:, i, :, PM25] = pm25
    return HourlyData(values, present, dropped, plan)


def _ar_noise(rng: np.random.Generator, sd: float, phi: float = 0.8) -> np.ndarray:
    e = rng.normal(0, sd * np.sqrt(1 - phi**2), 24)
    out = np.empty(24)
    out[0] = rng.normal(0, sd)
    for h in range(1, 24):
        out[h] = phi * out[h - 1] + e[h]
    return out


def _present_mean(x: np.ndarray, present: np.ndarray) -> float:
    return float(x[present].mean()) if present.any() else 0.0


# --------------------------------------------------------------------------- hourly files


def _hourly_labels(gbk: bool) -> dict[str, str]:
    """The export's pollutant headers, unit in brackets: PM2.5(μg/m³); GBK has no '³' and writes μg/m3."""
    spec = load_registry()["air_hourly"]
    labels = {p: f"{spec.column(p).headers[0]}({'mg' if p == 'co' else 'μg'}/m³)" for p in POLLUTANTS}
    return {p: label.replace("³", "3") for p, label in labels.items()} if gbk else labels


HOURLY_CSV = {  # (year, month) -> (encoding, title line above the header)
    (2022, 4): ("gbk", True),
    (2022, 8): ("utf-8-sig", False),
    (2022, 12): ("gbk", False),
    (2023, 5): ("utf-8-sig", True),
    (2023, 9): ("gbk", True),
}
HOURLY_SERIAL_TIME = {(2022, 6), (2023, 7)}  # 监测时间 exported as bare Excel serials
HOURLY_TEXT_NUMBERS = {(2022, 10), (2023, 2)}  # a few values stored as text
MISSING_MARKERS = ("—", None, "NA")
RESUBMITTED_MONTH = (2023, 3)  # the first export had unreviewed values; a corrected _v2 followed


def write_hourly(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "hourly")
    data = build_hourly(rng)
    mess = common.rng_for(DOMAIN, "hourly-mess")
    for k, (y, m) in enumerate(MONTHS):
        marker = MISSING_MARKERS[k % 3]
        if (y, m) == RESUBMITTED_MONTH:
            first = _first_export(data, mess)
            _write_hourly_month(out, y, m, first, marker, mess, "")
            _write_hourly_month(out, y, m, data, marker, mess, "_v2")
        else:
            _write_hourly_month(out, y, m, data, marker, mess, "")


def _first_export(data: HourlyData, rng: np.random.Generator) -> HourlyData:
    """The export before review: an instrument fault at one station (PM2.5 above its PM10 for ten
    hours, later invalidated and replaced with the backup analyser's values) and two NO2 hours that were
    filled in afterwards. Taken alone it would turn a good March day into a polluted one."""
    values = data.values.copy()
    present = data.present.copy()
    y, m = RESUBMITTED_MONTH
    s = 2
    march = [DAY_INDEX[date(y, m, d)] for d in range(1, 32)]
    candidates = [i for i in march if data.plan.kind[i] == GOOD and data.present[:N_EVAL, i].all()]
    fault_day = max(candidates, key=lambda i: data.plan.pm25[i])
    # spread enough excess over 12 hours that the city mean of that day would reach about 92
    excess = (92 - int(data.plan.pm25[fault_day])) * N_EVAL * 24 / 12
    hours = slice(8, 20)
    values[s, fault_day, hours, PM25] += np.round(excess * rng.uniform(0.9, 1.1, 12))
    other = next(i for i in march if abs(i - fault_day) > 3 and data.plan.kind[i] == GOOD)
    present[4, other, 6:8, NO2] = False
    return HourlyData(values, present, data.dropped_rows, data.plan)


def _write_hourly_month(
    out: Path, y: int, m: int, data: HourlyData, marker, rng: np.random.Generator, version: str
) -> None:
    csv_spec = HOURLY_CSV.get((y, m))
    serial_time = (y, m) in HOURLY_SERIAL_TIME
    text_numbers = (y, m) in HOURLY_TEXT_NUMBERS
    first = DAY_INDEX[date(y, m, 1)]
    last = DAY_INDEX[date(y, m, calendar.monthrange(y, m)[1])]
    rows = []
    for s, st in enumerate(STATIONS):
        for i in range(first, last + 1):
            day_start = datetime.combine(DAYS[i], datetime.min.time())
            for h in range(24):
                pres = data.present[s, i, h]
                if data.dropped_rows[s, i] and not pres.any():
                    continue
                stamp = day_start + timedelta(hours=h + 1)  # hour-ending: the 24th hour is next day 00:00
                row = {
                    "station_name": st.name,
                    "station_code": st.code,
                    "measured_at": ExcelSerial(stamp) if serial_time else stamp,
                }
                for p, pollutant in enumerate(POLLUTANTS):
                    if not pres[p]:
                        row[pollutant] = marker
                        continue
                    v = data.values[s, i, h, p]
                    v = round(float(v), 1) if p == CO else int(v)
                    row[pollutant] = str(v) if text_numbers and rng.random() < 0.01 else v
                rows.append(row)
    title = f"XX市环境空气质量国控站点小时数据（{y}年{m:02d}月）"
    stem = f"XX市国控站点小时数据_{y}{m:02d}{version}"
    encoding, with_title = csv_spec or (None, True)
    write_submission(out, "air_hourly", f"{stem}.{'csv' if csv_spec else 'xlsx'}", rows,
        title=title if with_title else None, csv_encoding=encoding, labels=_hourly_labels(encoding == "gbk"),
        in_row_order=True)  # fmt: skip


# =========================================================================== enforcement form


@dataclass(frozen=True)
class Metric:
    column: str  # the form's column pair: <column>_month, <column>_ytd
    figure: str  # the report's January–November 2023 total over all districts
    month_weight: tuple[float, ...]  # relative activity by month, January … December


WINTER = (3, 2, 1.2, 0.3, 0.1, 0.05, 0.05, 0.05, 0.5, 2.5, 3, 3)
ALERTS = (3, 2.2, 1.5, 0.6, 0.5, 0.6, 0.4, 0.4, 0.6, 1, 2.4, 3)
METRICS = (
    Metric("enterprises_verified", "air.enterprises_verified", WINTER),
    Metric("inspection_staff_times", "air.inspection_staff_times", ALERTS),
    Metric("inspection_enterprises", "air.inspection_enterprises", ALERTS),
    Metric(
        "vocs_projects_done", "air.vocs_projects_done", (0.1, 0.1, 0.5, 1, 1.5, 2, 2, 1.5, 1.5, 1, 1, 0.8)
    ),
    Metric(
        "diesel_trucks_retired",
        "air.old_diesel_trucks_retired",
        (0.6, 0.5, 1, 1, 1.2, 1.4, 1, 1, 1.1, 1, 1, 1.3),
    ),
    Metric(
        "remote_monitors_installed", "air.diesel_remote_monitors", (0.7, 0.6, 1, 1, 1, 1.1, 1, 1, 1, 1, 1, 1)
    ),
    Metric("vehicles_blacklisted", "air.vehicles_blacklisted", (0.8, 0.7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)),
    Metric(
        "vehicles_exposed",
        "air.vehicles_exposed",
        (0.5, 0.5, 1.5, 0.8, 0.8, 1.5, 0.8, 0.8, 1.5, 0.8, 0.8, 1.5),
    ),
)
# Resubmissions: the earlier file over-reported these cells (district, metric index, extra); which file
# names each month gets, the earlier one first, the one that stands last.
ENFORCEMENT_EARLIER = {
    (2023, 6): [("鸠江区", 5, 20), ("弋江区", 6, 6)],
    (2023, 11): [("无为市", 0, 35), ("南陵县", 7, 3)],
}
ENFORCEMENT_FILES = {(2023, 6): ["_报送20230705", "_报送20230712"], (2023, 11): ["", "_报送20231205"]}
WRONG_TOTAL = ((2023, 4), 6)  # this month's 合计 row miscounts one metric's 本月 by +10
ALIAS_MONTHS = {(2022, m) for m in range(1, 7)} | {(2023, 3), (2023, 9)}  # the old template's names
RENAMED = ("湾沚区", "繁昌区", "无为市", "经济技术开发区")  # the districts the old template names otherwise
TOTAL_FIRST = {(2022, 3), (2022, 7), (2023, 2), (2023, 8)}
FULLWIDTH_TITLE = {(2022, 11), (2023, 5)}


def enforcement_counts(rng: np.random.Generator) -> dict[tuple[int, int], np.ndarray]:
    """本月 values per (year, month): array (districts, metrics). 2022 (a whole year) is about as busy."""
    out = {ym: np.zeros((len(NAMES), len(METRICS)), int) for ym in MONTHS}
    for k, metric in enumerate(METRICS):
        for year in (2022, 2023):
            total = (
                figure(metric.figure)
                if year == 2023
                else round(figure(metric.figure) * rng.uniform(0.85, 1.15))
            )
            months = [m for (y, m) in MONTHS if y == year]
            w = np.outer(np.array(metric.month_weight)[np.array(months) - 1], DISTRICT_WEIGHT)
            w *= np.exp(rng.normal(0, 0.3, w.shape))
            cells = rng.multinomial(total, (w / w.sum()).ravel()).reshape(w.shape)
            for j, m in enumerate(months):
                out[(year, m)][:, k] = cells[j]
    return out


def write_enforcement(out: Path) -> None:
    counts = enforcement_counts(common.rng_for(DOMAIN, "enforcement"))
    mess = common.rng_for(DOMAIN, "enforcement-mess")
    ytd = np.zeros((len(NAMES), len(METRICS)), int)
    for y, m in MONTHS:
        month = counts[(y, m)]
        ytd = month + (0 if m == 1 else ytd)  # 累计 is year-to-date: it restarts every January
        suffixes = ENFORCEMENT_FILES.get((y, m), [""])
        for n, suffix in enumerate(suffixes):
            this_month, this_ytd = month.copy(), ytd.copy()
            if n < len(suffixes) - 1:  # the earlier, over-reported submission
                for district, k, extra in ENFORCEMENT_EARLIER[(y, m)]:
                    this_month[NAMES.index(district), k] += extra
                    this_ytd[NAMES.index(district), k] += extra
            rows: list[dict | None] = []
            for j, d in enumerate(DISTRICTS):
                renamed = (y, m) in ALIAS_MONTHS and d.name in RENAMED
                row: dict = {"district": common.district_alias(d) if renamed else d.name}
                for k, metric in enumerate(METRICS):
                    v_month = common.messy_number(int(this_month[j, k]), mess, 0.04, 0.02)
                    if k == 3 and this_month[j, k] == 0 and mess.random() < 0.3:
                        v_month = None  # nothing this month: left blank, as forms often are
                    row[f"{metric.column}_month"] = v_month
                    row[f"{metric.column}_ytd"] = common.messy_number(int(this_ytd[j, k]), mess, 0.04, 0.02)
                rows.append(row)
            if (y, m) in {(2022, 5), (2023, 1), (2023, 7)}:
                rows.insert(0, None)  # a blank line under the header
            full = (y, m) in FULLWIDTH_TITLE
            shown = (common.to_fullwidth(y), common.to_fullwidth(m)) if full else (y, m)
            title = f"XX市大气污染防治执法工作月报表（{shown[0]}年{shown[1]}月）"
            wrong = {f"{METRICS[WRONG_TOTAL[1]].column}_month": 10} if (y, m) == WRONG_TOTAL[0] else None
            write_submission(out, "air_enforcement", f"大气污染防治执法工作月报表_{y}{m:02d}{suffix}.xlsx",
                rows, title=title, subtitle="填报单位：市生态环境局大气环境科", with_total=True,
                total_first=(y, m) in TOTAL_FIRST, total_adjust=wrong, spacer_before_total=m % 4 == 0,
                numbered=True)  # fmt: skip


# =========================================================================== cement clinker lines

# (enterprise, district, capacity t/d, lines stopped with their compliance); the lines in production
# (all compliant) are spread over the plants by capacity
CEMENT_PLANTS = (
    ("荻港建材水泥有限公司", "繁昌区", 5000, []),
    ("繁昌长江水泥有限公司", "繁昌区", 4500, [True]),
    ("无为白茆水泥有限公司", "无为市", 5000, []),
    ("无为泥汊建材有限公司", "无为市", 2500, [False]),
    ("南陵丫山水泥有限公司", "南陵县", 4500, []),
    ("南陵工山建材有限公司", "南陵县", 2500, [True]),
    ("湾沚红杨水泥有限公司", "湾沚区", 5500, []),
    ("鸠江沈巷水泥有限公司", "鸠江区", 4000, []),
    ("三山峨桥建材水泥有限公司", "弋江区", 5000, []),
)


def write_cement_lines(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "cement_lines")
    capacity = {name: cap for name, _, cap, _ in CEMENT_PLANTS}
    running = _by_weight(figure("air.cement_lines_compliant") - len(CEMENT_PLANTS), capacity)
    rows = []
    for p, (name, district, cap_base, stopped) in enumerate(CEMENT_PLANTS, 1):
        lines = [(True, True)] * (running[name] + 1) + [(False, ok) for ok in stopped]
        for k, (in_production, compliant) in enumerate(lines, 1):
            label = (
                common.district_alias(district) if district in ("繁昌区", "无为市") and k == 1 else district
            )
            cap = cap_base if k % 2 else cap_base + 500 * int(rng.integers(0, 3))
            checked = date(2023, int(rng.integers(9, 12)), int(rng.integers(1, 29)))
            note = "超低排放改造已完成" if in_production and rng.random() < 0.4 else None
            if not in_production:
                note = "2022年10月起停产" if compliant else "长期停产，待产能置换关停"
            rows.append(dict(line_code=f"SN{p:02d}-{k}", enterprise_name=name, district=label,
                capacity_t_per_day=common.messy_number(cap, rng, 0.15, 0.1),
                in_production="是" if in_production else "否",
                meets_provincial_standard="是" if compliant else "否",
                checked_on=common.messy_date(checked, rng, 0.2, 0.2), 备注=note))  # fmt: skip
    write_submission(out, "air_cement_lines", "水泥熟料生产线台账_2023.xlsx", rows, numbered=True,
        title="XX市水泥熟料生产线基本情况台账（截至2023年11月）",
        labels={"capacity_t_per_day": "设计产能（t/d）"})  # fmt: skip


# =========================================================================== non-road machinery

MACHINE_TYPES = (("挖掘机", 30), ("装载机", 18), ("叉车", 25), ("压路机", 6), ("推土机", 3), ("起重机", 8),
                 ("摊铺机", 2), ("平地机", 2), ("旋挖钻机", 3), ("桩工机械", 3))  # fmt: skip
OWNER_PARTS = ("宏达", "恒信", "中建", "皖江", "长运", "鑫源", "华宇", "路桥", "振兴", "金山", "联创", "东方")
OWNER_KINDS = ("建设工程有限公司", "物流有限公司", "建筑劳务有限公司", "机械租赁有限公司", "港务有限公司")
REGISTRATION_YEAR_WEIGHT = {2019: 0.06, 2020: 0.2, 2021: 0.27, 2022: 0.26, 2023: 0.21}
NONROAD_CSV = {"南陵县": "gbk"}  # this district sends its register as CSV
NONROAD_SERIAL_DATES = {"湾沚区"}
NONROAD_TEXT_DATES = {"无为市"}
NONROAD_ALIAS_CELLS = {"繁昌区", "经济技术开发区"}


def write_nonroad_machinery(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "nonroad_machinery")
    # every machine registered up to the end of the data, over all districts
    per_district = rng.multinomial(
        figure("air.nonroad_machinery_registered"), DISTRICT_WEIGHT / DISTRICT_WEIGHT.sum()
    )
    types = [t for t, _ in MACHINE_TYPES]
    type_p = np.array([w for _, w in MACHINE_TYPES], float)
    years = list(REGISTRATION_YEAR_WEIGHT)
    year_p = np.array(list(REGISTRATION_YEAR_WEIGHT.values()))
    for district, count in zip(DISTRICTS, per_district, strict=True):
        name = district.name
        dates = sorted(_registration_date(rng, int(y)) for y in rng.choice(years, count, p=year_p))
        rows = []
        serial_by_year: dict[int, int] = {}
        for d in dates:
            serial_by_year[d.year] = serial_by_year.get(d.year, 0) + 1
            owner = (
                OWNER_PARTS[int(rng.integers(len(OWNER_PARTS)))]
                + OWNER_KINDS[int(rng.integers(len(OWNER_KINDS)))]
            )
            stage = _emission_stage(rng, d)
            cell = (
                ExcelSerial(d)
                if name in NONROAD_SERIAL_DATES
                else d.strftime("%Y/%m/%d")
                if name in NONROAD_TEXT_DATES
                else d
            )
            rows.append(dict(registration_code=f"WH{district.code[-3:]}{d.year}{serial_by_year[d.year]:05d}",
                所有人=owner,
                district=common.district_alias(district) if name in NONROAD_ALIAS_CELLS else name,
                machine_type=types[int(rng.choice(len(types), p=type_p / type_p.sum()))],
                emission_stage=stage, registered_on=cell))  # fmt: skip
        csv = NONROAD_CSV.get(name)
        write_submission(out, "air_nonroad_machinery",
            f"非道路移动机械编码登记台账_{name}_20231205.{'csv' if csv else 'xlsx'}", rows,
            title=f"XX市非道路移动机械编码登记台账（{name}）", csv_encoding=csv, numbered=True,
            in_row_order=True, labels={"所有人": "所有人（单位）"})  # fmt: skip


def _registration_date(rng: np.random.Generator, year: int) -> date:
    # registration began in June 2019; the register is as of 2023-11-30
    first = date(2019, 6, 1) if year == 2019 else date(year, 1, 1)
    last = LAST_DAY if year == 2023 else date(year, 12, 31)
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _emission_stage(rng: np.random.Generator, registered: date) -> str:
    if registered >= date(2022, 12, 1) and rng.random() < 0.6:
        return "国四"
    return ("国一", "国二", "国三")[int(rng.choice(3, p=[0.1, 0.35, 0.55]))]


# =========================================================================== vehicle penalties

PENALTY_YEAR_SHARE = {
    2020: 0.18,
    2021: 0.255,
    2022: 0.315,
    2023: 0.25,
}  # of the cases up to the end of the data
# (vehicle type, fine in 元)
VEHICLE_TYPES = (("重型柴油货车", 5000), ("中型柴油货车", 5000), ("轻型柴油货车", 1000), ("小型汽油车", 200),
                 ("柴油客车", 1000))  # fmt: skip
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def write_vehicle_penalties(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "vehicle_penalties")
    rows = []
    plates: set[str] = set()
    by_year = _by_weight(figure("air.vehicles_over_limit_punished"), PENALTY_YEAR_SHARE)
    for year, count in by_year.items():
        last = LAST_DAY if year == 2023 else date(year, 12, 31)
        span = (last - date(year, 1, 1)).days + 1
        dates = sorted(date(year, 1, 1) + timedelta(int(o)) for o in rng.integers(0, span, count))
        for k, d in enumerate(dates, 1):
            name = NAMES[int(rng.choice(len(NAMES), p=DISTRICT_WEIGHT / DISTRICT_WEIGHT.sum()))]
            label = common.district_alias(name, rng) if rng.random() < 0.1 else name
            plate = _plate(rng, plates)
            vtype, fine = VEHICLE_TYPES[int(rng.choice(len(VEHICLE_TYPES), p=[0.45, 0.15, 0.15, 0.15, 0.1]))]
            item = "不透光烟度" if "柴油" in vtype else ("CO、HC" if rng.random() < 0.5 else "NOx")
            rows.append(dict(case_code=f"XX环机罚〔{year}〕{k:03d}号",
                punished_on=common.messy_date(d, rng, 0.1, 0.1), district=label, plate_number=plate,
                vehicle_type=vtype, 超标项目=item, fine_yuan=common.messy_number(fine, rng, 0.1, 0.05),
                办理状态="已结案" if d < date(2023, 10, 1) else "办理中"))  # fmt: skip
    write_submission(out, "air_vehicle_penalties", "超标排放机动车查处台账_20231130.xlsx", rows,
        numbered=True, in_row_order=True, title="XX市超标排放机动车查处台账（2020年以来）",
        labels={"fine_yuan": "罚款金额（元）"})  # fmt: skip


def _plate(rng: np.random.Generator, taken: set[str]) -> str:
    while True:
        plate = "皖B·" + "".join(PLATE_CHARS[int(i)] for i in rng.integers(0, len(PLATE_CHARS), 5))
        if plate not in taken:
            taken.add(plate)
            return plate


# =========================================================================== key enterprises

# one row an industry: its relative number of key enterprises, typical annual SO2, NOx, particulates and
# VOCs in t, whether it is one of the four heavy industries, the word in its enterprises' names and the
# districts it sits in (empty: any district)
EMISSION_COLUMNS = ("so2_t", "nox_t", "particulates_t", "vocs_t")
KEY_INDUSTRIES = {
    row["industry"]: row
    for row in csv.DictReader(
        (Path(__file__).parent / "key_industries.csv").read_text(encoding="utf-8").splitlines()
    )
}
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
STEMS = tuple(a + b for a in "华恒长鑫振皖瑞金东新中宏永安" for b in "源达江泰盛昌")  # invented trade names


def write_key_enterprises(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "key_enterprises")
    # every key enterprise has online monitoring; the four heavy industries' share of the four pollutants
    # is aimed inside the range the report claims
    weights = {industry: int(row["enterprises_weight"]) for industry, row in KEY_INDUSTRIES.items()}
    counts = _by_weight(figure("air.key_enterprises_online"), weights)
    heavy_share = FIGURES["air.heavy_industry_emission_share"].aim(0.033) / 100
    records = []
    for industry, row in KEY_INDUSTRIES.items():
        typical = [float(row[column]) for column in EMISSION_COLUMNS]
        names = tuple(row["districts"].split("|")) if row["districts"] else NAMES
        for k in range(counts[industry]):
            amounts = np.array(typical) * np.exp(rng.normal(0, 0.35, 4))
            records.append([industry, names[int(rng.integers(len(names)))], amounts, k])
    heavy_industries = {industry for industry, row in KEY_INDUSTRIES.items() if row["is_heavy"] == "1"}
    heavy = sum(r[2].sum() for r in records if r[0] in heavy_industries)
    other = sum(r[2].sum() for r in records if r[0] not in heavy_industries)
    # the light industries' total is set by the aim; the heavy industries' amounts stay as drawn
    scale = heavy * (1 - heavy_share) / heavy_share / other
    for r in records:
        r[2] = np.round(
            r[2] * (scale if r[0] not in heavy_industries else 1), 1 if r[0] not in heavy_industries else 0
        )
    rng.shuffle(records)
    rows = []
    stems = list(STEMS[: len(records)])
    for n, (industry, name, amounts, k) in enumerate(records, 1):
        code = "91340200" + "".join(
            CREDIT_CODE_CHARS[int(i)] for i in rng.integers(0, len(CREDIT_CODE_CHARS), 10)
        )
        label = common.district_alias(name) if rng.random() < 0.08 else name
        cells = [common.messy_number(_plain(a), rng, 0.05, 0.03) for a in amounts]
        if n in (11, 46):  # a couple of amounts reported as 约…
            cells[3] = f"约{_plain(amounts[3])}"
        stem = stems.pop(int(rng.integers(len(stems))))
        suffix = "股份有限公司" if k % 4 == 0 else "有限公司"
        word = KEY_INDUSTRIES[industry]["name_word"]
        rows.append(dict(enterprise_code=code, enterprise_name=f"XX{stem}{word}{suffix}",
            district=label, industry=industry, online_monitoring="是",
            **dict(zip(EMISSION_COLUMNS, cells, strict=True))))  # fmt: skip
    labels = {c: f"{h}（吨）" for c, h in (("so2_t", "二氧化硫排放量"), ("nox_t", "氮氧化物排放量"),
        ("particulates_t", "颗粒物排放量"), ("vocs_t", "挥发性有机物排放量"))}  # fmt: skip
    write_submission(out, "air_key_enterprises", "重点排污单位名录_2023.xlsx", rows, numbered=True,
        labels=labels, title="XX市2023年大气重点排污单位名录")  # fmt: skip


def _plain(value: float):
    value = float(value)
    return int(value) if value.is_integer() else value
