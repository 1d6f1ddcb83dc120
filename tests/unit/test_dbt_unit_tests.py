"""The dbt unit tests (AQI worked example, water classifier, … — `unit_tests:` in the model YAMLs).

The nightly refresh leaves them out (they test rule logic, not data); here they run against a copy of
the session's sample build database, whose tables give the models' column types. A copy, because dbt opens
its database for writing and other tests of this worker hold read-only connections to the original.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from dagster_project.settings import DBT_PROJECT_DIR
from tests.pipeline import dbt_parse_env


def test_every_dbt_unit_test_passes(sample_build, tmp_path):
    (tmp_path / "build").mkdir()
    shutil.copy2(sample_build / "build" / "warehouse.duckdb", tmp_path / "build" / "warehouse.duckdb")
    dbt = Path(sys.executable).parent / "dbt"
    result = subprocess.run(
        [
            str(dbt),
            "test",
            "--select",
            "test_type:unit",
            "--profiles-dir",
            ".",
        ],
        cwd=DBT_PROJECT_DIR,
        # the data dir through the session's fixed path: dbt keeps its partial parse (tests/pipeline.py)
        env={
            **os.environ,
            **dbt_parse_env(tmp_path),
            "WAREHOUSE_DATA_DIR": str(tmp_path),
            "DO_NOT_TRACK": "1",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-5000:]
    passed = re.search(r"PASS=(\d+)", result.stdout)
    assert passed and int(passed.group(1)) >= 30, result.stdout[-2000:]
