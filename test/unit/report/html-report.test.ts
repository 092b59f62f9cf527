import { describe, expect, it } from 'vitest';
import { buildCompareResult, compareOfResults } from '../../../src/compare/figures.js';
import { alignSeries, percentileAxis, percentileCurve, reportCharts } from '../../../src/report/html/chart-data.js';
import { chartAssets } from '../../../src/report/html/assets.js';
import { escapeHtml, htmlReport } from '../../../src/report/html/html-report.js';
import { createMergedHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import { fakeResult, latencies } from '../../support/fake-result.js';

function doc(name = 'acks=1') {
  return buildCompareResult([
    { index: 0, name, settings: { acks: '1' }, results: [fakeResult({ latenciesUs: latencies(1000, 1000, 5000), durationMs: 1000, intervalRecords: [400, 600] })] },
    { index: 1, name: 'acks=all', settings: { acks: 'all' }, results: [fakeResult({ latenciesUs: latencies(500, 2000, 9000), durationMs: 1000, capped: true, intervalRecords: [100, 200, 200] })] },
  ], { matrix: { acks: ['1', 'all'] }, scenarioCount: 2, repeat: 1, warmupRecords: 0, baselineIndex: 0, interrupted: false });
}

function embeddedData(html: string): any {
  const m = /<script id="report-data" type="application\/json">(.*?)<\/script>/s.exec(html);
  return JSON.parse(m![1]!);
}

describe('percentile curves', () => {
  it('spaces x as 1/(1-p) on a log scale, 20 points a decade, ending at the record count', () => {
    const x = percentileAxis(20_000);
    expect(x[0]).toBe(1);
    expect(x[20]).toBe(10);
    expect(x[40]).toBe(100);
    expect(x).toHaveLength(88);
    expect(x[86]).toBeCloseTo(19952.6, 0);
    expect(x[87]).toBe(20_000);
    expect(percentileAxis(1)).toEqual([1]);
    expect(percentileAxis(1000).slice(-2)).toEqual([891.251, 1000]);
  });

  it('reads the latency at each percentile from the histogram, in ms, and nothing past its count', () => {
    const h = createMergedHistogram();
    for (let us = 1000; us <= 100_000; us += 1000) h.recordValue(us);
    const curve = percentileCurve(encodeHistogram(h), [1, 2, 10, 100, 1000]);
    expect(curve[0]).toBeCloseTo(1, 1);
    expect(curve[1]).toBeCloseTo(50, 0);
    expect(curve[2]).toBeCloseTo(90, 0);
    expect(curve[3]).toBeCloseTo(99, 0);
    expect(curve[4]).toBeNull();
  });
});

describe('alignSeries', () => {
  it('joins series on the union of their x values, null where one has no point', () => {
    expect(alignSeries([[[1, 10], [2, 20]], [[2, 5], [3, null]]])).toEqual({ x: [1, 2, 3], values: [[10, 20, null], [null, 5, null]] });
  });
});

describe('reportCharts', () => {
  it('gives every chart one series per scenario, plus dashed intended-latency curves for capped runs', () => {
    const c = reportCharts(doc());
    expect(c.throughput.names).toEqual(['acks=1', 'acks=all']);
    expect(c.throughput.series.map((s) => s.values)).toEqual([[1000, null], [null, 500]]);
    expect(c.percentiles.series.map((s) => [s.label, s.line])).toEqual([['acks=1', 'solid'], ['acks=all', 'solid'], ['acks=all (from intended send)', 'dashed']]);
    expect(c.percentiles.series[0]!.color).toBe(c.throughput.series[0]!.color);
    const p = c.percentiles.series[0]!.values.filter((v): v is number => v !== null);
    expect(p.every((v, i) => i === 0 || v >= p[i - 1]!)).toBe(true);
    expect(c.throughputOverTime.x).toEqual([333.3333333333333 / 1000, 0.5, 2 * 333.3333333333333 / 1000, 1]);
    expect(c.throughputOverTime.series[0]!.values).toEqual([null, 800, null, 1200]);
    expect(c.p99OverTime.series[1]!.values.filter((v) => v !== null)).toHaveLength(3);
    expect(c.percentilesLogY).toBe(false);
  });

  it('draws each capped scenario\'s target rate, dashed, beside what it achieved', () => {
    const base = fakeResult({ latenciesUs: latencies(300, 100, 1000), durationMs: 3000, intervalRecords: [50, 100, 150], capped: true });
    const targets = [60, 100, 140];
    const profiled = { ...base, intervals: base.intervals.map((i, k) => ({ ...i, targetRecordsPerSec: targets[k]! })) };
    const doc = compareOfResults([{ name: 'ramp', result: profiled }, { name: 'no cap', result: fakeResult({ latenciesUs: latencies(10, 100, 1000), durationMs: 3000 }) }]);
    const c = reportCharts(doc).throughputOverTime;
    expect(c.series.map((s) => [s.label, s.line])).toEqual([['ramp', 'solid'], ['no cap', 'solid'], ['ramp (target)', 'dashed']]);
    expect(c.x).toEqual([1, 2, 3]);
    expect(c.series[0]!.values).toEqual([50, 100, 150]);
    expect(c.series[2]!.values).toEqual([60, 100, 140]);
    expect(c.series[2]!.color).toBe(c.series[0]!.color);
  });

  it('opens the percentile chart on a log latency axis when scenarios\' p99 differ tenfold', () => {
    const spread = buildCompareResult([
      { index: 0, name: 'fast', settings: {}, results: [fakeResult({ latenciesUs: latencies(100, 100, 1000), durationMs: 100 })] },
      { index: 1, name: 'slow', settings: {}, results: [fakeResult({ latenciesUs: latencies(100, 1000, 10_000), durationMs: 100 })] },
    ], { matrix: {}, scenarioCount: 2, repeat: 1, warmupRecords: 0, baselineIndex: 0, interrupted: false });
    expect(reportCharts(spread).percentilesLogY).toBe(true);
  });
});

describe('htmlReport', () => {
  const assets = chartAssets();

  it('is one self-contained page: uPlot and the data inlined, nothing to fetch, requests forbidden', () => {
    const html = htmlReport(doc(), assets);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(assets.script.slice(0, 200));
    expect(html).toContain(assets.style);
    // The page's own script, compiled from client/charts.ts: JavaScript, its types gone.
    expect(html).toContain(`<script>${assets.pageScript}</script>`);
    expect(assets.pageScript).toContain("document.documentElement.setAttribute('data-charts-rendered'");
    expect(assets.pageScript).not.toMatch(/uPlot\.Series|: ChartData/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/);
    for (const id of ['chart-throughput', 'chart-percentiles', 'chart-throughput-time', 'chart-p99-time']) expect(html).toContain(`id="${id}"`);
    expect(embeddedData(html).charts.percentiles.series).toHaveLength(3);
  });

  it('shows the summary table with the best values marked and the shared workload', () => {
    const html = htmlReport(doc(), assets);
    expect(html).toContain('<title>perf-test compare: acks</title>');
    expect(html).toMatch(/<td class="num best">1,000<\/td>/);
    expect(html).toContain('<td class="num">baseline</td>');
    expect(html).toContain('<dt>record-size</dt><dd>100 B</dd>');
    expect(html).not.toContain('<dt>acks</dt>');
  });

  it('escapes names everywhere, so no setting value can inject markup or end a script early', () => {
    const html = htmlReport(doc('x</script><img src=x onerror=alert(1)>'), assets);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml('x</script><img src=x onerror=alert(1)>'));
    expect(embeddedData(html).charts.throughput.names[0]).toBe('x</script><img src=x onerror=alert(1)>');
  });

  it('draws a single run without the per-scenario throughput chart', () => {
    const r = fakeResult({ latenciesUs: latencies(100, 1000, 2000), durationMs: 100, topic: 'orders' });
    const html = htmlReport(compareOfResults([{ name: 'orders', result: r }]), assets);
    expect(html).toContain('<title>perf-test: 100 records to orders</title>');
    expect(html).not.toContain('id="chart-throughput"');
    expect(html).toContain('id="chart-percentiles"');
    expect(html).toContain('<dt>acks</dt><dd>-1</dd>');
  });
});
