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
