"""Run the real refresh job in-process against a chosen inbox and data dir."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import dagster as dg

from dagster_project.alerts import alert_on_failure
from dagster_project.definitions import defs
from dagster_project.settings import REPO_ROOT

__all__ = ["REPO_ROOT", "dbt_parse_env", "run_refresh", "warehouse_env"]


@contextmanager
def warehouse_env(raw_dir: Path, data_dir: Path, **extra: str):
    """Point the settings (and so Dagster and dbt) at another inbox and data dir for a while."""
    values = {"WAREHOUSE_RAW_DIR": str(raw_dir), "WAREHOUSE_DATA_DIR": str(data_dir), **extra}
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@cache
def _dbt_dir() -> Path:
    """This process's fixed path for dbt's view of the data dir, and its dbt target dirs."""
    directory = Path(tempfile.mkdtemp(prefix="warehouse-tests-dbt-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return directory


def dbt_parse_env(data_dir: Path) -> dict[str, str]:
    """Environment for the next refresh's dbt: the same database path for every refresh of this process,
    and the partial-parse file of the last one.

    dbt parses the whole project again (a minute) whenever the database path in its profile changes, and
    every test refresh has its own data dir: dbt reaches it through one fixed symlink (dbt/profiles.yml,
    WAREHOUSE_DBT_DATA_DIR). dagster-dbt gives each dbt run its own folder under DBT_TARGET_PATH and starts
    it from DBT_TARGET_PATH/partial_parse.msgpack: the newest run's, whose folders are then removed.
    """
    link, target = _dbt_dir() / "data", _dbt_dir() / "target"
    target.mkdir(exist_ok=True)
    parsed = sorted(target.glob("*/partial_parse.msgpack"), key=lambda path: path.stat().st_mtime)
    if parsed:
        shutil.copyfile(parsed[-1], target / "partial_parse.msgpack")
    for finished_run in (path for path in target.iterdir() if path.is_dir()):
        shutil.rmtree(finished_run)
    link.unlink(missing_ok=True)
    link.symlink_to(Path(data_dir).resolve(), target_is_directory=True)
    return {"WAREHOUSE_DBT_DATA_DIR": str(link), "DBT_TARGET_PATH": str(target)}


def run_refresh(raw_dir: Path, data_dir: Path, instance: dg.DagsterInstance | None = None, **extra: str):
    """The nightly job, in-process; the result says which steps and checks passed."""
    with warehouse_env(raw_dir, data_dir, **dbt_parse_env(data_dir), **extra):
        job = defs.resolve_job_def("warehouse_refresh")
        return job.execute_in_process(
            instance=instance or dg.DagsterInstance.ephemeral(), raise_on_error=False
        )


def run_checks_and_publish(raw_dir: Path, data_dir: Path, asset_key: list[str]):
    """Only the GX checks of one table and the publish step (with the nightly job's alert hook), on a built
    warehouse."""
    key = dg.AssetKey(asset_key)
    gx_checks = [
        check_key
        for check_key in defs.resolve_asset_graph().asset_check_keys
        if check_key.asset_key == key and check_key.name.startswith("gx_")
    ]
    job = dg.define_asset_job(
        "checks_then_publish",
        selection=dg.AssetSelection.checks(*gx_checks)
        | dg.AssetSelection.assets(dg.AssetKey(["published", "warehouse"])),
        hooks={alert_on_failure},
    )
    with warehouse_env(raw_dir, data_dir):
        merged = dg.Definitions.merge(defs, dg.Definitions(jobs=[job]))
        return merged.resolve_job_def("checks_then_publish").execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False
        )


def check_evaluations(result) -> dict[str, tuple[bool, str]]:
    """check name → (passed, severity) for every asset check evaluated in the run."""
    evaluations = {}
    for event in result.get_asset_check_evaluations():
        evaluations[event.check_name] = (event.passed, event.severity.value)
    return evaluations
