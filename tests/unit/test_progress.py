"""`make run`'s progress lines and summary come from the run's own events, across Dagster's loggers."""

import dagster as dg

from dagster_project.progress import progress_logger

REJECTS = "/srv/data/rejects/run-1"
DEPARTMENT = "市生态环境监测中心"


@dg.asset(key=["raw", "air_hourly"])
def raw_air_hourly() -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={
            "files_seen": 3,
            "files_loaded": 2,
            "files_unchanged": 1,
            "rows_loaded": 1200,
            "rows_rejected": 2,
        }
    )


@dg.asset(key=["rejects", "department_workbooks"], deps=[raw_air_hourly])
def rejects_workbooks() -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={"folder": REJECTS, "workbooks": dg.MetadataValue.json({DEPARTMENT: 2})}
    )


@dg.multi_asset_check(
    name="gx_fct_air_quality_daily",
    specs=[dg.AssetCheckSpec("gx_fct_air_quality_daily_warn", asset=dg.AssetKey(["raw", "air_hourly"]))],
)
def gx_fct_air_quality_daily():
    yield dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.WARN)


@dg.asset(key=["published", "warehouse"], deps=[raw_air_hourly])
def published() -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={"path": "/srv/data/warehouse.duckdb", "snapshot": "warehouse-1.duckdb"}
    )


@dg.asset(key=["reports", "annual_report"], deps=[published])
def report() -> None:
    raise RuntimeError("report template missing")


def _run(capsys) -> list[str]:
    defs = dg.Definitions(
        assets=[raw_air_hourly, rejects_workbooks, published, report],
        asset_checks=[gx_fct_air_quality_daily],
        jobs=[dg.define_asset_job("refresh")],
        loggers={"progress": progress_logger},
    )
    defs.resolve_job_def("refresh").execute_in_process(
        run_config={"loggers": {"progress": {}}}, raise_on_error=False
    )
    return capsys.readouterr().err.splitlines()


def test_each_stage_has_a_line_and_the_summary_names_rejects_failed_checks_and_the_publication(capsys):
    lines = _run(capsys)
    text = "\n".join(lines)

    assert "1 个来源，1 个 GX 套件" in lines[0]
    assert "接入 ingest 1/1 raw/air_hourly：新装载 2 个文件（未变 1），1,200 行；拒收 2 行" in text
    assert "检查 checks 1/1 gx_fct_air_quality_daily：WARN 未通过" in text
    assert "失败 FAILED reports__annual_report：RuntimeError: report template missing" in text
    summary = lines[lines.index(next(line for line in lines if "refresh summary" in line)) :]
    assert "装载 loaded：1/1 个来源，新装载 2 个文件（未变 1 个），1,200 行" in summary
    assert "拒收 rejects：2 行 — air_hourly（2）" in summary
    assert f"  待更正清单 workbooks：{REJECTS}/<报送单位>.xlsx — {DEPARTMENT}（2）" in summary
    assert "  未通过 WARN：gx_fct_air_quality_daily_warn（raw/air_hourly）" in summary
    assert "  未通过 ERROR：无" in summary
    assert "发布 published：/srv/data/warehouse.duckdb（快照 snapshot warehouse-1.duckdb）" in summary
    assert summary[-1].startswith("失败 failed：reports__annual_report（告警见 ")
