"""`report --year 2023 --through 11`: report.md, report.xlsx and report.html in data/reports/2023-11/.

The published snapshot is first copied into the report's folder (outside the snapshot retention of
data/snapshots/) and the report is read from that copy, so the numbers can always be traced back to
the exact warehouse they came from.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..settings import CITY_LABEL as CITY
from ..settings import Settings
from .catalogue import Domain, Indicator, load_catalogue, load_domains, table_exists
from .html import write_html
from .text import INSUFFICIENT_DATA_MARK, sentence
from .workbook import write_workbook

SNAPSHOT_NAME = "warehouse.duckdb"


@dataclass(frozen=True)
class ScoreRow:
    code: str
    area: str
    value: float
    value_report: float
    value_last_year_report: float | None
    yoy_kind: str
    yoy_change_report: float | None
    standard_limit: float | None
    meets_standard: bool | None
    target_value: float | None
    meets_target: bool | None
    is_complete: bool
    missing_submissions: str | None
    qualifier: str | None
    is_statistic_valid: bool | None
    statistic_validity_note: str | None

    @property
    def is_retrospective(self) -> bool:
        return self.qualifier == "retrospective"

    @property
    def has_insufficient_data(self) -> bool:
        """The statistic fails its completeness rule (air: GB 3095 Table 4); NULL means not applicable."""
        return self.is_statistic_valid is False


@dataclass
class ReportContext:
    conn: duckdb.DuckDBPyConnection
    year: int
    through: int
    catalogue: dict[str, Indicator]
    domains: list[Domain]
    scores: list[ScoreRow]
    published_at: str
    snapshot_file: str
    revisions: list[tuple]

    def city_scores(self, domain: str) -> list[tuple[Indicator, ScoreRow]]:
        rows = [(self.catalogue[s.code], s) for s in self.scores if s.area == CITY]
        return sorted(((i, s) for i, s in rows if i.domain == domain), key=lambda pair: pair[0].report_order)


def latest_period(published_db: Path) -> tuple[int, int] | None:
    """(year, end month) of the newest period in the published indicator values."""
    with duckdb.connect(str(published_db), read_only=True) as conn:
        if not table_exists(conn, "indicators.fct_indicator_values"):
            return None
        row = conn.execute(
            "SELECT year, end_month FROM indicators.fct_indicator_values "
            "ORDER BY year DESC, end_month DESC LIMIT 1"
        ).fetchone()
    return row


def _prune_report_snapshots(reports_dir: Path, keep: int) -> None:
    """Older reports keep their md/xlsx/html; only the newest `keep` keep their snapshot copy."""
    copies = sorted(reports_dir.glob(f"[0-9]*/{SNAPSHOT_NAME}"), key=lambda path: path.parent.name)
    for old in copies[: max(0, len(copies) - keep)]:
        old.unlink()


def _load_context(conn: duckdb.DuckDBPyConnection, year: int, through: int) -> ReportContext:
    scores = [
        ScoreRow(*row)
        for row in conn.execute(
            """SELECT s.indicator_code, s.area, s.value, s.value_report, s.value_last_year_report, s.yoy_kind,
                      s.yoy_change_report, s.standard_limit, s.meets_standard, s.target_value, s.meets_target,
                      s.is_complete, v.missing_submissions, s.qualifier, s.is_statistic_valid,
                      s.statistic_validity_note
               FROM indicators.rpt_scorecard AS s
               JOIN indicators.fct_indicator_values AS v USING (indicator_code, area, year, end_month)
               WHERE s.year = ? AND s.end_month = ? AND s.value IS NOT NULL
               ORDER BY s.indicator_code, s.area""",
            [year, through],
        ).fetchall()
    ]
    published_at, snapshot_file = conn.execute(
        "SELECT strftime(published_at, '%Y-%m-%d %H:%M:%S'), snapshot_file FROM ops.publish_log "
        "ORDER BY published_at DESC LIMIT 1"
    ).fetchone()
    revisions = []
    if table_exists(conn, "ops.figure_revisions"):
        revisions = conn.execute(
            """SELECT strftime(detected_at, '%Y-%m-%d %H:%M'), indicator_code, area, old_value, new_value,
                      files_loaded
               FROM ops.figure_revisions WHERE year = ? AND end_month = ?
               ORDER BY detected_at, indicator_code, area""",
            [year, through],
        ).fetchall()
    return ReportContext(
        conn,
        year,
        through,
        load_catalogue(conn),
        load_domains(conn),
        scores,
        published_at,
        snapshot_file,
        revisions,
    )


def _markdown(ctx: ReportContext) -> str:
    period = f"{ctx.year}年1－{ctx.through}月"
    lines = [
        f"# XX市{period}污染防治攻坚战主要指标",
        "",
        f"数据截至{ctx.year}年{ctx.through}月底。本报告由数据仓库快照 `{SNAPSHOT_NAME}`"
        f"（发布于 {ctx.published_at} UTC，原快照 {ctx.snapshot_file}）自动生成；"
        "标“暂定”的数字所依赖的报送尚不完整，"
        "标“按新标准回算”的数字含本市开始发布 AQI 之前、按 HJ 633-2012 回算的日，"
        f"标“{INSUFFICIENT_DATA_MARK}”的数字所依据的有效日数未达到 GB 3095 表4 的要求。",
        "",
    ]
    numerals = "一二三四五六七八九十"
    for number, domain in enumerate(ctx.domains):
        lines += [f"## {numerals[number]}、{domain.section_zh}（{domain.name_zh}）", ""]
        scored = ctx.city_scores(domain.domain)
        if not scored:
            lines += ["本领域指标的取数模型尚未接入，暂无数据。", ""]
            continue
        sentences = [
            sentence(
                i,
                s.value,
                s.value_report,
                s.yoy_change_report,
                not s.is_complete,
                s.is_retrospective,
                s.has_insufficient_data,
            )
            for i, s in scored
        ]
        lines += [f"截至{ctx.through}月底，" + "；".join(sentences) + "。", ""]
        provisional = [(i, s) for i, s in scored if not s.is_complete]
        for indicator, score in provisional:
            lines.append(f"- 暂定：{indicator.name_zh}，缺报 {score.missing_submissions or '（输入不完整）'}")
        insufficient = [(i, s) for i, s in scored if s.has_insufficient_data]
        for indicator, score in insufficient:
            lines.append(f"- {INSUFFICIENT_DATA_MARK}：{indicator.name_zh}，{score.statistic_validity_note}")
        if provisional or insufficient:
            lines.append("")
    lines += ["## 附：报送更正引起的数字变动", ""]
    if ctx.revisions:
        lines += ["| 发现时间 | 指标 | 地区 | 原值 | 新值 | 本次装载的文件 |", "|---|---|---|---|---|---|"]
        for detected, code, area, old, new, files in ctx.revisions:
            name = ctx.catalogue[code].name_zh if code in ctx.catalogue else code
            lines.append(f"| {detected} | {name}（{code}） | {area} | {old} | {new} | {files or ''} |")
    else:
        lines.append("本期数字发布后未因更正报送而变动。")
    return "\n".join(lines) + "\n"


class ReportError(Exception):
    """No published warehouse, or no indicator values for the period asked for."""


def _has_values(published_db: Path, year: int, through: int) -> bool:
    with duckdb.connect(str(published_db), read_only=True) as conn:
        return bool(
            table_exists(conn, "indicators.rpt_scorecard")
            and conn.execute(
                "SELECT count(*) FROM indicators.rpt_scorecard "
                "WHERE year = ? AND end_month = ? AND value IS NOT NULL",
                [year, through],
            ).fetchone()[0]
        )


def _no_values_message(published_db: Path, year: int, through: int) -> str:
    latest = latest_period(published_db)
    return (
        f"已发布的数据仓库中没有 {year}年1–{through}月 的指标值 "
        f"(no indicator values for {year}-{through:02d})"
        + (f"；最近有值的期间 (latest period with values): {latest[0]}-{latest[1]:02d}" if latest else "")
    )


def _swap_in(staging: Path, folder: Path) -> None:
    """Put the finished staging folder at `folder`, replacing an earlier report of the period."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    previous = staging.with_suffix(".previous")
    os.rename(folder, previous)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(previous, folder)
        raise
    shutil.rmtree(previous)


def write_report(settings: Settings, year: int, through: int) -> Path:
    """Write the report of `year`, January to `through`, from the published snapshot; returns its folder.

    Everything is written into a hidden staging folder next to the final one and renamed into place at
    the end, so a failed or interrupted report leaves no half-written folder (nor a 43 MB snapshot copy).
    """
    if not settings.published_db.exists():
        raise ReportError(
            f"尚无已发布的数据仓库 (no published warehouse) {settings.published_db}：请先运行 make run"
        )
    if not _has_values(settings.published_db, year, through):
        raise ReportError(_no_values_message(settings.published_db, year, through))
    folder = settings.reports_dir / f"{year}-{through:02d}"
    settings.reports_dir.mkdir(parents=True, exist_ok=True)
    staging = settings.reports_dir / f".{folder.name}.{uuid.uuid4().hex[:12]}.partial"
    staging.mkdir()
    try:
        snapshot = staging / SNAPSHOT_NAME
        shutil.copyfile(settings.published_db, snapshot)
        with duckdb.connect(str(snapshot), read_only=True) as conn:
            ctx = _load_context(conn, year, through)
            if not ctx.scores:
                raise ReportError(_no_values_message(snapshot, year, through))
            (staging / "report.md").write_text(_markdown(ctx), encoding="utf-8")
            write_workbook(ctx, staging / "report.xlsx")
            write_html(ctx, staging / "report.html")
        _swap_in(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune_report_snapshots(settings.reports_dir, settings.report_snapshots_kept)
    return folder
