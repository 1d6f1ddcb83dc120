"""A whole real year through the real pipeline: Beijing 2015, all twelve national stations (105,120 hours),
in the session's external-data warehouse (tests/integration/conftest.py).

The warehouse's annual statistics, validity flags and category counts are compared with an independent
computation written here in pandas/numpy from the rules (indicator-rules §1.3–1.9 and docs/air.md): station
daily means need 20 valid hours, MDA8 uses the windows ending 08–24 h with ≥ 6 hours and needs 14 windows
(else valid only above the 二级 limit), a city item needs ≥ 75 % of the evaluation stations, concentrations
are rounded half-even (integers, CO one decimal) before the HJ 633-2012 IAQI, IAQI is rounded up, and under
the 2012 rules a day with a missing item keeps the AQI of the other items.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

import duckdb
import numpy as np
import pandas as pd
import pytest

from tests.integration.beijing_air import YEAR_2015

DAILY_MEANS = {"so2": "SO2", "no2": "NO2", "co": "CO", "pm10": "PM10", "pm25": "PM2.5"}
# HJ 633-2012 Table 1, daily-report columns; IAQI 0, 50, 100, 150, 200, 300, 400, 500
IAQI_STEPS = (0, 50, 100, 150, 200, 300, 400, 500)
BREAKPOINTS_2012 = {
    "so2": (0, 50, 150, 475, 800, 1600, 2100, 2620),
    "no2": (0, 40, 80, 180, 280, 565, 750, 940),
    "pm10": (0, 50, 150, 250, 350, 420, 500, 600),
    "co": (0, 2, 4, 14, 24, 36, 48, 60),
    "o3_1h": (0, 160, 200, 300, 400, 800, 1000, 1200),
    "o3_8h": (0, 100, 160, 215, 265, 800),
    "pm25": (0, 35, 75, 115, 150, 250, 350, 500),
}
CATEGORIES = (
    (50, "excellent"),
    (100, "good"),
    (150, "lightly_polluted"),
    (200, "moderately_polluted"),
    (300, "heavily_polluted"),
    (math.inf, "severely_polluted"),
)
O3_1H_LIMIT, O3_8H_LIMIT = 200, 160  # GB 3095-2012 二级
MIN_STATION_SHARE = 0.75


def _round_half_even(value: float, decimals: int) -> float:
    exact = Decimal(f"{value:.15g}")
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN))


def _iaqi(item: str, concentration: float) -> int | None:
    steps = BREAKPOINTS_2012[item]
    if concentration > steps[-1]:
        return None if item == "o3_8h" else 500  # O3 8 h > 800: the 1 h value decides; others capped
    for lo, hi, iaqi_lo, iaqi_hi in zip(steps, steps[1:], IAQI_STEPS, IAQI_STEPS[1:], strict=False):
        if lo <= concentration <= hi:
            return math.ceil(round((iaqi_hi - iaqi_lo) / (hi - lo) * (concentration - lo) + iaqi_lo, 6))
    raise AssertionError(f"{item} {concentration} outside the table")


def _station_days(frame: pd.DataFrame) -> pd.DataFrame:
    hours = frame.assign(date=pd.to_datetime(frame[["year", "month", "day"]]), CO=frame["CO"] / 1000)
    days = hours.groupby(["station", "date"])
    daily = pd.DataFrame(
        {item: days[column].mean().where(days[column].count() >= 20) for item, column in DAILY_MEANS.items()}
    )
    o3_max, o3_hours = days["O3"].max(), days["O3"].count()
    daily["o3_1h"] = o3_max.where((o3_hours >= 20) | (o3_max > O3_1H_LIMIT))
    by_hour = hours.set_index(["station", "date", "hour"])["O3"].unstack("hour").reindex(columns=range(24))
    grid = by_hour.to_numpy()
    windows = np.stack([grid[:, end - 8 : end] for end in range(8, 25)], axis=1)  # windows ending 08…24 h
    counts = np.sum(~np.isnan(windows), axis=2)
    with np.errstate(invalid="ignore"):
        means = np.where(counts >= 6, np.nanmean(windows, axis=2), np.nan)
    mda8 = np.nanmax(np.where(np.isnan(means), -np.inf, means), axis=1)
    mda8[np.isinf(mda8)] = np.nan
    valid_windows = np.sum(~np.isnan(means), axis=1)
    mda8 = np.where((valid_windows >= 14) | (mda8 > O3_8H_LIMIT), mda8, np.nan)
    daily["o3_8h"] = pd.Series(mda8, index=by_hour.index).reindex(daily.index)
    return daily


def _city_days(station_days: pd.DataFrame, n_stations: int) -> pd.DataFrame:
    by_day = station_days.groupby(level="date")
    enough = by_day.count() >= MIN_STATION_SHARE * n_stations
    city = by_day.mean().where(enough)
    rows = []
    for day, values in city.iterrows():
        iaqis = {}
        for item, concentration in values.items():
            if pd.isna(concentration):
                continue
            rounded = _round_half_even(concentration, 1 if item == "co" else 0)
            iaqi = _iaqi(item, rounded)
            if iaqi is not None:
                iaqis[item] = iaqi
        aqi = max(iaqis.values()) if iaqis else None
        rows.append({"date": day, **values[["pm25", "co", "o3_8h"]].to_dict(), "aqi": aqi})
    return pd.DataFrame(rows).set_index("date")


@pytest.fixture(scope="module")
def year_2015(external_build):
    frame = pd.read_csv(YEAR_2015)
    city = _city_days(_station_days(frame), frame["station"].nunique())
    conn = duckdb.connect(str(external_build / "warehouse.duckdb"), read_only=True)
    yield frame, city, conn
    conn.close()


def _annual(conn) -> dict:
    columns = [
        "pm25_mean",
        "co_p95",
        "o3_mda8_p90",
        "n_days_pm25",
        "pm25_statistic_valid",
        "valid_days",
        "good_days",
        *(f"days_{name}" for _, name in CATEGORIES),
    ]
    row = conn.execute(
        f"SELECT {', '.join(columns)} FROM marts.fct_air_quality_period "  # noqa: S608 constant columns
        "WHERE period_kind = 'ytd' AND year = 2015 AND end_month = 12 AND is_published_basis"
    ).fetchone()
    return dict(zip(columns, row, strict=True))


def test_every_station_hour_of_the_year_loads(year_2015):
    frame, _, conn = year_2015
    assert len(frame) == 105_120
    loaded = "SELECT count(*) FROM raw.air_hourly WHERE _period_year = 2015"
    assert conn.execute(loaded).fetchone()[0] == len(frame)
    assert conn.execute("SELECT count(*) FROM raw._rejects").fetchone()[0] == 0
    days = "SELECT count(*) FROM marts.fct_air_quality_daily WHERE year(obs_date) = 2015"
    assert conn.execute(days).fetchone()[0] == 365


def test_co_in_micrograms_is_converted_to_milligrams(year_2015):
    """The export heads CO in μg/m³; staging converts it to the registry's mg/m³."""
    frame, _, conn = year_2015
    day = frame[(frame["station"] == "Dongsi") & (frame["month"] == 12) & (frame["day"] == 5)]
    value = conn.execute(
        "SELECT co_24h FROM marts.fct_air_quality_station_daily "
        "WHERE station_name = 'Dongsi' AND obs_date = '2015-12-05'"
    ).fetchone()[0]
    assert value == pytest.approx(day["CO"].dropna().mean() / 1000, rel=1e-9)


def test_annual_concentrations_match_an_independent_computation(year_2015):
    _, city, conn = year_2015
    annual = _annual(conn)
    assert annual["pm25_mean"] == pytest.approx(city["pm25"].mean(), rel=1e-9)
    assert annual["n_days_pm25"] == city["pm25"].notna().sum()
    assert annual["co_p95"] == pytest.approx(np.percentile(city["co"].dropna(), 95), rel=1e-9)
    assert annual["o3_mda8_p90"] == pytest.approx(np.percentile(city["o3_8h"].dropna(), 90), rel=1e-9)


def test_valid_good_and_category_days_match_an_independent_computation(year_2015):
    _, city, conn = year_2015
    annual = _annual(conn)
    aqi = city["aqi"].dropna()
    assert annual["valid_days"] == len(aqi)
    assert annual["good_days"] == int((aqi <= 100).sum())
    lower = 0
    for upper, name in CATEGORIES:
        assert annual[f"days_{name}"] == int(((aqi > lower) & (aqi <= upper)).sum()), name
        lower = upper
    daily = dict(
        conn.execute(
            "SELECT obs_date, aqi FROM marts.fct_air_quality_daily WHERE year(obs_date) = 2015"
        ).fetchall()
    )
    assert {d: a for d, a in daily.items() if a is not None} == {d.date(): int(a) for d, a in aqi.items()}


def test_annual_validity_follows_gb3095_table_4(year_2015):
    """≥ 324 daily values in the year and ≥ 27 in every month (25 in February)."""
    _, city, conn = year_2015
    per_month = city["pm25"].notna().groupby(city.index.month).sum()
    expected = bool(
        per_month.sum() >= 324 and all(per_month[m] >= (25 if m == 2 else 27) for m in range(1, 13))
    )
    assert _annual(conn)["pm25_statistic_valid"] is expected
    months = dict(
        conn.execute(
            "SELECT end_month, pm25_statistic_valid FROM marts.fct_air_quality_period "
            "WHERE period_kind = 'month' AND year = 2015 AND is_published_basis"
        ).fetchall()
    )
    assert months == {m: bool(per_month[m] >= (25 if m == 2 else 27)) for m in range(1, 13)}
