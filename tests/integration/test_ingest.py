"""The generic ingest on small generated inboxes (no Dagster): rejects, versions, idempotency."""

from datetime import date

import duckdb
import pytest

from dagster_project.ingest.loader import ingest_source
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.settings import REFERENCE_SEEDS_DIR
from tests.inboxes import STATIONS, hourly_rows, write_submission

REGISTRY = load_registry()
UNITS = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv")
DISTRICTS = DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")


def ingest(conn, inbox, *sources, batch="b1"):
    return {
        s: ingest_source(
            conn, REGISTRY[s], inbox, batch, UNITS, DISTRICTS, b"test-key", today=date(2023, 12, 5)
        )
        for s in sources
    }


@pytest.fixture
def conn(tmp_path):
    connection = duckdb.connect(str(tmp_path / "build.duckdb"))
    yield connection
    connection.close()


def test_bad_cells_and_unknown_stations_are_rejected_with_their_place_and_the_rest_loads(tmp_path, conn):
    rows = hourly_rows(2023, 1, 1, stations=STATIONS[:1])
    rows[3]["pm25"] = -999
    rows[4]["so2"] = "abc"
    rows.append({**rows[0], "station_code": "ZZ99", "station_name": "无名站"})
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(
        tmp_path, "air_hourly", "小时数据_202301.xlsx", rows, title="XX市国控站点小时数据（2023年01月）"
    )

    report = ingest(conn, tmp_path, "air_stations", "air_hourly")["air_hourly"]

    found = {(r.row_number, r.column_name, r.scope) for r in report.rejects}
    # title in row 1, header in row 2: rows[i] is spreadsheet row i + 3
    assert found == {(6, "pm25", "cell"), (7, "so2", "cell"), (27, "station_code", "row")}
    unknown = next(r for r in report.rejects if r.column_name == "station_code")
    assert "ZZ99" in unknown.reason and "无名站" in unknown.reason and unknown.sheet == "小时数据"
    assert report.rows_loaded == 24
    assert conn.execute("select count(*) from raw.air_hourly where pm25 is null").fetchone()[0] == 1
    assert conn.execute("select count(*) from raw._rejects").fetchone()[0] == 3


def test_loading_the_same_inbox_twice_changes_nothing(tmp_path, conn):
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(tmp_path, "air_hourly", "小时数据_202301.xlsx", hourly_rows(2023, 1, 2))
    ingest(conn, tmp_path, "air_stations", "air_hourly")
    before = conn.execute(
        "select * exclude (_loaded_at, _load_batch) from raw.air_hourly order by all"
    ).fetchall()

    again = ingest(conn, tmp_path, "air_stations", "air_hourly", batch="b2")["air_hourly"]

    assert again.files_loaded == [] and len(again.files_skipped) == 1
    assert (
        conn.execute("select * exclude (_loaded_at, _load_batch) from raw.air_hourly order by all").fetchall()
        == before
    )


def test_the_newest_version_wins_whatever_the_load_order(tmp_path, conn):
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(tmp_path, "air_hourly", "小时数据_202301_v2.xlsx", hourly_rows(2023, 1, 1, pm25=50))
    ingest(conn, tmp_path, "air_stations", "air_hourly")
    write_submission(tmp_path, "air_hourly", "小时数据_202301.xlsx", hourly_rows(2023, 1, 1, pm25=10))

    report = ingest(conn, tmp_path, "air_hourly", batch="b2")["air_hourly"]

    assert report.files_superseded == ["air/hourly/小时数据_202301.xlsx"]
    assert conn.execute("select distinct pm25 from raw.air_hourly").fetchall() == [(50.0,)]


def test_two_different_files_with_the_same_identity_and_version_are_both_refused(tmp_path, conn):
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(tmp_path, "air_hourly", "小时数据_202301.xlsx", hourly_rows(2023, 1, 1, pm25=50))
    write_submission(
        tmp_path, "air_hourly", "空气小时数据（2023年1月）.xlsx", hourly_rows(2023, 1, 1, pm25=10)
    )

    report = ingest(conn, tmp_path, "air_stations", "air_hourly")["air_hourly"]

    assert len(report.files_failed) == 2 and report.rows_loaded == 0
    assert all("version" in r.reason for r in report.rejects)


def test_a_source_with_no_submissions_gets_an_empty_table_with_all_its_columns(tmp_path, conn):
    ingest(conn, tmp_path, "air_key_enterprises")
    columns = [r[0] for r in conn.execute("describe raw.air_key_enterprises").fetchall()]
    assert conn.execute("select count(*) from raw.air_key_enterprises").fetchone()[0] == 0
    assert {"enterprise_code", "so2_t", "so2_t_unit", "so2_t_qualifier", "_file_sha256", "_loaded_at"} <= set(
        columns
    )


def test_the_file_identity_is_written_typed_on_every_row_and_file(tmp_path, conn):
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(
        tmp_path, "air_hourly", "小时数据_2023年2月.csv", hourly_rows(2023, 2, 1), csv_encoding="gbk"
    )
    ingest(conn, tmp_path, "air_stations", "air_hourly")

    lineage = conn.execute(
        "select distinct _period_month, _period_year, _district, typeof(_period_month) from raw.air_hourly"
    ).fetchall()
    assert lineage == [(date(2023, 2, 1), 2023, None, "DATE")]
    assert conn.execute(
        "select period_month, period_year from raw._files where source = 'air_hourly'"
    ).fetchall() == [(date(2023, 2, 1), 2023)]
    register = conn.execute("select distinct _period_month, _period_year from raw.air_stations").fetchall()
    assert register == [(None, None)]


def test_rows_loaded_before_the_typed_identity_existed_are_typed_from_their_key(tmp_path, conn):
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(tmp_path, "air_hourly", "小时数据_202301.xlsx", hourly_rows(2023, 1, 1))
    ingest(conn, tmp_path, "air_stations", "air_hourly")
    for table, prefix in (("raw.air_hourly", "_"), ("raw._files", "")):
        conn.execute(
            f"alter table {table} drop column {prefix}period_month; alter table {table} drop column "
            f"{prefix}period_year; alter table {table} drop column {prefix}district"
        )

    ingest(conn, tmp_path, "air_hourly", batch="b2")

    assert conn.execute("select distinct _period_month from raw.air_hourly").fetchall() == [
        (date(2023, 1, 1),)
    ]
    assert conn.execute("select period_month from raw._files where source = 'air_hourly'").fetchall() == [
        (date(2023, 1, 1),)
    ]


@pytest.mark.parametrize(("suffix", "csv_encoding"), [("csv", "utf-8"), ("xlsx", None)])
def test_a_cell_reads_the_same_whether_sql_or_the_per_cell_parser_types_it(
    tmp_path, conn, suffix, csv_encoding
):
    rows = hourly_rows(2023, 1, 2, stations=STATIONS[:1])
    name = rows[0]["station_name"]
    rows[5] = {**rows[5], "station_name": f" {name}  ", "pm25": "４０", "so2": " 8 "}
    rows[6] = {**rows[6], "station_name": "Jinghu  Station", "pm25": "40.0"}
    rows[7] = {**rows[7], "station_name": "Jinghu Station"}
    rows.insert(9, dict.fromkeys(rows[0], " \u3000"))  # only spaces: a blank row, as a clerk sees it
    write_submission(tmp_path, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(tmp_path, "air_hourly", f"小时数据_202301.{suffix}", rows, csv_encoding=csv_encoding)

    report = ingest(conn, tmp_path, "air_stations", "air_hourly")["air_hourly"]

    assert report.rejects == [] and report.rows_loaded == 48
    by_row = dict(conn.execute("select _row_number, station_name from raw.air_hourly").fetchall())
    first = min(by_row)
    assert [by_row[first + i] for i in (5, 6, 7)] == [name, "Jinghu Station", "Jinghu Station"]
    assert first + 9 not in by_row
    assert conn.execute(
        "select distinct pm25, so2 from raw.air_hourly where _row_number = ?", [first + 5]
    ).fetchall() == [(40.0, 8.0)]
