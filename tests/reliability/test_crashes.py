"""SIGKILL the refresh at a named point of every stage: the analysts' snapshot always opens and equals
the last good one, and the next run completes normally."""

import shutil
import signal

import duckdb
import pytest

from dagster_project.faults import CRASH_POINTS
from tests.inboxes import enforcement_rows, write_submission
from tests.reliability.processes import file_digest, refresh_env, run_refresh_process

VERIFIED = "select sum(enterprises_verified_month) from marts.fct_air_enforcement where year = 2023"


@pytest.fixture(scope="module")
def crashed(small_air_build, tmp_path_factory):
    """A good baseline, then a resubmission and one killed refresh per crash point, then a normal one."""
    root = tmp_path_factory.mktemp("crashes")
    shutil.copytree(small_air_build, root, dirs_exist_ok=True)
    inbox, data = root / "inbox", root / "data"
    published = data / "warehouse.duckdb"
    baseline = file_digest(published)
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301_报送20230210.xlsx",
        enforcement_rows({"enterprises_verified": 50}),
        title="XX市大气污染防治执法工作月报表（2023年1月）",
    )
    outcomes = {}
    for point in CRASH_POINTS:
        code, output = run_refresh_process(refresh_env(inbox, data, root / "home", WAREHOUSE_CRASH_AT=point))
        with duckdb.connect(str(published), read_only=True) as conn:
            verified = conn.execute(VERIFIED).fetchone()[0]
        outcomes[point] = (code, file_digest(published), verified, output)
    final_code, final_output = run_refresh_process(refresh_env(inbox, data, root / "home"))
    return baseline, outcomes, final_code, final_output, published


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_killed_refresh_leaves_the_last_good_snapshot(crashed, point):
    baseline, outcomes, *_ = crashed
    code, digest, verified, output = outcomes[point]
    assert code == -signal.SIGKILL, output[-3000:]
    assert digest == baseline
    assert verified == 20


def test_the_next_refresh_after_the_crashes_completes_and_publishes(crashed, tmp_path):
    baseline, _, final_code, final_output, published = crashed
    assert final_code == 0, final_output[-3000:]
    assert file_digest(published) != baseline
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute(VERIFIED).fetchone()[0] == 100
