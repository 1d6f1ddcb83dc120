"""Real third-party data through the real pipeline: Beijing, December 2013 (three national stations) and
December 2015 (all twelve) — days before 2016-01-01 that must get an AQI under the 2012 rules. The
session's external-data warehouse (tests/integration/conftest.py) also holds the rest of 2015:
test_external_air_year.py.
"""

from datetime import date

import duckdb
import pytest


@pytest.fixture(scope="module")
def beijing_before_2016(external_build):
    conn = duckdb.connect(str(external_build / "warehouse.duckdb"), read_only=True)
    yield conn
    conn.close()


def test_days_before_2016_get_an_aqi_under_the_2012_rules(beijing_before_2016):
    conn = beijing_before_2016
    months = conn.execute(
        """select year(obs_date), count(*), count(*) filter (where ruleset = '2012'),
                  count(*) filter (where is_valid_day)
           from marts.fct_air_quality_daily where month(obs_date) = 12 group by 1 order by 1"""
    ).fetchall()
    assert [(y, n, n2012) for y, n, n2012, _ in months] == [(2013, 31, 31), (2015, 31, 31)]
    assert all(valid >= 28 for *_, valid in months)
    ratios = conn.execute(
        """select year, good_day_ratio, pm25_mean from marts.fct_air_quality_period
           where period_kind = 'month' and end_month = 12 and is_published_basis order by year"""
    ).fetchall()
    assert [y for y, *_ in ratios] == [2013, 2015]
    assert all(0 < ratio < 100 and pm25 > 50 for _, ratio, pm25 in ratios)


def test_days_before_the_city_published_aqi_are_marked_retrospective(beijing_before_2016):
    """XX市's seed dates its first AQI publication 2014-01-01: December 2013 is 按新标准回算, 2015 is not."""
    conn = beijing_before_2016
    published_from = conn.execute("select aqi_published_from from reference.air_aqi_publication").fetchone()[
        0
    ]
    assert date(2014, 1, 1) <= published_from <= date(2015, 12, 1)
    labels = conn.execute(
        """select year(obs_date), is_retrospective, ruleset_label, count(*)
           from marts.fct_air_quality_daily where month(obs_date) = 12 group by all order by 1"""
    ).fetchall()
    assert labels == [(2013, True, "HJ 633-2012（按新标准回算）", 31), (2015, False, "HJ 633-2012", 31)]
    periods = dict(
        conn.execute(
            """select year, has_retrospective_days from marts.fct_air_quality_period
               where period_kind = 'month' and end_month = 12 and is_published_basis"""
        ).fetchall()
    )
    assert periods == {2013: True, 2015: False}
    stations = conn.execute(
        """select count(*) from marts.fct_air_quality_station_daily
           where ruleset is distinct from '2012' or is_retrospective <> (obs_date < ?)""",
        [published_from],
    ).fetchone()[0]
    assert stations == 0


def test_a_clean_2013_day_with_co_missing_stays_a_valid_good_day(beijing_before_2016):
    """CO is missing for most of December 2013 at two of the three stations: the city CO is then invalid
    (under 75 % of the stations), and under HJ 633-2012 the AQI of the other items is still published."""
    conn = beijing_before_2016
    partial = conn.execute(
        """select count(*) filter (where is_good_day), count(*) filter (where not is_good_day)
           from marts.fct_air_quality_daily
           where year(obs_date) = 2013 and missing_items like '%co%' and dq_aqi_from_partial_items"""
    ).fetchone()
    assert partial[0] >= 1 and partial[1] >= 1


def test_the_december_2015_red_alerts_show_as_severe_pm25_pollution(beijing_before_2016):
    conn = beijing_before_2016
    worst = conn.execute(
        """select obs_date, aqi_category, primary_pollutants from marts.fct_air_quality_daily
           where year(obs_date) = 2015 and month(obs_date) = 12 order by aqi desc nulls last limit 1"""
    ).fetchone()
    assert worst[1] == "严重污染" and worst[2] == "pm25"
