"""An unwatched night: a failed refresh leaves an alert file and log line saying what failed and where to
look, and the pluggable notifier is called; the previous snapshot stays published."""

import json
import shutil

import dagster as dg
import duckdb

from dagster_project.alerts import alert_on_failure, alert_on_run_failure
from tests.pipeline import run_checks_and_publish, run_refresh, warehouse_env

RECEIVED: list[dict] = []


def record(alert: dict) -> None:
    """The notifier the tests plug in (WAREHOUSE_ALERT_NOTIFIER=tests.reliability.test_alerts:record)."""
    RECEIVED.append(alert)


def test_a_failed_nightly_run_raises_an_alert_and_keeps_the_snapshot(small_air_build, tmp_path, caplog):
    shutil.copytree(small_air_build, tmp_path, dirs_exist_ok=True)
    inbox = tmp_path / "inbox"
    published = (tmp_path / "data" / "warehouse.duckdb").read_bytes()
    (tmp_path / "data" / "build" / "warehouse.duckdb").write_bytes(b"not a database")
    RECEIVED.clear()

    result = run_refresh(
        inbox, tmp_path / "data", WAREHOUSE_ALERT_NOTIFIER="tests.reliability.test_alerts:record"
    )

    assert not result.success
    alerts = sorted((tmp_path / "data" / "alerts").glob("*.json"))
    assert alerts and RECEIVED
    alert = json.loads(alerts[0].read_text(encoding="utf-8"))
    assert alert["failed_step"].startswith("raw__")
    assert "rejects" in alert["where_to_look"] and alert["summary"]
    assert any("WAREHOUSE ALERT" in message for message in caplog.messages)
    assert (tmp_path / "data" / "warehouse.duckdb").read_bytes() == published


def test_a_blocked_publication_names_the_failed_check(small_air_build, tmp_path):
    shutil.copytree(small_air_build, tmp_path, dirs_exist_ok=True)
    inbox = tmp_path / "inbox"
    with duckdb.connect(str(tmp_path / "data" / "build" / "warehouse.duckdb")) as conn:
        conn.execute("update marts.fct_air_quality_daily set aqi = 999")

    result = run_checks_and_publish(inbox, tmp_path / "data", ["marts", "fct_air_quality_daily"])

    assert not result.success
    alert = json.loads(
        next((tmp_path / "data" / "alerts").glob("*gx_fct_air_quality_daily*.json")).read_text()
    )
    assert "gx_fct_air_quality_daily" in alert["summary"]
    assert "expectations/fct_air_quality_daily.json" in alert["where_to_look"]
    shutil.rmtree(tmp_path / "data" / "alerts")


@dg.op
def raw__broken_workbook():
    raise ValueError("sheet 小时数据 has no header row")


@dg.job(hooks={alert_on_failure})
def night_with_a_broken_load():
    raw__broken_workbook()


def _failure_context(instance, run_id: str):
    run = instance.get_run_by_id(run_id)
    failure = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.RUN_FAILURE).records
    return dg.build_run_status_sensor_context(
        sensor_name="alert_on_run_failure",
        dagster_instance=instance,
        dagster_run=run,
        dagster_event=failure[0].event_log_entry.dagster_event,
    ).for_run_failure()


def _alerts(data_dir) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((data_dir / "alerts").glob("*.json"))]


def test_the_failure_sensor_writes_the_hooks_alert_once_for_a_run_the_hook_did_not_see(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data"), dg.instance_for_test() as instance:
        result = night_with_a_broken_load.execute_in_process(instance=instance, raise_on_error=False)
        [from_hook] = _alerts(tmp_path / "data")
        shutil.rmtree(tmp_path / "data" / "alerts")  # as if the run's process had died before its hook ran
        RECEIVED.clear()

        context = _failure_context(instance, result.run_id)
        with_notifier = {"WAREHOUSE_ALERT_NOTIFIER": "tests.reliability.test_alerts:record"}
        with warehouse_env(tmp_path / "inbox", tmp_path / "data", **with_notifier):
            alert_on_run_failure(context)
            alert_on_run_failure(context)

    [from_sensor] = _alerts(tmp_path / "data")
    assert RECEIVED == [from_sensor]
    same_fields = ("run_id", "failed_step", "summary", "where_to_look", "published_snapshot")
    assert {k: from_sensor[k] for k in same_fields} == {k: from_hook[k] for k in same_fields}
    assert from_sensor["summary"] == (
        "step raw__broken_workbook failed: ValueError: sheet 小时数据 has no header row"
    )


def test_a_step_the_hook_alerted_is_not_alerted_again_by_the_sensor(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data"), dg.instance_for_test() as instance:
        result = night_with_a_broken_load.execute_in_process(instance=instance, raise_on_error=False)
        alert_on_run_failure(_failure_context(instance, result.run_id))

    assert [alert["failed_step"] for alert in _alerts(tmp_path / "data")] == ["raw__broken_workbook"]


def test_a_run_that_failed_outside_any_step_raises_a_run_alert(tmp_path):
    with warehouse_env(tmp_path / "inbox", tmp_path / "data"), dg.instance_for_test() as instance:
        run = instance.create_run_for_job(night_with_a_broken_load, status=dg.DagsterRunStatus.STARTED)
        instance.report_run_failed(run, "Exceeded maximum runtime of 14400 seconds.")
        alert_on_run_failure(_failure_context(instance, run.run_id))

    [alert] = _alerts(tmp_path / "data")
    assert alert["failed_step"] == "run" and alert["run_id"] == run.run_id
    assert "Exceeded maximum runtime" in alert["summary"]
    assert "dagster-daemon" in alert["where_to_look"]
