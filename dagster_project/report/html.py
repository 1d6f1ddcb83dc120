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

STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1180px;color:#222}
h1{font-size:24px;margin-bottom:4px} h2{font-size:19px;border-bottom:2px solid #2c3e50;padding-bottom:4px;margin-top:32px}
.meta{color:#666;font-size:13px} table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left} th{background:#eef3f8}
.provisional{color:#b9770e;font-weight:bold} .better{color:#1e8449} .worse{color:#c0392b}
.charts{display:flex;flex-wrap:wrap;gap:16px} figure.chart{margin:0;border:1px solid #ddd;padding:8px;width:560px}
figure.chart.wide{width:1150px} figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}
.legend{font-size:12px;color:#444} svg text{font-size:11px;fill:#333}
"""

SCRIPT = r"""
(function () {
  var errors = [];
  window.onerror = function (message) { errors.push(String(message)); document.body.setAttribute('data-errors', errors.length); };
  var NS = 'http://www.w3.org/2000/svg';
  function el(tag, attrs, parent) {
    var node = document.createElementNS(NS, tag);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function text(parent, x, y, content, anchor) {
    var t = el('text', {x: x, y: y, 'text-anchor': anchor || 'middle'}, parent); t.textContent = content; return t;
  }
  function frame(width, height) { return el('svg', {width: width, height: height, viewBox: '0 0 ' + width + ' ' + height}); }
  function scale(values, fixedMax) {
    var present = values.filter(function (v) { return v !== null && v !== undefined; });
    var max = fixedMax || Math.max.apply(null, present.concat([1])) * 1.15;
    return max;
  }
  function axes(svg, w, h, pad, max, unit) {
    el('line', {x1: pad, y1: h - pad, x2: w - 10, y2: h - pad, stroke: '#999'}, svg);
    el('line', {x1: pad, y1: 10, x2: pad, y2: h - pad, stroke: '#999'}, svg);
    for (var i = 0; i <= 4; i++) {
      var y = h - pad - (h - pad - 10) * i / 4;
      el('line', {x1: pad, y1: y, x2: w - 10, y2: y, stroke: '#eee'}, svg);
      text(svg, pad - 4, y + 4, (max * i / 4).toFixed(max < 10 ? 1 : 0), 'end');
    }
    text(svg, pad, 8, unit, 'start');
  }
  function line(chart) {
    var w = 540, h = 300, pad = 40, svg = frame(w, h), labels = chart.labels;
    var all = [].concat.apply([], chart.series.map(function (s) { return s.values; }));
    var max = scale(all, chart.max), step = (w - pad - 20) / Math.max(labels.length - 1, 1);
    axes(svg, w, h, pad, max, chart.unit);
    labels.forEach(function (label, i) { text(svg, pad + i * step, h - pad + 14, label); });
    chart.series.forEach(function (s, index) {
      var points = [];
      s.values.forEach(function (v, i) {
        if (v === null || v === undefined) { return; }
        var x = pad + i * step, y = h - pad - (h - pad - 10) * v / max;
        points.push(x + ',' + y);
        var dot = el('circle', {cx: x, cy: y, r: 4, fill: s.color, 'class': index === 0 ? 'pt' : 'pt-ref'}, svg);
        el('title', {}, dot).textContent = s.name + ' ' + labels[i] + '：' + v + ' ' + chart.unit;
      });
      el('polyline', {points: points.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2}, svg);
    });
    return svg;
  }
  function bars(chart) {
    var s = chart.series[0], n = chart.labels.length, w = 540, h = 300, pad = 40, svg = frame(w, h);
    var max = scale(s.values, chart.max), slot = (w - pad - 20) / Math.max(n, 1);
    axes(svg, w, h, pad, max, chart.unit);
    s.values.forEach(function (v, i) {
      var x = pad + i * slot + slot * 0.15, bh = (h - pad - 10) * v / max;
      var bar = el('rect', {x: x, y: h - pad - bh, width: slot * 0.7, height: bh,
        fill: s.colors ? s.colors[i] : s.color, 'class': 'pt'}, svg);
      el('title', {}, bar).textContent = chart.labels[i] + '：' + (s.categories ? s.categories[i] : v + ' ' + chart.unit);
      text(svg, x + slot * 0.35, h - pad - bh - 3, s.categories ? s.categories[i] : v);
      text(svg, x + slot * 0.35, h - pad + 14, chart.labels[i]);
    });
    return svg;
  }
  function calendar(chart) {
    var s = chart.series[0], cell = 13, w = 1130, h = 12 * (cell + 4) + 30, svg = frame(w, h);
    for (var m = 1; m <= 12; m++) { text(svg, 14, 20 + (m - 1) * (cell + 4) + cell - 2, m + '月'); }
    chart.labels.forEach(function (day, i) {
      var month = parseInt(day.slice(5, 7), 10), date = parseInt(day.slice(8, 10), 10);
      var rect = el('rect', {x: 34 + (date - 1) * (cell + 4), y: 20 + (month - 1) * (cell + 4), width: cell, height: cell,
        fill: s.colors[i], 'class': 'pt'}, svg);
      el('title', {}, rect).textContent = day + ' AQI ' + (s.values[i] === null ? '—' : s.values[i]) + ' ' + s.categories[i];
    });
    return svg;
  }
  var draw = {line: line, bars: bars, calendar: calendar};
  var data = JSON.parse(document.getElementById('report-data').textContent);
  data.charts.forEach(function (chart) {
    var figure = document.getElementById('chart-' + chart.id);
    try {
      figure.appendChild(draw[chart.kind](chart));
      var legend = document.createElement('div'); legend.className = 'legend';
      legend.textContent = chart.series.map(function (s) { return s.name; }).join(' ／ ');
      figure.appendChild(legend);
    } catch (error) { errors.push(chart.id + ': ' + error); }
    figure.setAttribute('data-points', figure.querySelectorAll('.pt').length);
  });
  document.body.setAttribute('data-errors', errors.length);
  document.body.setAttribute('data-error-messages', errors.join(' | '));
  document.body.setAttribute('data-rendered', 'yes');
})();
"""


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
<p class="meta">数据截至{ctx.year}年{ctx.through}月底 · 快照发布于 {html.escape(ctx.published_at)} UTC（{html.escape(ctx.snapshot_file)}）</p>
<h2>图表</h2><div class="charts">{figures}</div>
{"".join(sections)}
<script type="application/json" id="report-data">{payload}</script>
<script>{SCRIPT}</script>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
