// Draws the charts of report.html with the inlined Apache ECharts (SVG renderer), then records what was
// drawn for the browser test (tests/report/test_report_html.py): on each <figure>, data-legend (legend or
// colour-scale labels), data-value-ticks and data-category-labels (what ECharts put on the axes) and
// data-points (data items drawn); on <body>, data-errors and data-rendered.
(function () {
  var errors = [];
  window.onerror = function (message) { errors.push(String(message)); document.body.setAttribute('data-errors', errors.length); };
  // {"lookup": {value: label}} in an option stands for a formatter (JSON has no functions)
  function revive(node) {
    if (Array.isArray(node)) { return node.map(revive); }
    if (node === null || typeof node !== 'object') { return node; }
    if (node.lookup && Object.keys(node).length === 1) {
      var table = node.lookup;
      return function (value) { return Object.prototype.hasOwnProperty.call(table, String(value)) ? table[String(value)] : ''; };
    }
    var copy = {};
    Object.keys(node).forEach(function (key) { copy[key] = revive(node[key]); });
    return copy;
  }
  function axisLabels(model, kind) {
    var values = [], categories = [];
    ['xAxis', 'yAxis'].forEach(function (type) {
      var component = model.getComponent(type, 0);
      if (!component) { return; }
      var axis = component.axis;
      axis.getViewLabels().forEach(function (label) {
        (axis.type === 'category' ? categories : values).push(label.formattedLabel);
      });
    });
    return kind === 'value' ? values : categories;
  }
  function legendLabels(model) {
    var legend = model.getComponent('legend', 0);
    if (legend) { return legend.getData().map(function (item) { return item.get('name'); }); }
    var scale = model.getComponent('visualMap', 0);
    return scale ? scale.getPieceList().map(function (piece) { return piece.text; }) : [];
  }
  function drawnPoints(model) {
    var drawn = 0;
    model.eachSeries(function (series) {
      var items = series.getData();
      items.each(function (index) { if (items.getItemGraphicEl(index)) { drawn += 1; } });
    });
    return drawn;
  }
  var data = JSON.parse(document.getElementById('report-data').textContent);
  data.charts.forEach(function (chart) {
    var figure = document.getElementById('chart-' + chart.id);
    try {
      var instance = echarts.init(figure.querySelector('.canvas'), null, {renderer: 'svg'});
      instance.setOption(revive(chart.option));
      var model = instance.getModel();
      figure.setAttribute('data-legend', legendLabels(model).join('|'));
      figure.setAttribute('data-value-ticks', axisLabels(model, 'value').join('|'));
      figure.setAttribute('data-category-labels', axisLabels(model, 'category').join('|'));
      figure.setAttribute('data-points', drawnPoints(model));
    } catch (error) { errors.push(chart.id + ': ' + error); }
  });
  document.body.setAttribute('data-errors', errors.length);
  document.body.setAttribute('data-error-messages', errors.join(' | '));
  document.body.setAttribute('data-rendered', 'yes');
})();
