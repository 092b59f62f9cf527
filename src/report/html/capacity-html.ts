import type { LatencyStat } from '../../gate/assertions.js';
import type { CapacityMatrixResult, CapacityResult, CapacityStep } from '../capacity-result.js';
import { capacityAnswer } from '../capacity-text.js';
import { escapeHtml } from './html-report.js';

const W = 720;
const H = 400;
const M = { left: 70, right: 20, top: 20, bottom: 50 };

/** The latency statistic the curve shows: the first latency objective's, else p99. */
function plottedStat(r: CapacityResult): { stat: LatencyStat; limitMs: number | undefined } {
  const m = r.objective.map((e) => /^\s*(?:intended\.)?(p50|p95|p99|p999|avg|max|min)\s*<=?\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s)\s*$/i.exec(e)).find((x) => x);
  if (!m) return { stat: 'p99', limitMs: undefined };
  const scale = { us: 0.001, 'µs': 0.001, ms: 1, s: 1000 }[m[3]!.toLowerCase() as 'us' | 'ms' | 's'] ?? 1;
  return { stat: m[1]!.toLowerCase() as LatencyStat, limitMs: Number(m[2]) * scale };
}

/** A point of the curve: a step's target rate against its latency (from the intended send time). */
export interface CurvePoint {
  readonly targetRecordsPerSec: number;
  readonly latencyMs: number;
  readonly passed: boolean;
}

/** The curve's points, by rate; steps without a latency (nothing acked) are left out. */
export function curvePoints(steps: readonly CapacityStep[], stat: LatencyStat): CurvePoint[] {
  return steps
    .filter((s) => s.latencyMs !== null)
    .map((s) => ({ targetRecordsPerSec: s.targetRecordsPerSec, latencyMs: Math.max(s.latencyMs![stat], 0.001), passed: s.passed }))
    .sort((a, b) => a.targetRecordsPerSec - b.targetRecordsPerSec);
}

/** The rate-against-latency curve as SVG: a log latency axis, the objective dashed, the knee (the answer) marked. */
export function capacitySvg(r: CapacityResult): string {
  const { stat, limitMs } = plottedStat(r);
  const points = curvePoints(r.steps, stat);
  const maxRate = Math.max(1, ...points.map((p) => p.targetRecordsPerSec)) * 1.05;
  const values = [...points.map((p) => p.latencyMs), ...(limitMs ? [limitMs] : [])];
  const lo = Math.log10(Math.min(...values, 1) / 2);
  const hi = Math.log10(Math.max(...values, 1) * 2);
  const x = (rate: number) => M.left + (rate / maxRate) * (W - M.left - M.right);
  const y = (msv: number) => H - M.bottom - ((Math.log10(msv) - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const parts: string[] = [];
  parts.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`);
  parts.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`);
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
    parts.push(`<text x="${M.left - 6}" y="${y(10 ** e) + 4}" text-anchor="end" font-size="11">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}</text>`);
  }
  for (let k = 0; k <= 4; k++) {
    const rate = (maxRate * k) / 4;
    parts.push(`<text x="${x(rate)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${Math.round(rate).toLocaleString('en-US')}</text>`);
  }
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle" font-size="12">target records/s</text>`);
  parts.push(`<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${stat} ms from intended send (log)</text>`);
  if (limitMs !== undefined) {
    parts.push(`<line class="objective" x1="${M.left}" y1="${y(limitMs)}" x2="${W - M.right}" y2="${y(limitMs)}" stroke="#e15759" stroke-dasharray="6 4"/>`);
  }
  if (points.length > 1) {
    parts.push(`<polyline fill="none" stroke="#4e79a7" stroke-width="2" points="${points.map((p) => `${x(p.targetRecordsPerSec).toFixed(1)},${y(p.latencyMs).toFixed(1)}`).join(' ')}"/>`);
  }
  for (const p of points) {
    parts.push(`<circle class="${p.passed ? 'passed' : 'failed'}" cx="${x(p.targetRecordsPerSec).toFixed(1)}" cy="${y(p.latencyMs).toFixed(1)}" r="5" fill="${p.passed ? '#59a14f' : '#e15759'}">`
      + `<title>${Math.round(p.targetRecordsPerSec)} records/s: ${stat} ${p.latencyMs.toFixed(2)} ms, ${p.passed ? 'passed' : 'failed'}</title></circle>`);
  }
  if (r.sustainedRecordsPerSec !== null) {
    const kx = x(r.sustainedRecordsPerSec);
    parts.push(`<line class="knee" x1="${kx}" y1="${M.top}" x2="${kx}" y2="${H - M.bottom}" stroke="#59a14f" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${kx + 4}" y="${M.top + 12}" font-size="12">knee: ${Math.round(r.sustainedRecordsPerSec).toLocaleString('en-US')} records/s</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif">${parts.join('')}</svg>`;
}

/** A self-contained page: the answer, the curve, and the steps (of each scenario). Opens offline; no script. */
export function capacityHtml(doc: CapacityResult | CapacityMatrixResult): string {
  const sections = doc.mode === 'capacity' ? [section(doc, undefined)] : doc.scenarios.map((s) => section(s.result, `Scenario ${s.index + 1}: ${s.name}`));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>perf-test capacity</title>
<style>body{font-family:sans-serif;margin:2em;max-width:760px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}</style>
</head><body>
<h1>perf-test capacity</h1>
${sections.join('\n')}
</body></html>
`;
}

function section(r: CapacityResult, title: string | undefined): string {
  const rows = r.steps.map((s, i) => `<tr><td>${i + 1}</td><td>${Math.round(s.targetRecordsPerSec)}</td><td>${Math.round(s.recordsPerSec)}</td>`
    + `<td>${s.latencyMs?.p50.toFixed(2) ?? '-'}</td><td>${s.latencyMs?.p99.toFixed(2) ?? '-'}</td><td>${s.latencyMs?.p999.toFixed(2) ?? '-'}</td>`
    + `<td>${s.passed ? 'yes' : 'no'}</td></tr>`).join('\n');
  return `<section>${title === undefined ? '' : `<h2>${escapeHtml(title)}</h2>`}
<p>${escapeHtml(capacityAnswer(r))}</p>
<figure>${capacitySvg(r)}<figcaption>Each step's rate against its latency after the warmup; green passed, red failed; dashed red, the objective; dotted green, the knee (the highest rate sustained).</figcaption></figure>
<table><thead><tr><th>step</th><th>target rec/s</th><th>acked rec/s</th><th>p50 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>passed</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${escapeHtml(`perf-test ${r.tool.version}, ${r.startedAt}; workload ${r.config.recordSizeBytes ?? r.config.payload} B records, ${r.config.producers} producer(s), acks=${String(r.config.producer['acks'])}`)}</p>
</section>`;
}
