"""What the CLI accepts as a period, a month, an area or an indicator code, and how it refuses the rest.

No warehouse: districts come from the seed, the catalogue from the seed CSV, and the commands run
against an empty data dir.
"""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.cli import CliError, Period, main, parse_month, parse_period, parse_year, resolve_area
from dagster_project.ingest.normalise import DistrictTable
from dagster_project.report.catalogue import closest_codes, load_catalogue
from dagster_project.report.explain import Column, as_change, as_published, label_columns
from dagster_project.settings import REFERENCE_SEEDS_DIR


@pytest.fixture(scope="module")
def districts() -> DistrictTable:
    return DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")


@pytest.fixture(scope="module")
def catalogue():
    with duckdb.connect() as conn:
        conn.execute("CREATE SCHEMA reference")
        conn.execute(
            "CREATE TABLE reference.indicators AS SELECT * FROM read_csv(?, header = true)",
            [str(REFERENCE_SEEDS_DIR / "indicators.csv")],
        )
        return load_catalogue(conn)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11", (2023, 11)),
        ("2023/11", (2023, 11)),
        ("202311", (2023, 11)),
        ("2023年11月", (2023, 11)),
        ("2023-1", (2023, 1)),
        ("202301", (2023, 1)),
        ("2023年1月", (2023, 1)),
        ("2023年11", (2023, 11)),
        ("2023.11", (2023, 11)),
        (" 2023 - 11 ", (2023, 11)),
        ("２０２３／１１", (2023, 11)),  # full-width, as typed with a Chinese input method
        ("2023年1–11月", (2023, 11)),  # the period as the CLI prints it
        ("2023年1-11月", (2023, 11)),
    ],
)
def test_every_spelling_of_a_period_reads_as_january_to_that_month(text, expected):
    assert parse_period(text) == Period(*expected)


@pytest.mark.parametrize(
    "text", ["2023-13", "2023/13", "202313", "2023年13月", "2023-00", "202300", "2023年0月"]
)
def test_a_month_outside_1_to_12_is_refused_as_such(text):
    with pytest.raises(CliError, match="1–12"):
        parse_period(text)


@pytest.mark.parametrize(
    "text", ["", "2023", "23-11", "2023-11-05", "2023/11x", "11/2023", "2023年2–11月", "二〇二三年十一月"]
)
def test_an_unreadable_period_is_refused_with_the_accepted_forms(text):
    with pytest.raises(CliError, match="unrecognised period") as refused:
        parse_period(text)
    assert "2023/11" in str(refused.value) and "2023年11月" in str(refused.value)


def test_a_period_prints_as_the_bureau_writes_it():
    assert str(Period(2023, 1)) == "2023-01" and Period(2023, 11).label == "2023年1–11月"


@pytest.mark.parametrize(("text", "expected"), [("11", 11), ("1", 1), ("11月", 11), ("１２", 12)])
def test_a_last_month_is_read_from_number_or_chinese(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize(("text", "reason"), [("13", "1–12"), ("0", "1–12"), ("eleven", "not a month")])
def test_a_last_month_outside_1_to_12_or_not_a_number_is_refused(text, reason):
    with pytest.raises(CliError, match=reason):
        parse_month(text)


def test_a_year_must_have_four_digits():
    assert parse_year("2023") == 2023 and parse_year("2023年") == 2023
    with pytest.raises(CliError, match="not a year"):
        parse_year("23")


@pytest.mark.parametrize("text", ["城市", "全市", "XX市", " 全市 "])
def test_the_city_is_found_under_each_of_its_names(text, districts):
    assert resolve_area(text, districts) == "城市"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("镜湖区", "镜湖区"),
        ("镜湖", "镜湖区"),
        ("三山区", "弋江区"),  # merged into 弋江区
        ("芜湖县", "湾沚区"),  # the old name
        ("繁昌县", "繁昌区"),
        ("无为", "无为市"),
        ("无为市", "无为市"),  # a county-level city keeps its 市
        ("经开区", "经济技术开发区"),
        ("XX市镜湖区", "镜湖区"),
        ("镜 湖 区", "镜湖区"),
    ],
)
def test_a_district_is_found_by_its_name_or_an_alias_from_the_seed(text, expected, districts):
    assert resolve_area(text, districts) == expected


@pytest.mark.parametrize("text", ["芜湖", "镜湖市", "合肥市", "city"])
def test_an_unknown_area_is_refused_with_the_known_ones(text, districts):
    with pytest.raises(CliError, match="unknown area") as refused:
        resolve_area(text, districts)
    assert all(name in str(refused.value) for name in districts.names)


def test_a_near_miss_area_suggests_the_district(districts):
    with pytest.raises(CliError, match="did you mean.*镜湖区"):
        resolve_area("镜湖县", districts)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("air.pm25", "air.pm25_mean"),
        ("pm25_mean", "air.pm25_mean"),
        ("air.pm25_maen", "air.pm25_mean"),
        ("water.nationl_good_ratio", "water.national_good_ratio"),
        ("优良天数", "air.good_days_ratio"),
    ],
)
def test_a_near_miss_code_suggests_the_closest_codes(text, first, catalogue):
    closest = closest_codes(text, catalogue)
    assert closest[0] == first and len(closest) <= 5


def test_a_code_like_nothing_in_the_catalogue_suggests_nothing(catalogue):
    assert closest_codes("zzzz.qqqq", catalogue) == []


def test_values_are_written_at_the_catalogues_decimals_with_their_unit(catalogue):
    assert as_published(31.3, catalogue["air.pm25_mean"]) == "31.3 微克/立方米"
    assert as_published(100.0, catalogue["water.national_good_ratio"]) == "100%"
    assert as_published(41.67, catalogue["forest.coverage_rate"]) == "41.67%"
    assert as_published(None, catalogue["air.pm25_mean"]) == "—"
    assert as_change(-2.8, "pct") == "-2.8%" and as_change(3.4, "pp") == "+3.4 个百分点"


def test_rows_sharing_a_period_are_labelled_by_the_column_that_tells_them_apart():
    columns = [
        Column("assessment_level", "VARCHAR", "考核级别（国考 / 省考 / 市控）"),
        Column("level_order", "INTEGER", None),
        Column("year", "INTEGER", "年份"),
        Column("end_month", "INTEGER", None),
        Column("period_end", "DATE", None),
        Column("good_ratio_pct", "DOUBLE", None),
    ]
    rows = [
        ("国考", 1, 2023, 11, None, 100.0),
        ("省考", 2, 2023, 11, None, 100.0),
        ("市控", 3, 2023, 11, None, 20.0),
    ]
    assert label_columns(columns, rows, fixed=[2, 3]) == [0, 2, 3]
    assert label_columns(columns, rows[:1], fixed=[2, 3]) == [2, 3]
    assert columns[0].label == "考核级别 assessment_level" and columns[3].label == "end_month"


@pytest.fixture
def no_warehouse(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("WAREHOUSE_DATA_DIR", str(data_dir))
    return data_dir


@pytest.mark.parametrize(
    "argv",
    [
        ["summary"],
        ["list"],
        ["explain", "air.pm25_mean", "--period", "2023-11"],
        ["report", "--year", "2023", "--through", "11"],
        ["reconcile", "figures.csv"],
    ],
)
def test_every_command_without_a_published_warehouse_says_so_and_writes_nothing(argv, no_warehouse, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "no published warehouse" in err and "make run" in err
    assert not no_warehouse.exists()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["report", "--year", "2023", "--through", "13"], "month must be 1–12"),
        (["report", "--year", "2023"], "required: --through"),
        (["explain", "air.pm25_mean", "--period", "2023-13"], "month must be 1–12"),
        (["explain", "air.pm25_mean", "--period", "2023/13/1"], "unrecognised period"),
        (["explain"], "required: indicator"),
        (["nonsense"], "invalid choice"),
    ],
)
def test_bad_arguments_get_one_clear_message_and_exit_code_2(argv, says, no_warehouse, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert says in captured.err and "usage:" in captured.err and "Traceback" not in captured.err
    assert captured.out == "" and not no_warehouse.exists()
