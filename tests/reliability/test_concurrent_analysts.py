"""Analysts query the published warehouse in a loop throughout a full refresh: zero errors, and the
refresh is not blocked."""

import json
import shutil
import subprocess
import sys
import time

import pytest

from tests.inboxes import enforcement_rows, write_submission
from tests.reliability.processes import file_digest, refresh_env, start_refresh

ANALYST = """
import json, sys, time, duckdb
path, stop_file, out, pause = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
queries = errors = 0
messages = []
import os
while not os.path.exists(stop_file):
    try:
        with duckdb.connect(path, read_only=True) as conn:
            conn.execute("select count(*), sum(aqi) from marts.fct_air_quality_daily").fetchall()
            conn.execute("select * from marts.fct_air_enforcement where year = 2023").fetchall()
        queries += 1
    except Exception as error:
        errors += 1
        messages.append(repr(error)[:300])
    time.sleep(pause)
json.dump({"queries": queries, "errors": errors, "messages": messages[:5]}, open(out, "w"))
"""
ANALYSTS = 3
# an analyst's next query a quarter second after the last: open sessions all through the refresh, without
# three busy loops taking the refresh's two cores
PAUSE_S = 0.25


@pytest.fixture(scope="module")
def refresh_under_load(small_air_build, tmp_path_factory):
    root = tmp_path_factory.mktemp("concurrency")
    shutil.copytree(small_air_build, root, dirs_exist_ok=True)
    inbox, data = root / "inbox", root / "data"
    before = file_digest(data / "warehouse.duckdb")
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301_报送20230210.xlsx",
        enforcement_rows({"enterprises_verified": 50}),
        title="XX市大气污染防治执法工作月报表（2023年1月）",
    )
    stop = root / "stop"
    analysts = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                ANALYST,
                str(data / "warehouse.duckdb"),
                str(stop),
                str(root / f"a{i}.json"),
                str(PAUSE_S),
            ]
        )
        for i in range(ANALYSTS)
    ]
    time.sleep(2)
    started = time.perf_counter()
    refresh = start_refresh(refresh_env(inbox, data, root / "home"))
    output = refresh.communicate(timeout=600)[0].decode("utf-8", "replace")
    elapsed = time.perf_counter() - started
    time.sleep(1)
    stop.touch()
    for analyst in analysts:
        analyst.wait(timeout=60)
    results = [json.loads((root / f"a{i}.json").read_text()) for i in range(ANALYSTS)]
    return refresh.returncode, output, elapsed, results, before, file_digest(data / "warehouse.duckdb")


def test_analysts_see_no_errors_during_a_refresh(refresh_under_load):
    *_, results, _, _ = refresh_under_load
    assert sum(r["errors"] for r in results) == 0, [r["messages"] for r in results]
    assert all(r["queries"] > 10 for r in results)


def test_the_refresh_is_not_blocked_by_open_analyst_sessions(refresh_under_load):
    code, output, elapsed, results, before, after = refresh_under_load
    assert code == 0, output[-3000:]
    assert after != before
    print(
        f"refresh {elapsed:.1f} s with {ANALYSTS} analysts "
        f"running {sum(r['queries'] for r in results)} queries"
    )
