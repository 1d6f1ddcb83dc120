"""Every malformed submission of the corpus through the real ingest: the stated rejects, the valid rows
still load, nothing previously loaded is lost, and a whole-file failure never half-loads."""

from datetime import date

import duckdb
import pytest

from dagster_project.ingest.loader import ingest_source
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.settings import REFERENCE_SEEDS_DIR
from tests.inboxes import STATIONS, enforcement_rows, hourly_rows, write_submission
from tests.reliability.bad_submissions import CASES

REGISTRY = load_registry()
UNITS = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv")
DISTRICTS = DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")
PREVIOUS = ("air_stations", "air_hourly", "air_enforcement")


def _ingest(conn, inbox, source, batch):
    return ingest_source(
        conn, REGISTRY[source], inbox, batch, UNITS, DISTRICTS, b"test-key", today=date(2023, 12, 5)
    )


def _snapshot(conn):
    return {
        t: conn.execute(f"select * exclude (_loaded_at, _load_batch) from raw.{t} order by all").fetchall()
        for t in PREVIOUS
    }


def test_the_corpus_is_large_and_every_case_has_a_distinct_name():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_malformed_submission(case, tmp_path):
    inbox = tmp_path / "inbox"
    write_submission(inbox, "air_stations", "站点名录.xlsx", STATIONS)
    write_submission(inbox, "air_hourly", "小时数据_202301.xlsx", hourly_rows(2023, 1, 1))
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301.xlsx",
        enforcement_rows({"enterprises_verified": 2}),
        title="XX市大气污染防治执法工作月报表（2023年1月）",
    )
    conn = duckdb.connect(str(tmp_path / "build.duckdb"))
    for source in PREVIOUS:
        _ingest(conn, inbox, source, "previous")
    before = _snapshot(conn)

    case.write(inbox)
    report = _ingest(conn, inbox, case.source, "case")

    got = sorted((r.file_path, r.sheet, r.row_number, r.column_name) for r in report.rejects)
    assert got == sorted(expected[:4] for expected in case.rejects)
    for reject, expected in zip(
        sorted(report.rejects, key=lambda r: (r.file_path, r.row_number or 0, r.column_name or "")),
        sorted(case.rejects, key=lambda e: (e[0], e[2] or 0, e[3] or "")),
        strict=True,
    ):
        assert expected[4] in reject.reason, reject.reason
    stored = conn.execute(
        "select file_path, sheet, row_number, column_name, reason from raw._rejects where load_batch = 'case'"
    ).fetchall()
    assert sorted(r[:4] for r in stored) == got
    assert report.rows_loaded == case.rows_loaded

    after = _snapshot(conn)
    table = REGISTRY[case.source].raw_table
    if case.source in ("air_hourly", "air_enforcement"):
        assert all(row in after[table] for row in before[table])
    for other in PREVIOUS:
        if other != case.source:
            assert after[other] == before[other]
    for failed in report.files_failed:
        assert (
            conn.execute(f"select count(*) from raw.{table} where _file_path = ?", [failed]).fetchone()[0]
            == 0
        )
    conn.close()
