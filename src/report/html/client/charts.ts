// The report page's own script, run in the browser after uPlot: it only plots the data the page embeds (computed
// by chart-data.ts). A classic script (no imports, no network), type-checked against the DOM, uPlot's types and
// the data's types by this folder's tsconfig.json; the build compiles it to ES2017 and html-report.ts inlines it.

type ReportCharts = import('../chart-types.js').ReportCharts;
type ChartData = import('../chart-types.js').ChartData;
type SeriesData = import('../chart-types.js').SeriesData;

(() => {
  const HEIGHT = 300;
  const embedded = document.getElementById('report-data')?.textContent;
  if (!embedded) return;
  const c = (JSON.parse(embedded) as { charts: ReportCharts }).charts;
  const charts: Array<{ el: HTMLElement; plot: uPlot }> = [];

  const count = (n: number | null) => (n == null ? '-' : Math.round(n).toLocaleString('en-US'));
  const ms = (n: number | null) => (n == null ? '-' : n < 10 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(1));
  // x = 1 / (1 - p): 10 is 90%, 100 is 99%, 1000 is 99.9%...
  function percentile(x: number, extraDigits: number): string {
    if (x < 1.0001) return '0%';
    const digits = Math.max(0, Math.ceil(Math.log10(x) - 1e-9) - 2 + extraDigits);
    return `${(100 * (1 - 1 / x)).toFixed(digits)}%`;
  }
  function line(s: SeriesData): uPlot.Series {
    const o: uPlot.Series = { label: s.label, stroke: s.color, width: s.line === 'solid' ? 2 : 1.5, spanGaps: true };
    if (s.line === 'dashed') o.dash = [6, 4];
    if (s.line === 'dotted') o.dash = [1.5, 3];
    return o;
  }
  const aligned = (d: ChartData): uPlot.AlignedData => [[...d.x], ...d.series.map((s) => [...s.values])];
  const fromZero: uPlot.Range.Function = (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1];

  function chart(id: string, opts: Omit<uPlot.Options, 'width' | 'height'>, d: ChartData): void {
    const el = document.getElementById(id);
    if (!el) return;
    const previous = charts.find((ch) => ch.el === el);
    if (previous) {
      previous.plot.destroy();
      charts.splice(charts.indexOf(previous), 1);
    }
    charts.push({ el, plot: new uPlot({ ...opts, width: Math.max(320, el.clientWidth), height: HEIGHT }, aligned(d), el) });
  }

  if (c.throughput.x.length > 1) {
    const names = c.throughput.names;
    const lines = Math.max(...names.map((n) => n.split(' ').length));
    chart('chart-throughput', {
      scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: fromZero } },
      axes: [
        { splits: () => [...c.throughput.x], size: 16 + 14 * lines, gap: 4,
          values: (_u, splits) => splits.map((i) => (names[i] ?? '').split(' ').join('\n')) },
        { label: 'records/s', size: 80, values: (_u, v) => v.map(count) },
      ],
      legend: { show: false },
      cursor: { show: false },
      series: [{}, ...c.throughput.series.map((s): uPlot.Series => ({
        label: s.label, stroke: s.color, fill: s.color, width: 1, points: { show: false },
        paths: uPlot.paths.bars!({ size: [0.6, 140] }),
      }))],
    }, c.throughput);
  }

  // Latencies that differ by orders of magnitude between scenarios read better on a log latency axis too.
  const toggle = document.getElementById('latency-scale');
  function drawPercentiles(logY: boolean): void {
    const yAxis: uPlot.Axis = { label: logY ? 'latency (ms, log scale)' : 'latency (ms)', size: 60 };
    if (logY) yAxis.values = (_u, v) => v.map((n) => (n == null ? '' : String(+n.toPrecision(3))));
    chart('chart-percentiles', {
      scales: { x: { time: false, distr: 3, log: 10 }, y: logY ? { distr: 3, log: 10 } : { range: fromZero } },
      axes: [
        { label: 'percentile',
          splits: (_u, _i, _min, max) => {
            const s: number[] = [];
            for (let p = 1; p <= max * 1.0001; p *= 10) s.push(p);
            return s;
          },
          values: (_u, splits) => splits.map((x) => percentile(x, 0)) },
        yAxis,
      ],
      series: [
        { label: 'percentile', value: (_u, x) => (x == null ? '-' : percentile(x, 1)) },
        ...c.percentiles.series.map((s) => ({ ...line(s), points: { show: false }, value: (_u: uPlot, v: number | null) => `${ms(v)} ms` })),
      ],
    }, c.percentiles);
    if (toggle) toggle.textContent = logY ? 'Linear latency axis' : 'Logarithmic latency axis';
  }
  let logLatency = c.percentilesLogY;
  drawPercentiles(logLatency);
  toggle?.addEventListener('click', () => {
    logLatency = !logLatency;
    drawPercentiles(logLatency);
  });

  const overTime: Array<[id: string, data: ChartData, label: string, format: (n: number | null) => string, formatAxis: boolean]> = [
    ['chart-throughput-time', c.throughputOverTime, 'records/s', count, true],
    ['chart-p99-time', c.p99OverTime, 'p99 (ms)', ms, false],
  ];
  for (const [id, data, label, format, formatAxis] of overTime) {
    const yAxis: uPlot.Axis = { label, size: 80 };
    if (formatAxis) yAxis.values = (_u, v) => v.map(format);
    chart(id, {
      scales: { x: { time: false, range: fromZero }, y: { range: fromZero } },
      axes: [{ label: 'seconds since the run started' }, yAxis],
      series: [
        { label: 'time', value: (_u, v) => (v == null ? '-' : `${v.toFixed(1)} s`) },
        ...data.series.map((s) => ({ ...line(s), value: (_u: uPlot, v: number | null) => format(v) })),
      ],
    }, data);
  }

  let resizing: number | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      for (const ch of charts) ch.plot.setSize({ width: Math.max(320, ch.el.clientWidth), height: HEIGHT });
    }, 100);
  });
  document.documentElement.setAttribute('data-charts-rendered', String(charts.length));
})();
