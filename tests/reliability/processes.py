"""The refresh as operators run it: a separate `dagster job execute` process (so it can be killed)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from dagster_project.settings import REPO_ROOT
from tests.pipeline import dbt_parse_env

# These tests read the warehouse's files, never Dagster's run history: the run's events stay in memory.
# Written to SQLite, the ~2,000 events of a refresh (a planned materialization or check per asset, then
# the results) cost each of the crash tests' eight processes about 13 s.
EVENTS_IN_MEMORY = """
event_log_storage:
  module: dagster._core.storage.event_log
  class: InMemoryEventLogStorage
"""


def refresh_env(inbox: Path, data: Path, dagster_home: Path, **extra: str) -> dict[str, str]:
    """The environment of a refresh process: the operators' dagster.yaml, with the events kept in memory."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    (dagster_home / "dagster.yaml").write_text((REPO_ROOT / "dagster.yaml").read_text() + EVENTS_IN_MEMORY)
    env = {key: value for key, value in os.environ.items() if not key.startswith("WAREHOUSE_")}
    return {
        **env,
        "WAREHOUSE_RAW_DIR": str(inbox),
        "WAREHOUSE_DATA_DIR": str(data),
        "DAGSTER_HOME": str(dagster_home),
        **dbt_parse_env(data),
        **extra,
    }


def start_refresh(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dagster",
            "job",
            "execute",
            "-m",
            "dagster_project.definitions",
            "-j",
            "warehouse_refresh",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def run_refresh_process(env: dict[str, str], timeout: float = 600) -> tuple[int, str]:
    process = start_refresh(env)
    output, _ = process.communicate(timeout=timeout)
    return process.returncode, output.decode("utf-8", "replace")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
