import { decodeHistogram } from '../../metrics/histogram.js';
import type { CompareResult, ScenarioResult } from '../compare-result.js';
import type { ChartData, ReportCharts, SeriesData } from './chart-types.js';

/** Points per decade of the percentile axis: 90%, 99%, 99.9%... each get this many. */
const STEPS_PER_DECADE = 20;

/** Series colours, readable on white and for the common colour-vision deficiencies (Tableau 10). */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function colorOf(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** The x positions of the percentile curve: 1 (0%), STEPS_PER_DECADE per decade, and `count` (the last record). */
export function percentileAxis(count: number): number[] {
  const steps = Math.floor(Math.log10(Math.max(count, 1)) * STEPS_PER_DECADE + 1e-9);
  const x = Array.from({ length: steps + 1 }, (_, k) => Number((10 ** (k / STEPS_PER_DECADE)).toPrecision(6)));
  if (x[x.length - 1]! < count) x.push(count);
  return x;
}

/** The latency at each x of the axis, in ms, up to the histogram's count (beyond it, no record tells). */
export function percentileCurve(base64: string, x: readonly number[]): Array<number | null> {
  const h = decodeHistogram(base64);
  return x.map((v) => (h.totalCount > 0 && v <= Math.max(h.totalCount, 1) ? h.getValueAtPercentile(100 * (1 - 1 / v)) / 1000 : null));
}

/** The histograms a scenario's curve is drawn from: send -> ack, then the secondary views it has. */
function histogramsOf(s: ScenarioResult): Array<{ label: string; base64: string; line: SeriesData['line'] }> {
  const r = s.result;
  const out: Array<{ label: string; base64: string; line: SeriesData['line'] }> = [{ label: s.name, base64: r.histogram, line: 'solid' }];
  if (r.intendedHistogram) out.push({ label: `${s.name} (from intended send)`, base64: r.intendedHistogram, line: 'dashed' });
  if (r.endToEndHistogram) out.push({ label: `${s.name} (end to end)`, base64: r.endToEndHistogram, line: 'dotted' });
  return out;
}

/** Aligns per-scenario (x, y) points on the union of their x values, null where a scenario has no point. */
export function alignSeries(points: ReadonlyArray<ReadonlyArray<readonly [number, number | null]>>): { x: number[]; values: Array<Array<number | null>> } {
  const x = [...new Set(points.flatMap((p) => p.map(([t]) => t)))].sort((a, b) => a - b);
  const at = new Map(x.map((t, i) => [t, i]));
  const values = points.map((p) => {
    const v: Array<number | null> = x.map(() => null);
    for (const [t, y] of p) v[at.get(t)!] = y;
    return v;
  });
  return { x, values };
}

function overTime(doc: CompareResult, pick: (i: ScenarioResult['result']['intervals'][number]) => number | null): ChartData {
  const { x, values } = alignSeries(doc.scenarios.map((s) => s.result.intervals.map((i) => [i.elapsedMs / 1000, pick(i)] as const)));
  return { x, series: doc.scenarios.map((s, n) => ({ label: s.name, color: colorOf(n), line: 'solid' as const, values: values[n]! })) };
}

/** Achieved records/s per interval, with a dashed target line for each scenario that had a rate cap. */
function throughputOverTime(doc: CompareResult): ChartData {
  const capped = doc.scenarios.map((s, n) => ({ s, n })).filter(({ s }) => s.result.intervals.some((i) => i.targetRecordsPerSec != null));
  const points = [
    ...doc.scenarios.map((s) => s.result.intervals.map((i) => [i.elapsedMs / 1000, i.throughput.recordsPerSec] as const)),
    ...capped.map(({ s }) => s.result.intervals.map((i) => [i.elapsedMs / 1000, i.targetRecordsPerSec ?? null] as const)),
  ];
  const { x, values } = alignSeries(points);
  return {
    x,
    series: [
      ...doc.scenarios.map((s, n) => ({ label: s.name, color: colorOf(n), line: 'solid' as const, values: values[n]! })),
      ...capped.map(({ s, n }, k) => ({ label: `${s.name} (target)`, color: colorOf(n), line: 'dashed' as const, values: values[doc.scenarios.length + k]! })),
    ],
  };
}

/** The data of every chart of the report. */
export function reportCharts(doc: CompareResult): ReportCharts {
  const names = doc.scenarios.map((s) => s.name);
  const throughput = {
    names,
    x: names.map((_, i) => i),
    series: doc.scenarios.map((s, n) => ({
      label: s.name, color: colorOf(n), line: 'solid' as const, values: names.map((_, i) => (i === n ? s.figures.recordsPerSec.median : null)),
    })),
  };
  const maxCount = Math.max(1, ...doc.scenarios.map((s) => s.result.records.acked));
  const axis = percentileAxis(maxCount);
  const percentiles = {
    x: axis,
    series: doc.scenarios.flatMap((s, n) => histogramsOf(s).map((h) => ({
      label: h.label, color: colorOf(n), line: h.line, values: percentileCurve(h.base64, axis),
    }))),
  };
  const p99s = doc.scenarios.flatMap((s) => (s.figures.latencyMs ? [s.figures.latencyMs.p99.median] : [])).filter((v) => v > 0);
  return {
    throughput,
    percentiles,
    percentilesLogY: p99s.length > 1 && Math.max(...p99s) >= 10 * Math.min(...p99s),
    throughputOverTime: throughputOverTime(doc),
    p99OverTime: overTime(doc, (i) => i.latencyMs?.p99 ?? null),
  };
}
