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

from ..figures import round_gbt8170
from ..settings import CITY_LABEL as CITY
from ..settings import Settings
from .catalogue import Domain, Indicator, load_catalogue, load_domains, table_exists
from .charts import HEADLINE_CODES
from .html import write_html
from .reasons import Form, district_names, forms, missing_in_words, station_names
from .text import (
    INSUFFICIENT_DATA_MARK,
    NO_REVISIONS,
    exact_figure,
    local_time,
    report_title,
    score_sentence,
    section_heading,
    summary_paragraph,
)
from .workbook import write_workbook

SNAPSHOT_NAME = "warehouse.duckdb"
# an incomplete value with every submission in: the feed itself saw incomplete inputs
INCOMPLETE_FEED = "取数模型所见输入不完整"


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
    is_improved: bool | None

    @property
    def is_retrospective(self) -> bool:
        return self.qualifier == "retrospective"

    @property
    def has_insufficient_data(self) -> bool:
        """The statistic fails its completeness rule (air: GB 3095 Table 4); NULL means not applicable."""
        return self.is_statistic_valid is False


@dataclass(frozen=True)
class Revision:
    detected_at: str
    indicator: Indicator
    area: str
    old_figure: str
    new_figure: str
    files_loaded: str


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
    revisions: list[Revision]
    forms: dict[str, Form]
    stations: dict[tuple[str, str], str]
    districts: tuple[str, ...]

    @property
    def title(self) -> str:
        return report_title(self.year, self.through)

    def provisional_reasons(self, is_complete: bool, missing_submissions: str | None) -> list[str]:
        """Why a figure is 暂定, in words ("镜湖区 10月大气污染防治执法工作月报表未报送"); [] if complete."""
        if is_complete:
            return []
        words = missing_in_words(missing_submissions, self.forms, self.stations, self.districts)
        return words or [INCOMPLETE_FEED]

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
                      s.statistic_validity_note, s.is_improved
               FROM indicators.rpt_scorecard AS s
               JOIN indicators.fct_indicator_values AS v USING (indicator_code, area, year, end_month)
               WHERE s.year = ? AND s.end_month = ? AND s.value IS NOT NULL
               ORDER BY s.indicator_code, s.area""",
            [year, through],
        ).fetchall()
    ]
    published_at, snapshot_file = conn.execute(
        "SELECT published_at, snapshot_file FROM ops.publish_log ORDER BY published_at DESC LIMIT 1"
    ).fetchone()
    catalogue = load_catalogue(conn)
    return ReportContext(
        conn,
        year,
        through,
        catalogue,
        load_domains(conn),
        scores,
        local_time(published_at),
        snapshot_file,
        _revisions(conn, catalogue, year, through),
        forms(conn),
        station_names(conn),
        district_names(conn),
    )


def _revisions(conn, catalogue: dict[str, Indicator], year: int, through: int) -> list[Revision]:
    """The figures of the period that a corrected submission changed; both values as they were published
    (ops.figure_revisions keeps the unrounded values, rounded here once by GB/T 8170 at the catalogue's
    precision)."""
    if not table_exists(conn, "ops.figure_revisions"):
        return []
    rows = conn.execute(
        """SELECT detected_at, indicator_code, area, old_value, new_value, coalesce(files_loaded, '')
           FROM ops.figure_revisions WHERE year = ? AND end_month = ?
           ORDER BY detected_at, indicator_code, area""",
        [year, through],
    ).fetchall()

    def figure(value: float | None, indicator: Indicator) -> str:
        if value is None:
            return "—"
        rounded = round_gbt8170(value, indicator.decimals)
        return exact_figure(float(rounded), indicator.decimals, indicator.unit_zh)

    return [
        Revision(
            local_time(detected),
            catalogue[code],
            area,
            figure(old, catalogue[code]),
            figure(new, catalogue[code]),
            files,
        )
        for detected, code, area, old, new, files in rows
        if code in catalogue
    ]


def _markdown(ctx: ReportContext) -> str:
    lines = [
        f"# {ctx.title}",
        "",
        f"数据截至{ctx.year}年{ctx.through}月底。本报告由数据仓库快照 `{SNAPSHOT_NAME}`"
        f"（发布于 {ctx.published_at}，原快照 {ctx.snapshot_file}）自动生成；"
        "标“暂定”的数字所依赖的报送尚不完整，"
        "标“按新标准回算”的数字含本市开始发布 AQI 之前、按 HJ 633-2012 回算的日，"
        f"标“{INSUFFICIENT_DATA_MARK}”的数字所依据的有效日数未达到 GB 3095 表4 的要求。",
        "",
        "## 概述",
        "",
        summary_paragraph(ctx, HEADLINE_CODES),
        "",
    ]
    for number, domain in enumerate(ctx.domains):
        lines += [f"## {section_heading(number, domain)}", ""]
        scored = ctx.city_scores(domain.domain)
        if not scored:
            lines += ["本领域指标的取数模型尚未接入，暂无数据。", ""]
            continue
        lines += [f"截至{ctx.through}月底，" + "；".join(score_sentence(i, s) for i, s in scored) + "。", ""]
        notes = [
            f"- 暂定：{indicator.name_zh}，"
            + "；".join(ctx.provisional_reasons(score.is_complete, score.missing_submissions))
            for indicator, score in scored
            if not score.is_complete
        ] + [
            f"- {INSUFFICIENT_DATA_MARK}：{indicator.name_zh}，{score.statistic_validity_note}"
            for indicator, score in scored
            if score.has_insufficient_data
        ]
        if notes:
            lines += [*notes, ""]
    lines += ["## 附：报送更正引起的数字变动", ""]
    if ctx.revisions:
        lines += ["| 发现时间 | 指标 | 地区 | 原值 | 新值 | 本次装载的文件 |", "|---|---|---|---|---|---|"]
        for r in ctx.revisions:
            lines.append(
                f"| {r.detected_at} | {r.indicator.name_zh}（{r.indicator.code}） | {r.area} "
                f"| {r.old_figure} | {r.new_figure} | {r.files_loaded} |"
            )
    else:
        lines.append(NO_REVISIONS)
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
