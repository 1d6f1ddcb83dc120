"""report.html: one self-contained page (styles, data and the drawing script inline; no network at view time).

The script draws every chart of charts.py as SVG, then records what it drew for the browser test:
each chart's <figure> gets data-points (the number of data marks drawn), and <body> gets data-errors
(script errors caught by window.onerror) and data-rendered.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .charts import build_charts
from .text import INSUFFICIENT_DATA_MARK, change_text, figure_text

ASSETS = Path(__file__).parent / "assets"
STYLE = (ASSETS / "report.css").read_text(encoding="utf-8")
SCRIPT = (ASSETS / "report.js").read_text(encoding="utf-8")


def _score_table(ctx, domain: str) -> str:
    rows = []
    for indicator, score in ctx.city_scores(domain):
        change = change_text(score.yoy_change_report, indicator.yoy_kind) or "—"
        improved = (
            ""
            if score.yoy_change_report in (None, 0)
            else ("better" if (score.yoy_change_report < 0) == (indicator.direction == "lower") else "worse")
        )
        standard = "—" if score.meets_standard is None else ("达标" if score.meets_standard else "未达标")
        flags = ['<span class="provisional">暂定</span>'] if not score.is_complete else []
        if score.has_insufficient_data:
            note = html.escape(score.statistic_validity_note or "")
            flags.append(f'<span class="provisional" title="{note}">{INSUFFICIENT_DATA_MARK}</span>')
        flag = " ".join(flags)
        figure = figure_text(score.value, score.value_report, indicator)
        rows.append(
            f"<tr><td>{html.escape(indicator.name_zh)}</td><td>{html.escape(figure)}</td>"
            f'<td class="{improved}">{html.escape(change)}</td><td>{standard}</td><td>{flag}</td></tr>'
        )
    if not rows:
        return "<p>本领域指标的取数模型尚未接入，暂无数据。</p>"
    return (
        "<table><tr><th>指标</th><th>本期</th><th>同比</th><th>国家标准</th><th>状态</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def write_html(ctx, path: Path) -> None:
    charts = build_charts(ctx)
    sections = []
    for domain in ctx.domains:
        sections.append(f"<h2>{html.escape(domain.section_zh)}（{html.escape(domain.name_zh)}）</h2>")
        sections.append(_score_table(ctx, domain.domain))
    figures = "".join(
        f'<figure class="chart{" wide" if chart["kind"] == "calendar" else ""}" id="chart-{chart["id"]}" '
        f'data-chart="{chart["id"]}"><figcaption>{html.escape(chart["title"])}</figcaption></figure>'
        for chart in charts
    )
    payload = json.dumps({"charts": charts}, ensure_ascii=False).replace("</", "<\\/")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>XX市{ctx.year}年1－{ctx.through}月生态环境指标</title>
<style>{STYLE}</style></head>
<body data-rendered="no" data-errors="0">
<h1>XX市{ctx.year}年1－{ctx.through}月生态环境主要指标</h1>
<p class="meta">数据截至{ctx.year}年{ctx.through}月底 · 快照发布于 {html.escape(ctx.published_at)} UTC
（{html.escape(ctx.snapshot_file)}）</p>
<h2>图表</h2><div class="charts">{figures}</div>
{"".join(sections)}
<script type="application/json" id="report-data">{payload}</script>
<script>{SCRIPT}</script>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
