"""An unwatched night: a failed refresh leaves an alert file and log line saying what failed and where to
look, and the pluggable notifier is called; the previous snapshot stays published."""

import json
import shutil

import duckdb

from tests.inboxes import write_small_air_inbox
from tests.pipeline import run_checks_and_publish, run_refresh

RECEIVED: list[dict] = []


def record(alert: dict) -> None:
    """The notifier the tests plug in (WAREHOUSE_ALERT_NOTIFIER=tests.reliability.test_alerts:record)."""
    RECEIVED.append(alert)


def test_a_failed_nightly_run_raises_an_alert_and_keeps_the_snapshot(tmp_path, caplog):
    inbox = write_small_air_inbox(tmp_path / "inbox", days=1)
    assert run_refresh(inbox, tmp_path / "data").success
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


def test_a_blocked_publication_names_the_failed_check(tmp_path):
    inbox = write_small_air_inbox(tmp_path / "inbox", days=1)
    assert run_refresh(inbox, tmp_path / "data").success
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
