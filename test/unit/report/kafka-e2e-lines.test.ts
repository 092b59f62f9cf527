import { describe, expect, it } from 'vitest';
import { kafkaEndToEndLines } from '../../../src/report/kafka-e2e-lines.js';
import { ReportOutput } from '../../../src/cli/output.js';
import { resolveReportConfig } from '../../../src/config/report-config.js';
import { fakeResult } from '../../support/fake-result.js';

describe("EndToEndLatency's lines", () => {
  it('print the average with 4 decimals (rounded as Java rounds) and whole-ms percentiles, truncated as Java keeps them', () => {
    expect(kafkaEndToEndLines({ avg: 1.23456, min: 0.5, p50: 1.999, p95: 2.5, p99: 3.0, p999: 17.9, max: 18 })).toEqual([
      'Avg latency: 1.2346 ms',
      'Percentiles: 50th = 1, 99th = 3, 99.9th = 17',
    ]);
    // Java's %.4f rounds the shortest decimal form HALF_UP: 0.00005 is 0.0001 (the shortest form of the double is 5e-5, rounded up).
    expect(kafkaEndToEndLines({ avg: 0.00005, min: 0, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 })[0]).toBe('Avg latency: 0.0001 ms');
  });

  it('say NaN, as Java would, when no record came back', () => {
    expect(kafkaEndToEndLines(null)).toEqual(['Avg latency: NaN ms', 'Percentiles: 50th = 0, 99th = 0, 99.9th = 0']);
  });

  it('are all an e2e run prints on stdout with --format kafka; the default format adds them after the producer line', () => {
    const e2e = fakeResult({ latenciesUs: [100, 200], durationMs: 1000, endToEndUs: [1000, 2000] });
    const out: string[] = [];
    const streams = { out: (t: string) => void out.push(t), err: () => undefined };
    const kafka = new ReportOutput(resolveReportConfig({ format: 'kafka' }), streams);
    kafka.interval({ ...e2e.intervals[0]!, consumed: 2 }, { fraction: 1, remainingMs: undefined }, false);
    kafka.final(e2e, []);
    expect(out.join('\n').split('\n')).toEqual(['Avg latency: 1.5000 ms', 'Percentiles: 50th = 1, 99th = 2, 99.9th = 2']);
    out.length = 0;
    new ReportOutput(resolveReportConfig({}), streams).final(e2e, []);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^2 records sent, /);
    expect(lines.slice(1, 3)).toEqual(['Avg latency: 1.5000 ms', 'Percentiles: 50th = 1, 99th = 2, 99.9th = 2']);
  });
});
