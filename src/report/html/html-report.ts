import type { CompareResult, ScenarioResult } from '../compare-result.js';
import { workloadRows } from '../workload.js';
import { describeTopics } from '../result.js';
import { FIGURE_COLUMNS, bestMarks, changeCells, changeHeads, figureText, footnotes, settingCells, settingColumns } from '../compare-columns.js';
import { chartAssets, type ChartAssets } from './assets.js';
import { reportCharts, colorOf } from './chart-data.js';
import { PAGE_STYLE } from './style.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text for a <script> element: nothing in it may close the element early. */
function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

function title(doc: CompareResult): string {
  const keys = Object.keys(doc.matrix);
  if (keys.length > 0) return `perf-test compare: ${keys.join(' × ')}`;
  const first = doc.scenarios[0];
  if (doc.scenarios.length === 1 && first) return `perf-test: ${first.result.records.acked.toLocaleString('en-US')} records to ${describeTopics(first.result.config)}`;
  return `perf-test report: ${doc.scenarios.length} results`;
}

/** The shared workload, from the first scenario's settings; the varied settings are left to the table. */
function workload(doc: CompareResult): Array<[string, string]> {
  const c = doc.scenarios[0]?.result.config;
  if (!c) return [];
  const rows = workloadRows(c, new Set(Object.keys(doc.matrix)));
  if (doc.repeat > 1) rows.push(['runs per scenario', `${doc.repeat} (median shown)`]);
  if (doc.warmupRecords > 0) rows.push(['warmup run', `${doc.warmupRecords} records before each scenario`]);
  return rows;
}

function summaryTable(doc: CompareResult): string {
  const marks = bestMarks(doc.scenarios);
  const head = ['', '#', ...settingColumns(doc), ...FIGURE_COLUMNS.map((c) => c.head), ...changeHeads(doc)];
  const row = (s: ScenarioResult, r: number) => {
    const cells = [
      `<td><span class="swatch" style="background:${colorOf(r)}"></span></td>`,
      `<td>${s.index + 1}${s.result.status === 'interrupted' ? ' (interrupted)' : ''}</td>`,
      ...settingCells(doc, s).map((c) => `<td class="setting">${escapeHtml(c)}</td>`),
      ...FIGURE_COLUMNS.map((col, c) => `<td class="num${marks[c]![r] ? ' best' : ''}">${escapeHtml(figureText(col, s))}</td>`),
      ...changeCells(doc, s).map((t) => `<td class="num">${escapeHtml(t)}</td>`),
    ];
    return `<tr>${cells.join('')}</tr>`;
  };
  return `<table class="summary"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${doc.scenarios.map(row).join('\n')}</tbody></table>
<p class="notes">${footnotes(doc).map((n) => escapeHtml(n.replace(/^\* best/, 'Bold: best'))).join('<br>')}</p>`;
}

/** A single run on several topics: each topic's share. */
function topicsTable(doc: CompareResult): string {
  const topics = doc.scenarios.length === 1 ? doc.scenarios[0]!.result.topics : undefined;
  if (!topics) return '';
  const rows = topics.map((t) => `<tr><td>${escapeHtml(t.topic)}</td>${[t.records.acked.toLocaleString('en-US'), t.records.failed.toLocaleString('en-US'), (t.bytes / 2 ** 20).toFixed(2)]
    .map((v) => `<td class="num">${v}</td>`).join('')}</tr>`);
  return `<section><h2>Topics</h2><table class="summary"><thead><tr><th>topic</th><th>acked</th><th>failed</th><th>MB</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function section(id: string, heading: string, note: string, control = ''): string {
  return `<section><h2>${escapeHtml(heading)}</h2><p class="notes">${escapeHtml(note)}${control}</p><div class="chart" id="${id}"></div></section>`;
}

/**
 * One self-contained HTML page of a comparison (or of a single run, as a one-scenario comparison): a summary
 * table, throughput per scenario, latency percentile curves on a log scale, and throughput and p99 over time.
 * uPlot and the data are inlined, so the file opens offline; a Content-Security-Policy forbids any request.
 */
export function htmlReport(doc: CompareResult, assets: ChartAssets = chartAssets()): string {
  const data = JSON.stringify({ charts: reportCharts(doc) }).replace(/</g, '\\u003c');
  const heading = title(doc);
  const when = `${doc.startedAt} to ${doc.endedAt}${doc.status === 'interrupted' ? ' (interrupted)' : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(heading)}</title>
<style>${assets.style}</style>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(heading)}</h1>
<p class="notes">${escapeHtml(when)} · perf-test ${escapeHtml(doc.tool.version)}</p>
<dl class="workload">${workload(doc).map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
</header>
<main>
${summaryTable(doc)}
${topicsTable(doc)}
${doc.scenarios.length > 1 ? section('chart-throughput', 'Throughput per scenario', 'Records acknowledged per second (median over runs).') : ''}
${section('chart-percentiles', 'Latency by percentile', 'Send to acknowledgement, from the HdrHistograms of all records: the x axis is logarithmic, so the tail (99%, 99.9%...) gets room. Dashed: from the intended send time (rate-capped runs); dotted: end to end (e2e runs). ', '<button type="button" id="latency-scale">Logarithmic latency axis</button>')}
${section('chart-throughput-time', 'Throughput over time', 'Records acknowledged per second in each reporting interval; dashed, the target rate of a capped run.')}
${section('chart-p99-time', 'p99 latency over time', 'The 99th percentile of send-to-ack latency in each reporting interval.')}
</main>
<script id="report-data" type="application/json">${data}</script>
<script>${scriptText(assets.script)}</script>
<script>${scriptText(assets.pageScript)}</script>
</body>
</html>
`;
}
