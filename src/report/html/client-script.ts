/**
 * The report page's own script, run in the browser after uPlot: it only plots the data the page embeds
 * (computed by chart-data.ts). Plain ES2017, no imports, no network.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var HEIGHT = 300;
  var charts = [];

  function count(n) { return n == null ? '-' : Math.round(n).toLocaleString('en-US'); }
  function ms(n) { return n == null ? '-' : (n < 10 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(1)); }
  // x = 1 / (1 - p): 10 is 90%, 100 is 99%, 1000 is 99.9%...
  function percentile(x, extraDigits) {
    if (x < 1.0001) return '0%';
    var digits = Math.max(0, Math.ceil(Math.log10(x) - 1e-9) - 2 + extraDigits);
    return (100 * (1 - 1 / x)).toFixed(digits) + '%';
  }
  function line(s) {
    var o = { label: s.label, stroke: s.color, width: s.line === 'solid' ? 2 : 1.5, spanGaps: true };
    if (s.line === 'dashed') o.dash = [6, 4];
    if (s.line === 'dotted') o.dash = [1.5, 3];
    return o;
  }
  function aligned(d) { return [d.x].concat(d.series.map(function (s) { return s.values; })); }
  function fromZero(u, min, max) { return [0, max > 0 ? max * 1.05 : 1]; }

  function chart(id, opts, d) {
    var el = document.getElementById(id);
    if (!el) return;
    opts.width = Math.max(320, el.clientWidth);
    opts.height = HEIGHT;
    var previous = charts.filter(function (ch) { return ch.el === el; })[0];
    if (previous) { previous.plot.destroy(); charts.splice(charts.indexOf(previous), 1); }
    charts.push({ el: el, plot: new uPlot(opts, aligned(d), el) });
  }

  var c = data.charts;
  if (c.throughput.x.length > 1) {
    var names = c.throughput.names;
    var lines = Math.max.apply(null, names.map(function (n) { return n.split(' ').length; }));
    chart('chart-throughput', {
      scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: fromZero } },
      axes: [
        { splits: function () { return c.throughput.x; }, size: 16 + 14 * lines, gap: 4,
          values: function (u, splits) { return splits.map(function (i) { return (names[i] || '').split(' ').join('\n'); }); } },
        { label: 'records/s', size: 80, values: function (u, v) { return v.map(count); } },
      ],
      legend: { show: false },
      cursor: { show: false },
      series: [{}].concat(c.throughput.series.map(function (s) {
        return { label: s.label, stroke: s.color, fill: s.color, width: 1, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.6, 140] }) };
      })),
    }, c.throughput);
  }

  // Latencies that differ by orders of magnitude between scenarios read better on a log latency axis too.
  function drawPercentiles(logY) {
    var yAxis = { label: logY ? 'latency (ms, log scale)' : 'latency (ms)', size: 60 };
    if (logY) yAxis.values = function (u, v) { return v.map(function (n) { return n == null ? '' : String(+n.toPrecision(3)); }); };
    chart('chart-percentiles', {
      scales: { x: { time: false, distr: 3, log: 10 }, y: logY ? { distr: 3, log: 10 } : { range: fromZero } },
      axes: [
        { label: 'percentile',
          splits: function (u, i, min, max) { var s = []; for (var p = 1; p <= max * 1.0001; p *= 10) s.push(p); return s; },
          values: function (u, splits) { return splits.map(function (x) { return percentile(x, 0); }); } },
        yAxis,
      ],
      series: [{ label: 'percentile', value: function (u, x) { return x == null ? '-' : percentile(x, 1); } }]
        .concat(c.percentiles.series.map(function (s) {
          var o = line(s);
          o.points = { show: false };
          o.value = function (u, v) { return ms(v) + ' ms'; };
          return o;
        })),
    }, c.percentiles);
    var toggle = document.getElementById('latency-scale');
    if (toggle) toggle.textContent = logY ? 'Linear latency axis' : 'Logarithmic latency axis';
  }
  var logLatency = c.percentilesLogY;
  drawPercentiles(logLatency);
  var toggle = document.getElementById('latency-scale');
  if (toggle) toggle.addEventListener('click', function () { logLatency = !logLatency; drawPercentiles(logLatency); });

  [['chart-throughput-time', c.throughputOverTime, 'records/s', count, true],
    ['chart-p99-time', c.p99OverTime, 'p99 (ms)', ms, false]].forEach(function (spec) {
    var yAxis = { label: spec[2], size: 80 };
    if (spec[4]) yAxis.values = function (u, v) { return v.map(spec[3]); };
    chart(spec[0], {
      scales: { x: { time: false, range: fromZero }, y: { range: fromZero } },
      axes: [{ label: 'seconds since the run started' }, yAxis],
      series: [{ label: 'time', value: function (u, v) { return v == null ? '-' : v.toFixed(1) + ' s'; } }]
        .concat(spec[1].series.map(function (s) { var o = line(s); o.value = function (u, v) { return spec[3](v); }; return o; })),
    }, spec[1]);
  });

  var resizing;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      charts.forEach(function (ch) { ch.plot.setSize({ width: Math.max(320, ch.el.clientWidth), height: HEIGHT }); });
    }, 100);
  });
  document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
})();
`;
