"""Alerts for the unwatched nightly run: what failed, and where to look.

Every failed step of a refresh (a load that crashed, dbt, a blocking check, publishing) writes one JSON
alert to data/alerts/ and one log line. The notifier is pluggable: `WAREHOUSE_ALERT_NOTIFIER=module:function`
names a callable taking the alert dict (mail, IM webhook, …); the file and log line are always written.

Two things raise them. The failure hook runs inside the run, so a CLI run (`make run`) alerts without a
daemon. The run-failure sensor runs in the daemon after a run has failed, so it also sees what no hook can:
a run worker that died or was stopped for exceeding its maximum runtime. The alert files are the record of
what was raised: the sensor alerts only the steps of a run that have no alert yet, so a step is never
alerted twice, whichever of the two saw it first.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
from datetime import UTC, datetime

import dagster as dg

from .privacy import mask_text
from .settings import Settings

log = logging.getLogger("warehouse.alerts")

# the alert of a run that failed outside any step (its worker died, or it ran past its maximum runtime)
RUN_STEP = "run"


def _notifier():
    target = os.environ.get("WAREHOUSE_ALERT_NOTIFIER")
    if not target:
        return None
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def raise_alert(run_id: str, step: str, summary: str, where_to_look: str) -> dict:
    settings = Settings.from_env()
    alert = {
        "raised_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "run_id": run_id,
        "failed_step": step,
        "summary": mask_text(summary),
        "where_to_look": where_to_look,
        "published_snapshot": str(settings.published_db),
    }
    folder = settings.data_dir / "alerts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{alert['raised_at'].replace(':', '')}-{run_id[:8]}-{step}.json"
    path.write_text(json.dumps(alert, ensure_ascii=False, indent=2), encoding="utf-8")
    log.error(
        "WAREHOUSE ALERT %s: %s — look at %s (alert file %s)", step, alert["summary"], where_to_look, path
    )
    notifier = _notifier()
    if notifier is not None:
        notifier(alert)
    return alert


def _where_to_look(step: str, data_dir) -> str:
    if step.startswith("raw__"):
        return f"the Dagster run log of step {step} and {data_dir / 'rejects'}"
    if step.startswith("gx_"):
        return (
            f"the asset check {step} in the Dagster UI (metadata 'failures') and expectations/{step[3:]}.json"
        )
    if "dbt" in step:
        return "the dbt output in the Dagster run log (failing model or test), dbt/target/run_results.json"
    return f"the Dagster run log of step {step}"


def alerted_steps(run_id: str) -> set[str]:
    """The steps of a run that already have an alert file."""
    folder = Settings.from_env().data_dir / "alerts"
    alerts = (json.loads(path.read_text(encoding="utf-8")) for path in folder.glob(f"*-{run_id[:8]}-*.json"))
    return {alert["failed_step"] for alert in alerts if alert["run_id"] == run_id}


def raise_step_alert(run_id: str, step: str, error_name: str | None, error_message: str | None) -> dict:
    """The alert of one failed step: which step, the error it raised, and where to look."""
    return raise_alert(
        run_id=run_id,
        step=step,
        summary=f"step {step} failed: {error_name}: {error_message}" if error_name else f"step {step} failed",
        where_to_look=_where_to_look(step, Settings.from_env().data_dir),
    )


@dg.failure_hook(name="alert_on_failure")
def alert_on_failure(context: dg.HookContext) -> None:
    error = context.op_exception
    raise_step_alert(
        context.run_id,
        context.step_key,
        type(error).__name__ if error else None,
        str(error) if error else None,
    )


def _user_error(error):
    """The error the step's own code raised (a serialised error info), under Dagster's wrappers."""
    while error is not None and error.cause is not None and error.cls_name.startswith("Dagster"):
        error = error.cause
    return error


@dg.run_failure_sensor(
    name="alert_on_run_failure",
    description="夜间无人值守：运行失败后（含运行进程中止、超过最长运行时间）写告警；失败钩子已告警的步骤不重复。",
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def alert_on_run_failure(context: dg.RunFailureSensorContext) -> None:
    run_id = context.dagster_run.run_id
    already_alerted = alerted_steps(run_id)
    step_failures = context.get_step_failure_events()
    for event in step_failures:
        if event.step_key in already_alerted:
            continue
        error = _user_error(event.step_failure_data.error)
        message = error.message.strip().removeprefix(f"{error.cls_name}: ") if error else None
        raise_step_alert(run_id, event.step_key, error.cls_name if error else None, message)
    if not step_failures and RUN_STEP not in already_alerted:
        raise_alert(
            run_id=run_id,
            step=RUN_STEP,
            summary=f"run {run_id} of {context.dagster_run.job_name} failed: {context.failure_event.message}",
            where_to_look=f"the Dagster run log of run {run_id} (UI: Runs) and the log of dagster-daemon",
        )
