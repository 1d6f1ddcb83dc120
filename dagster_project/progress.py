"""`make run` in the terminal: one line per stage of the refresh, then what the run did.

The `progress` logger is chosen by the run config `loggers: {progress: {}}` (the Makefile); a run
without it logs to the console as Dagster does, and the full log of every run is in the Dagster UI.
It writes to stderr: dbt echoes every event of its own to stdout, which `make run` keeps in a log file.
Lines: each source loaded (n/N, files, rows, rejects), the departments' rejects workbooks, dbt started /
every 25 models / done, each GX suite checked (n/N), publication, the report; then a summary of loads,
rejects and the workbooks that list them, failed WARN/ERROR checks, and what was published.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field

import dagster as dg

from .settings import Settings

RAW_STEP_PREFIX = "raw__"
GX_STEP_PREFIX = "gx_"
DBT_STEP = "warehouse_dbt_models"
DBT_PROGRESS_EVERY = 25
PUBLISHED = dg.AssetKey(["published", "warehouse"])
REPORT = dg.AssetKey(["reports", "annual_report"])
EXPORTS = dg.AssetKey(["published", "exports"])
QUALITY_REPORT = dg.AssetKey(["published", "quality_report"])
REJECTS_WORKBOOKS = dg.AssetKey(["rejects", "department_workbooks"])


@dataclass(frozen=True)
class SourceLoad:
    table: str
    files_seen: int
    files_loaded: int
    files_unchanged: int
    rows_loaded: int
    rows_rejected: int


@dataclass(frozen=True)
class FailedCheck:
    name: str
    asset: str
    severity: str


@dataclass
class RunProgress:
    """What a run has done so far, from its Dagster events."""

    sources_total: int
    suites_total: int
    started: float = field(default_factory=time.monotonic)
    loads: list[SourceLoad] = field(default_factory=list)
    suites_done: int = 0
    dbt_built: int = 0
    dbt_tests: int = 0
    failed_checks: list[FailedCheck] = field(default_factory=list)
    failed_checks_by_step: dict[str, list[FailedCheck]] = field(default_factory=dict)
    failed_steps: list[str] = field(default_factory=list)
    published: str | None = None
    nothing_new: bool = False
    report_folder: str | None = None
    exports: str | None = None
    quality_report: str | None = None
    rejects_folder: str | None = None
    rejects_by_department: dict[str, int] = field(default_factory=dict)

    def summary(self, run_id: str, succeeded: bool) -> list[str]:
        minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
        lines = [f"── 刷新结果 refresh summary（run {run_id[:8]}，{minutes}m{seconds:02d}s）──"]
        files = sum(load.files_loaded for load in self.loads)
        unchanged = sum(load.files_unchanged for load in self.loads)
        rows = sum(load.rows_loaded for load in self.loads)
        lines.append(
            f"装载 loaded：{len(self.loads)}/{self.sources_total} 个来源，新装载 {files} 个文件"
            f"（未变 {unchanged} 个），{rows:,} 行"
        )
        with_rejects = [load for load in self.loads if load.rows_rejected]
        if with_rejects:
            names = "、".join(f"{load.table}（{load.rows_rejected}）" for load in with_rejects)
            lines.append(f"拒收 rejects：{sum(load.rows_rejected for load in with_rejects)} 行 — {names}")
            if self.rejects_by_department:
                lines.append(
                    f"  待更正清单 workbooks：{self.rejects_folder}/<报送单位>.xlsx — "
                    + "、".join(f"{name}（{items}）" for name, items in self.rejects_by_department.items())
                )
        else:
            lines.append("拒收 rejects：无")
        lines.append(f"dbt：建成 {self.dbt_built} 个模型/种子表，数据测试 {self.dbt_tests} 项")
        lines.append(f"GX 检查 checks：{self.suites_done}/{self.suites_total} 个套件")
        for severity in ("ERROR", "WARN"):
            failed = [check for check in self.failed_checks if check.severity == severity]
            listed = "、".join(f"{check.name}（{check.asset}）" for check in failed) or "无"
            lines.append(f"  未通过 {severity}：{listed}")
        if self.published:
            lines.append(f"发布 published：{self.published}")
        elif self.nothing_new:
            lines.append("发布 published：无新报送，已发布快照不变")
        else:
            lines.append("未发布 not published：已发布快照保持不变")
        if self.report_folder:
            lines.append(f"报告 report：{self.report_folder}")
        if self.exports:
            lines.append(f"导出 exports：{self.exports}")
        if self.quality_report:
            lines.append(f"质量报告 quality report：{self.quality_report}")
        if self.failed_steps:
            alerts = Settings.from_env().data_dir / "alerts"
            lines.append(f"失败 failed：{'、'.join(self.failed_steps)}（告警见 {alerts}/）")
        elif not succeeded:
            lines.append("运行失败 run failed：见 Dagster 运行日志")
        return lines


def _metadata(materialization) -> dict:
    return {name: value.value for name, value in materialization.metadata.items()}


class ProgressHandler(logging.Handler):
    """Turns a run's Dagster events into progress lines on stderr."""

    def __init__(self, progress: RunProgress):
        super().__init__(logging.DEBUG)
        self.progress = progress

    def _print(self, text: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", {})
        event = meta.get("dagster_event")
        if event is None:
            if record.levelno >= logging.ERROR:
                self._print(f"错误 ERROR：{meta.get('orig_message', record.getMessage())}")
            return
        handler = getattr(self, f"_on_{event.event_type.name.lower()}", None)
        if handler is not None:
            handler(event, meta)

    def _on_run_start(self, event, meta) -> None:
        self._print(
            f"刷新开始 refresh started（run {meta['run_id'][:8]}）：{self.progress.sources_total} 个来源，"
            f"{self.progress.suites_total} 个 GX 套件"
        )

    def _on_step_start(self, event, meta) -> None:
        if event.step_key == DBT_STEP:
            self._print("dbt build 开始 started（种子表、模型、数据测试）")

    def _on_asset_materialization(self, event, meta) -> None:
        materialization = event.event_specific_data.materialization
        key = materialization.asset_key
        values = _metadata(materialization)
        if event.step_key == DBT_STEP:
            self.progress.dbt_built += 1
            if self.progress.dbt_built % DBT_PROGRESS_EVERY == 0:
                self._print(f"dbt build：已建成 {self.progress.dbt_built} 个模型/种子表 built…")
        elif key.path[0] == "raw" and "files_seen" in values:
            load = SourceLoad(
                key.path[1],
                values["files_seen"],
                values["files_loaded"],
                values["files_unchanged"],
                values["rows_loaded"],
                values["rows_rejected"],
            )
            self.progress.loads.append(load)
            rejects = f"；拒收 {load.rows_rejected} 行" if load.rows_rejected else ""
            loaded = (
                f"新装载 {load.files_loaded} 个文件（未变 {load.files_unchanged}），"
                f"{load.rows_loaded:,} 行{rejects}"
                if load.files_seen
                else "收件箱中没有此来源的文件"
            )
            done = f"{len(self.progress.loads)}/{self.progress.sources_total}"
            self._print(f"接入 ingest {done} {key.to_user_string()}：{loaded}")
        elif key == REJECTS_WORKBOOKS:
            self.progress.rejects_folder = values["folder"]
            self.progress.rejects_by_department = values["workbooks"]
            if self.progress.rejects_by_department:
                self._print(
                    f"待更正清单 workbooks：{len(self.progress.rejects_by_department)} 个报送单位 → "
                    f"{self.progress.rejects_folder}/"
                )
        elif key == PUBLISHED and "snapshot" not in values:
            self.progress.nothing_new = True
            self._print("发布 publish：无新报送 nothing new，已发布快照不变")
        elif key == PUBLISHED:
            self.progress.published = f"{values['path']}（快照 snapshot {values['snapshot']}）"
            self._print(f"发布 publish：{self.progress.published}")
        elif key == EXPORTS:
            self.progress.exports = (
                f"{values['path']}（{len(values['rows'])} 张表 tables，Parquet + dictionary.csv）"
            )
            self._print(f"导出 exports：{self.progress.exports}")
        elif key == QUALITY_REPORT:
            self.progress.quality_report = values["path"]
            self._print(f"质量报告 quality report：{self.progress.quality_report}")
        elif key == REPORT:
            self.progress.report_folder = values.get("folder") or None
            self._print(f"报告 report：{self.progress.report_folder or '已发布快照中尚无指标值，未写报告'}")

    def _on_asset_check_evaluation(self, event, meta) -> None:
        evaluation = event.event_specific_data
        if event.step_key == DBT_STEP:
            self.progress.dbt_tests += 1
        if not evaluation.passed:
            failed = FailedCheck(
                evaluation.check_name, evaluation.asset_key.to_user_string(), evaluation.severity.value
            )
            self.progress.failed_checks.append(failed)
            self.progress.failed_checks_by_step.setdefault(event.step_key, []).append(failed)

    def _on_step_success(self, event, meta) -> None:
        if event.step_key == DBT_STEP:
            failed = len(self.progress.failed_checks_by_step.get(DBT_STEP, []))
            self._print(
                f"dbt build 完成 done：{self.progress.dbt_built} 个模型/种子表，"
                f"数据测试 {self.progress.dbt_tests} 项（未通过 {failed}）"
            )
        elif event.step_key.startswith(GX_STEP_PREFIX):
            self._suite_checked(event.step_key)

    def _suite_checked(self, step_key: str) -> None:
        self.progress.suites_done += 1
        failed = self.progress.failed_checks_by_step.get(step_key, [])
        outcome = "、".join(f"{check.severity} 未通过" for check in failed) or "通过"
        self._print(
            f"检查 checks {self.progress.suites_done}/{self.progress.suites_total} {step_key}：{outcome}"
        )

    def _on_step_failure(self, event, meta) -> None:
        self.progress.failed_steps.append(event.step_key)
        if event.step_key.startswith(GX_STEP_PREFIX):
            self._suite_checked(event.step_key)
        error = event.step_failure_data.error
        cause = error.cause if error and error.cause else error
        reason = cause.message.strip().splitlines()[0] if cause else ""
        self._print(f"失败 FAILED {event.step_key}：{reason}")

    def _on_run_success(self, event, meta) -> None:
        for line in self.progress.summary(meta["run_id"], succeeded=True):
            print(line, file=sys.stderr, flush=True)

    def _on_run_failure(self, event, meta) -> None:
        for line in self.progress.summary(meta["run_id"], succeeded=False):
            print(line, file=sys.stderr, flush=True)


# Dagster builds a run's loggers more than once (for the run's own events, again for its steps), so the
# progress of a run is kept here, by run id, for all of them.
_PROGRESS_BY_RUN: dict[str, RunProgress] = {}


@dg.logger(description="make run 的终端输出：每个阶段一行进度，结束时打印本次刷新的摘要。")
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    steps = [node.name for node in init_context.job_def.graph.nodes]
    progress = _PROGRESS_BY_RUN.setdefault(
        init_context.run_id,
        RunProgress(
            sources_total=sum(step.startswith(RAW_STEP_PREFIX) for step in steps),
            suites_total=sum(step.startswith(GX_STEP_PREFIX) for step in steps),
        ),
    )
    logger = logging.Logger("warehouse.progress", logging.DEBUG)
    logger.addHandler(ProgressHandler(progress))
    return logger
