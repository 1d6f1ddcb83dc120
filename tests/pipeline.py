"""Run the real refresh job in-process against a chosen inbox and data dir."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from dagster_project.alerts import alert_on_failure
from dagster_project.definitions import defs
from dagster_project.settings import REPO_ROOT

__all__ = ["REPO_ROOT", "run_refresh", "warehouse_env"]


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


def run_refresh(raw_dir: Path, data_dir: Path, instance: dg.DagsterInstance | None = None, **extra: str):
    """The nightly job, in-process; the result says which steps and checks passed."""
    with warehouse_env(raw_dir, data_dir, **extra):
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
