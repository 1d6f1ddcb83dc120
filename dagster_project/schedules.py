"""The nightly refresh, its schedule, and the sensor that notices new or changed submissions.

Both compare the inbox's content digest with the one the last publication recorded, read from the
published snapshot's ops.publish_log (opened read-only; the build database is locked by a running
refresh), so an instance that starts fresh on an unchanged inbox starts no work.
"""

import json
from datetime import timedelta

import dagster as dg
import duckdb

from .alerts import alert_on_failure
from .inbox import FileFingerprint, content_digest, inbox_digest
from .publish import PUBLISH_LOG_TABLE
from .settings import Settings

# On a run the nightly schedule starts although nothing changed: the digest of the last publication.
NOTHING_NEW_TAG = "warehouse/nothing_new_since"
# The digest of the inbox when the run was requested: what the run's ingest reads, recorded at publication
# (an edit during the run then differs from the published digest and is picked up by the next tick).
INBOX_DIGEST_TAG = "warehouse/inbox_digest"
IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]

NIGHTLY_HOUR = 2
NIGHTLY_TIMEZONE = "Asia/Shanghai"
# with run monitoring on (dagster.yaml), a run that hangs or whose worker died is failed after this long,
# so the failure sensor alerts and the run queue moves on
MAX_RUNTIME = timedelta(hours=4)

# A night's run ends by NIGHTLY_HOUR + MAX_RUNTIME; if the published snapshot has not materialized since
# NIGHTLY_HOUR by then (no run, a failed run, a blocked publication), the asset is shown as failing its
# freshness policy until the next successful refresh.
nightly_freshness = dg.FreshnessPolicy.cron(
    deadline_cron=f"0 {NIGHTLY_HOUR + MAX_RUNTIME // timedelta(hours=1)} * * *",
    lower_bound_delta=MAX_RUNTIME,
    timezone=NIGHTLY_TIMEZONE,
)

refresh_job = dg.define_asset_job(
    "warehouse_refresh",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox, build dbt, run the GX checks, publish the snapshot.",
    hooks={alert_on_failure},
    tags={"dagster/max_runtime": str(int(MAX_RUNTIME.total_seconds()))},
)


def last_published_digest(settings: Settings) -> str | None:
    """The inbox digest the published snapshot was built from; None before the first publication."""
    if not settings.published_db.exists():
        return None
    with duckdb.connect(str(settings.published_db), read_only=True) as conn:
        try:
            row = conn.execute(
                f"SELECT inbox_digest FROM {PUBLISH_LOG_TABLE} ORDER BY published_at DESC LIMIT 1"  # noqa: S608
            ).fetchone()
        except duckdb.CatalogException:
            return None
    return row[0] if row else None


def _refresh_in_progress(instance: dg.DagsterInstance) -> bool:
    """A refresh queued or running, the CLI's (`make run`) included: a second one would wait for the
    build database's write lock, or fail on it."""
    runs = instance.get_run_records(
        filters=dg.RunsFilter(job_name=refresh_job.name, statuses=IN_PROGRESS), limit=1
    )
    return bool(runs)


@dg.schedule(
    job=refresh_job,
    cron_schedule=f"0 {NIGHTLY_HOUR} * * *",
    execution_timezone=NIGHTLY_TIMEZONE,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="每晚 02:00 刷新并发布；收件箱自上次发布以来没有变化时只运行发布步骤，记下“无新报送”。",
)
def nightly_refresh(context: dg.ScheduleEvaluationContext):
    settings = Settings.from_env()
    if _refresh_in_progress(context.instance):
        return dg.SkipReason("a refresh is already queued or running")
    published = last_published_digest(settings)
    digest = inbox_digest(settings.raw_dir)
    if published is not None and digest == published:
        return dg.RunRequest(
            asset_selection=[dg.AssetKey(["published", "warehouse"])],
            tags={NOTHING_NEW_TAG: published},
        )
    return dg.RunRequest(tags={INBOX_DIGEST_TAG: digest})


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="收件箱内容（各文件 sha256）与已发布快照所依据的不同时请求刷新；尚未发布过快照时不启动。",
)
def inbox_sensor(context: dg.SensorEvaluationContext):
    """Requests a refresh when the inbox's content differs from what the published snapshot was built from.

    The cursor keeps each file's sha256 with the stat it was read under, so a tick reads only the files
    that were written since the last one.
    """
    settings = Settings.from_env()
    known = {path: FileFingerprint(*fields) for path, fields in json.loads(context.cursor or "{}").items()}
    digest, fingerprints = content_digest(settings.raw_dir, known)
    context.update_cursor(json.dumps({path: f.as_list() for path, f in fingerprints.items()}))
    published = last_published_digest(settings)
    if published is None:
        return dg.SkipReason(
            f"no published snapshot at {settings.published_db} yet: the first refresh is `make run`, "
            "a launch from the UI or the nightly schedule"
        )
    if digest == published:
        return dg.SkipReason("no new or changed submissions since the last publication")
    if _refresh_in_progress(context.instance):
        return dg.SkipReason("the inbox changed; a refresh is already queued or running")
    return dg.RunRequest(run_key=digest, tags={INBOX_DIGEST_TAG: digest})
