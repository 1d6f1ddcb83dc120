"""Alerts for the unwatched nightly run: what failed, and where to look.

Every failed step of a refresh (a load that crashed, dbt, a blocking check, publishing) writes one JSON
alert to data/alerts/ and one log line. The notifier is pluggable: `WAREHOUSE_ALERT_NOTIFIER=module:function`
names a callable taking the alert dict (mail, IM webhook, …); the file and log line are always written.
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


@dg.failure_hook(name="alert_on_failure")
def alert_on_failure(context: dg.HookContext) -> None:
    error = context.op_exception
    raise_alert(
        run_id=context.run_id,
        step=context.step_key,
        summary=f"step {context.step_key} failed: {type(error).__name__}: {error}"
        if error
        else f"step {context.step_key} failed",
        where_to_look=_where_to_look(context.step_key, Settings.from_env().data_dir),
    )
