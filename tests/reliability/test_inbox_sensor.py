"""A fresh instance starts no work on an inbox the published snapshot was built from; a changed file's
content starts a refresh even when its size and mtime are as before; the nightly run on an unchanged
inbox only says so."""

import os
import time

import dagster as dg
import duckdb

from dagster_project.assets.publish import NOTHING_NEW_OUTCOME
from dagster_project.definitions import defs
from dagster_project.inbox import inbox_digest
from dagster_project.publish import OPS_TABLES, PublishedTable, publish
from dagster_project.schedules import INBOX_DIGEST_TAG, NOTHING_NEW_TAG, inbox_sensor, nightly_refresh
from dagster_project.settings import Settings
from tests.pipeline import warehouse_env

PUBLISHED = dg.AssetKey(["published", "warehouse"])


def _inbox(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "air").mkdir(parents=True)
    (inbox / "air" / "站点名录_2023.csv").write_text("站点,区县\n监测站A,繁昌区\n", encoding="utf-8")
    (inbox / "air" / "执法月报_202301.csv").write_text("核查企业,人次\n10,20\n", encoding="utf-8")
    return inbox


def _publish(data_dir) -> None:
    """A publication of an (empty) build database: its publish log records the inbox digest."""
    settings = Settings.from_env()
    settings.build_db.parent.mkdir(parents=True)
    duckdb.connect(str(settings.build_db)).close()
    ops_only = [PublishedTable(*table.split("."), tuple(columns)) for table, columns in OPS_TABLES.items()]
    publish(settings, run_id="a1b2c3d4-published", checks={}, tables=ops_only)


def _rewrite_keeping_size_and_mtime(path, old: str, new: str) -> None:
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    time.sleep(0.02)  # past the kernel's coarse clock tick, so the rewrite gets a new ctime
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def test_a_fresh_instance_on_the_published_inbox_starts_nothing_and_a_content_change_starts_a_refresh(
    tmp_path,
):
    inbox = _inbox(tmp_path)
    with warehouse_env(inbox, tmp_path / "data"):
        _publish(tmp_path / "data")
        with dg.instance_for_test() as instance:
            fresh = dg.build_sensor_context(instance=instance)
            assert isinstance(inbox_sensor(fresh), dg.SkipReason)

            _rewrite_keeping_size_and_mtime(inbox / "air" / "执法月报_202301.csv", "10,20", "12,20")
            after_edit = dg.build_sensor_context(instance=instance, cursor=fresh.cursor)
            request = inbox_sensor(after_edit)

    assert isinstance(request, dg.RunRequest)
    assert request.run_key == inbox_digest(inbox)


def test_no_published_snapshot_yet_starts_nothing(tmp_path):
    inbox = _inbox(tmp_path)
    with warehouse_env(inbox, tmp_path / "data"), dg.instance_for_test() as instance:
        result = inbox_sensor(dg.build_sensor_context(instance=instance))

    assert isinstance(result, dg.SkipReason)
    assert "make run" in result.skip_message


@dg.op
def _step():
    pass


@dg.job(name="warehouse_refresh")
def _running_refresh():
    """A stand-in with the refresh job's name: a run record of it is what the sensor looks for."""
    _step()


def test_the_inbox_changing_while_a_refresh_runs_starts_no_second_one(tmp_path):
    inbox = _inbox(tmp_path)
    with warehouse_env(inbox, tmp_path / "data"), dg.instance_for_test() as instance:
        _publish(tmp_path / "data")
        (inbox / "air" / "执法月报_202302.csv").write_text("核查企业,人次\n11,21\n", encoding="utf-8")
        instance.create_run_for_job(_running_refresh, status=dg.DagsterRunStatus.STARTED)
        result = inbox_sensor(dg.build_sensor_context(instance=instance))

    assert isinstance(result, dg.SkipReason)
    assert "already queued or running" in result.skip_message


def test_the_nightly_run_on_an_unchanged_inbox_only_records_that_nothing_is_new(tmp_path):
    inbox = _inbox(tmp_path)
    with warehouse_env(inbox, tmp_path / "data"), dg.instance_for_test() as instance:
        _publish(tmp_path / "data")
        snapshots_before = sorted((tmp_path / "data" / "snapshots").iterdir())
        request = nightly_refresh(dg.build_schedule_context(instance=instance))
        result = defs.resolve_job_def("warehouse_refresh").execute_in_process(
            instance=instance, asset_selection=request.asset_selection, tags=request.tags
        )

        (inbox / "air" / "执法月报_202302.csv").write_text("核查企业,人次\n11,21\n", encoding="utf-8")
        after_new_file = nightly_refresh(dg.build_schedule_context(instance=instance))

    assert request.asset_selection == [PUBLISHED] and NOTHING_NEW_TAG in request.tags
    assert result.success
    # the night is recorded as done (the freshness policy reads it), with the snapshot left as it was
    materialized = result.get_asset_materialization_events()
    assert [event.asset_key for event in materialized] == [PUBLISHED]
    metadata = materialized[0].materialization.metadata
    assert metadata["outcome"].value == NOTHING_NEW_OUTCOME and "snapshot" not in metadata
    assert sorted((tmp_path / "data" / "snapshots").iterdir()) == snapshots_before
    # a full refresh, tagged with the inbox it was requested for (the digest its publication records)
    assert after_new_file.asset_selection is None and NOTHING_NEW_TAG not in after_new_file.tags
    assert after_new_file.tags[INBOX_DIGEST_TAG] == inbox_digest(inbox)
