"""A corrected resubmission replaces the earlier file: the figure moves by exactly the added row."""

import shutil
from datetime import date

import duckdb
import pytest

from tests.inboxes import enforcement_rows, write_submission
from tests.pipeline import run_refresh

VERIFIED_2023 = "SELECT sum(enterprises_verified_month) FROM marts.fct_air_enforcement WHERE year = 2023"
PUNISHED_2023_01 = (
    "SELECT sum(vehicles_punished_cumulative) FROM marts.fct_air_enforcement WHERE year = 2023 AND month = 1"
)


def _published(data_dir, sql):
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def resubmitted(small_air_build, tmp_path_factory):
    """One refresh after two corrections of the small air inbox: the January enforcement form resubmitted
    with one more district row, and the vehicle-penalty register with one more case. Returns the data dir
    and the two figures before the refresh."""
    root = tmp_path_factory.mktemp("resubmitted")
    shutil.copytree(small_air_build, root, dirs_exist_ok=True)
    inbox, data = root / "inbox", root / "data"
    before = {
        VERIFIED_2023: _published(data, VERIFIED_2023),
        PUNISHED_2023_01: _published(data, PUNISHED_2023_01),
    }
    rows = enforcement_rows(
        {"enterprises_verified": 10, "inspection_staff_times": 20, "vehicles_blacklisted": 3}
    )
    rows.append({"district": "南陵县", "enterprises_verified_month": 7, "enterprises_verified_ytd": 7})
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301_报送20230210.xlsx",
        rows,
        title="XX市大气污染防治执法工作月报表（2023年1月）",
        with_total=True,
    )
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as conn:
        cases = conn.execute(
            "SELECT case_code, district, punished_on FROM raw.air_vehicle_penalties ORDER BY case_code"
        ).fetchall()
    register = [{"case_code": c, "district": d, "punished_on": p} for c, d, p in cases]
    register.append({"case_code": "C999", "district": "鸠江区", "punished_on": date(2023, 1, 20)})
    write_submission(inbox, "air_vehicle_penalties", "超标排放机动车查处台账_20230215.xlsx", register)
    assert run_refresh(inbox, data).success
    return data, before


def test_resubmitted_form_with_one_more_district_row_adds_exactly_that_row(resubmitted):
    data, before = resubmitted
    assert _published(data, VERIFIED_2023) == before[VERIFIED_2023] + 7
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as conn:
        revisions = conn.execute(
            "SELECT area, old_value, new_value, files_loaded FROM ops.figure_revisions "
            "WHERE indicator_code = 'air.enterprises_verified' AND year = 2023 AND end_month = 1 "
            "ORDER BY area"
        ).fetchall()
    assert [(area, new - old) for area, old, new, _ in revisions if old is not None] == [("城市", 7)]
    assert all("执法月报_202301_报送20230210.xlsx" in files for *_, files in revisions)


def test_a_small_inbox_with_two_districts_reporting_is_provisional(small_air_build):
    """The registry expects every district's form each month: two of eight is not a complete figure."""
    with duckdb.connect(str(small_air_build / "data" / "warehouse.duckdb"), read_only=True) as conn:
        complete, missing = conn.execute(
            "SELECT is_complete, missing_submissions FROM indicators.fct_indicator_values "
            "WHERE indicator_code = 'air.enterprises_verified' AND area = '城市' "
            "AND year = 2023 AND end_month = 1"
        ).fetchone()
        received = conn.execute(
            "SELECT count(*) FILTER (WHERE is_received), count(*) "
            "FROM indicators.fct_submission_completeness "
            "WHERE source = 'air_enforcement' AND year = 2023 AND month = 1"
        ).fetchone()
    assert received == (2, 8)
    assert complete is False
    assert "air_enforcement:南陵县:2023-01" in missing
    report = (small_air_build / "data" / "reports" / "2023-01" / "report.md").read_text(encoding="utf-8")
    assert "（暂定）" in report


def test_resubmitted_register_with_one_more_case_adds_exactly_one(resubmitted):
    data, before = resubmitted
    assert _published(data, PUNISHED_2023_01) == before[PUNISHED_2023_01] + 1


def test_an_older_version_never_replaces_a_newer_one(small_air_build, tmp_path):
    shutil.copytree(small_air_build, tmp_path, dirs_exist_ok=True)
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    title = "XX市大气污染防治执法工作月报表（2023年1月）"
    newer = enforcement_rows({"enterprises_verified": 11})
    write_submission(
        inbox, "air_enforcement", "执法月报_202301_报送20230210.xlsx", newer, title=title, with_total=True
    )
    assert run_refresh(inbox, data).success
    assert _published(data, VERIFIED_2023) == 22

    older = enforcement_rows({"enterprises_verified": 999})
    write_submission(
        inbox, "air_enforcement", "执法月报_202301_报送20230205.xlsx", older, title=title, with_total=True
    )
    assert run_refresh(inbox, data).success
    assert _published(data, VERIFIED_2023) == 22
