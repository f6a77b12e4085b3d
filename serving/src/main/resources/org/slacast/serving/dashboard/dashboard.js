// Draws each <div class="chart" data-chart="NAME"> from the JSON in <script id="chart-NAME">: uPlot's
// column arrays, x first (epoch seconds). The tables beside the charts hold the same figures.
(function () {
  "use strict";
  var colours = ["#5aa9e6", "#5cb85c", "#d9534f", "#e6a23c"];
  document.querySelectorAll("div.chart[data-chart]").forEach(function (div) {
    var source = document.getElementById("chart-" + div.dataset.chart);
    if (!source || typeof uPlot === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var percent = div.dataset.percent === "1";
    var series = [{}].concat(div.dataset.series.split(",").map(function (label, i) {
      return {label: label, stroke: colours[i % colours.length], width: 2,
        value: function (u, v) { return v == null ? "–" : percent ? (100 * v).toFixed(1) + "%" : v; }};
    }));
    var axes = [{}, {values: function (u, vals) {
      return vals.map(function (v) { return percent ? (100 * v).toFixed(0) + "%" : v; });
    }}];
    new uPlot({width: Math.max(320, div.clientWidth || 900), height: 240, series: series, axes: axes}, data, div);
  });
})();
