"""The nightly refresh, its schedule, and the sensor that notices new or changed submissions."""

import dagster as dg

from .alerts import alert_on_failure
from .publish import inbox_digest
from .settings import Settings

refresh_job = dg.define_asset_job(
    "warehouse_refresh",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox, build dbt, run the GX checks, publish the snapshot.",
    hooks={alert_on_failure},
)

nightly_schedule = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


@dg.sensor(job=refresh_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def inbox_sensor(context: dg.SensorEvaluationContext):
    """Requests a refresh when the inbox's files change (added, replaced or removed)."""
    digest = inbox_digest(Settings.from_env().raw_dir)
    if digest == context.cursor:
        return dg.SkipReason("no new or changed submissions")
    context.update_cursor(digest)
    return dg.RunRequest(run_key=digest)
