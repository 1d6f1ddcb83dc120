"""Every water figure of the 2023 report, regenerated from the raw submissions and read through the
indicator layer (catalogue → fct_water_area_period → fct_indicator_values → rpt_scorecard), matched
by the reconciliation's rules (periods: '2023-01..2023-10' = January to October; '2023' = January to the
latest month, 11)."""

from types import SimpleNamespace

import pytest

from dagster_project.report.catalogue import load_catalogue
from dagster_project.report.charts import water_classes_by_section
from dagster_project.report.reconcile import reconcile_figure
from tests.figures.figure_table import figures


@pytest.fixture(scope="module")
def catalogue(warehouse):
    return load_catalogue(warehouse)


def test_every_water_figure_has_a_catalogued_source(catalogue):
    for row in figures("water"):
        indicator = catalogue[row["code"]]
        assert indicator.source_mart and indicator.source_column and indicator.sources, row["code"]
        assert indicator.formula_zh and indicator.sentence_zh, row["code"]


def test_every_water_figure_is_fed(warehouse, catalogue):
    figure_codes = {row["code"] for row in figures("water")}
    catalogued = {code for code, indicator in catalogue.items() if indicator.domain == "water"}
    fed = {
        code
        for (code,) in warehouse.execute(
            "SELECT DISTINCT indicator_code FROM indicators.fct_indicator_values WHERE domain = ?",
            ["water"],
        ).fetchall()
    }
    assert figure_codes == catalogued == fed


@pytest.mark.parametrize("figure", figures("water"), ids=lambda row: row["code"])
def test_water_figure_is_regenerated(warehouse, catalogue, figure):
    outcome = reconcile_figure(warehouse, catalogue, figure)
    assert outcome.status == "match", outcome.line()


def test_every_water_indicator_has_last_years_period_for_yoy(warehouse, catalogue):
    """2022 rows exist for every indicator, so the scorecard can state a 同比 for the same months."""
    missing = warehouse.execute(
        """SELECT indicator_code FROM indicators.rpt_scorecard
            WHERE domain = 'water' AND area = '城市' AND year = 2023 AND end_month = 11
              AND value_last_year IS NULL"""
    ).fetchall()
    assert missing == []


def test_outfall_ratio_is_recomputed_from_summed_district_counts(warehouse):
    value, numerator, denominator = warehouse.execute(
        "SELECT value, numerator, denominator FROM indicators.fct_indicator_values "
        "WHERE indicator_code = 'water.outfall_remediation_ratio' AND area = '城市' AND year = 2023 "
        "AND end_month = 11"
    ).fetchone()
    remediated, outfalls = warehouse.execute(
        "SELECT sum(n_remediated), sum(n_outfalls) FROM marts.fct_outfall_remediation "
        "WHERE month_start = DATE '2023-11-01'"
    ).fetchone()
    assert (numerator, denominator) == (remediated, outfalls)
    assert value == pytest.approx(100.0 * remediated / outfalls)


def test_section_ratios_carry_their_counts(warehouse):
    rows = warehouse.execute(
        "SELECT indicator_code, value, numerator, denominator FROM indicators.fct_indicator_values "
        "WHERE indicator_code IN ('water.national_good_ratio', 'water.provincial_compliance_rate') "
        "AND area = '城市' AND year = 2023"
    ).fetchall()
    assert rows and all(den > 0 and value == pytest.approx(100.0 * num / den) for _, value, num, den in rows)


def test_district_rows_add_up_to_the_city(warehouse):
    mismatched = warehouse.execute(
        """SELECT c.indicator_code, c.year, c.end_month, c.value, sum(d.value)
           FROM indicators.fct_indicator_values AS c
           JOIN indicators.fct_indicator_values AS d
               ON d.indicator_code = c.indicator_code AND d.year = c.year AND d.end_month = c.end_month
               AND NOT d.is_city
           WHERE c.is_city AND c.domain = 'water' AND c.denominator IS NULL
           GROUP BY ALL
           HAVING abs(c.value - sum(d.value)) > 1e-6"""
    ).fetchall()
    assert mismatched == []


def test_capacity_added_by_month_agrees_with_the_yearly_mart(warehouse):
    """Expansions are counted by completion date up to each month end; at December that is the mart's year."""
    rows = warehouse.execute(
        """SELECT v.year, v.value, m.added
           FROM indicators.fct_indicator_values AS v
           JOIN (SELECT year, sum(capacity_added_by_expansions_t_per_day) AS added
                 FROM marts.fct_wastewater_plants GROUP BY year) AS m USING (year)
           WHERE v.indicator_code = 'water.wwtp_capacity_added' AND v.is_city AND v.end_month = 12"""
    ).fetchall()
    assert rows and all(value == added for _, value, added in rows)


def test_approximate_inputs_are_marked(warehouse):
    qualifiers = dict(
        warehouse.execute(
            "SELECT indicator_code, qualifier FROM indicators.fct_indicator_values "
            "WHERE indicator_code IN ('water.central_funds', 'water.sewer_new_km') "
            "AND area = '城市' AND year = 2023 AND end_month = 11"
        ).fetchall()
    )
    assert qualifiers == {"water.central_funds": "approx_inputs", "water.sewer_new_km": "approx_inputs"}


def test_section_counts_come_from_the_register_not_from_evaluations_alone(warehouse):
    """The report's section counts equal the register's, so no registered section went unevaluated."""
    rows = warehouse.execute(
        "SELECT assessment_level, n_sections_in_register, n_sections_evaluated "
        "FROM marts.fct_water_quality_summary "
        "WHERE year = 2023 AND end_month = 11 AND assessment_level IN ('国考', '省考')"
    ).fetchall()
    assert rows and all(register == evaluated for _, register, evaluated in rows)


def test_period_class_is_from_period_means_not_the_worst_month(warehouse):
    """A national section with one class IV month is class III over 1–10月 (period means, §2.2)."""
    worst_month = warehouse.execute(
        "SELECT max(class_no) FROM marts.fct_water_section_monthly "
        "WHERE is_national AND year = 2023 AND month <= 10"
    ).fetchone()[0]
    period_worst = warehouse.execute(
        "SELECT max(class_no) FROM marts.fct_water_section_period "
        "WHERE is_national AND year = 2023 AND end_month = 10"
    ).fetchone()[0]
    assert worst_month > 3 >= period_worst


def test_section_chart_has_one_bar_per_registered_section(warehouse):
    chart = water_classes_by_section(SimpleNamespace(conn=warehouse, year=2023, through=11))
    (n_sections,) = warehouse.execute("SELECT count(*) FROM raw.water_sections").fetchone()
    option = chart["option"]
    assert len(option["yAxis"]["data"]) == n_sections
    # one series per water-quality class; each section has its bar in exactly one of them
    by_section = zip(*(series["data"] for series in option["series"]), strict=True)
    assert all(sum(bar is not None for bar in bars) == 1 for bars in by_section)


def test_report_states_water_figures_in_the_bureaus_words(sample_build):
    text = (sample_build / "reports" / "2023-11" / "report.md").read_text(encoding="utf-8")
    for words in (
        "全市10个国考断面参与评价",
        "完成长江干流80％左右的入河排污口整治",
        "新建约243公里污水管网",
        "清淤疏通主城区856.15公里污水管网",
        "新增处理能力5万吨/日",
        "获得中央水污染防治资金近2.7亿元",
    ):
        assert words in text


def test_completeness_expects_only_who_must_submit(warehouse):
    """Township sources are not in the monthly form, revoked sources stop being due, and only the districts
    on the Yangtze main stem keep an outfall register: the sample's water figures are complete."""
    missing = warehouse.execute(
        "SELECT source, unit, year, month FROM indicators.fct_submission_completeness "
        "WHERE domain = 'water' AND NOT is_received"
    ).fetchall()
    assert missing == []
    outfall_units = {
        u
        for (u,) in warehouse.execute(
            "SELECT DISTINCT unit FROM indicators.fct_submission_completeness WHERE source = 'water_outfalls'"
        ).fetchall()
    }
    assert outfall_units == {"镜湖区", "鸠江区", "弋江区", "繁昌区", "无为市", "经济技术开发区"}
    due = dict(
        warehouse.execute(
            "SELECT unit, max(make_date(year, month, 1)) FROM indicators.fct_submission_completeness "
            "WHERE source = 'water_drinking_monthly' AND year = 2023 GROUP BY unit"
        ).fetchall()
    )
    assert not {"XZ01", "XZ02"} & set(due)
    assert (due["YS09"].month, due["YS10"].month, due["YS11"].month) == (
        4,
        6,
        9,
    )  # revoked 04-18, 06-30, 09-12
    assert due["YS01"].month == 11
    provisional = warehouse.execute(
        "SELECT count(*) FROM indicators.rpt_scorecard "
        "WHERE domain = 'water' AND area = '城市' AND year = 2023 AND end_month = 11 AND NOT is_complete"
    ).fetchone()[0]
    assert provisional == 0
