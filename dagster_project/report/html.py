"""report.html: one self-contained page rendered from templates/report.html.j2 (Jinja2).

Styles, data, the drawing script and Apache ECharts (static/echarts.min.js, vendored: static/README.md)
are inlined, so the page needs no network at view time. The script records what ECharts drew for the
browser test (static/report.js).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .charts import HEADLINE_CODES, build_charts
from .text import (
    INSUFFICIENT_DATA_MARK,
    NO_REVISIONS,
    change_text,
    figure_text,
    section_heading,
    standard_text,
    summary_paragraph,
)

STATIC = Path(__file__).parent / "static"
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Row:
    name: str
    figure: str
    change: str
    trend: str  # better | worse | "" (no change or nothing to compare)
    standard: str
    unmet: bool  # a standard or a target the figure does not meet
    flags: list[str]


@dataclass(frozen=True)
class Section:
    heading: str
    rows: list[Row]
    notes: list[str]


def _rows(ctx, domain: str) -> tuple[list[Row], list[str]]:
    rows, notes = [], []
    for indicator, score in ctx.city_scores(domain):
        flags = []
        if not score.is_complete:
            flags.append("暂定")
            reasons = "；".join(ctx.provisional_reasons(score.is_complete, score.missing_submissions))
            notes.append(f"暂定：{indicator.name_zh}，{reasons}")
        if score.is_retrospective:
            flags.append("按新标准回算")
        if score.has_insufficient_data:
            flags.append(INSUFFICIENT_DATA_MARK)
            notes.append(f"{INSUFFICIENT_DATA_MARK}：{indicator.name_zh}，{score.statistic_validity_note}")
        rows.append(
            Row(
                name=indicator.name_zh,
                figure=figure_text(score.value, score.value_report, indicator),
                change=change_text(score.yoy_change_report, indicator.yoy_kind) or "—",
                trend={True: "better", False: "worse"}.get(score.is_improved, ""),
                standard=standard_text(score, indicator) or "—",
                unmet=False in (score.meets_standard, score.meets_target),
                flags=flags,
            )
        )
    return rows, notes


def write_html(ctx, path: Path) -> None:
    charts = build_charts(ctx)
    sections = []
    for number, domain in enumerate(ctx.domains):
        rows, notes = _rows(ctx, domain.domain)
        sections.append(Section(section_heading(number, domain), rows, notes))
    payload = json.dumps({"charts": charts}, ensure_ascii=False).replace("</", "<\\/")
    page = TEMPLATES.get_template("report.html.j2").render(
        ctx=ctx,
        summary=summary_paragraph(ctx, HEADLINE_CODES),
        charts=charts,
        sections=sections,
        payload=payload,
        style=(STATIC / "report.css").read_text(encoding="utf-8"),
        echarts=(STATIC / "echarts.min.js").read_text(encoding="utf-8"),
        script=(STATIC / "report.js").read_text(encoding="utf-8"),
        insufficient_mark=INSUFFICIENT_DATA_MARK,
        no_revisions=NO_REVISIONS,
    )
    path.write_text(page, encoding="utf-8")
