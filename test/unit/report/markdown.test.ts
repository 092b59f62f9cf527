import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../src/report/markdown.js';
import { fakeResult } from '../../support/fake-result.js';

// Latencies under 2048 µs are exact in the histograms, so every figure below is exact.
/** The report above its folded workload section (test/unit/report/workload.test.ts checks that one). */
function figures(md: string): string {
  const at = md.indexOf('\n\n<details><summary>Workload</summary>');
  expect(at).toBeGreaterThan(0);
  return md.slice(0, at);
}

const run = fakeResult({ latenciesUs: [100, 200, 300, 1500], durationMs: 2000, failed: 1, topic: 'orders' });

describe('markdownReport', () => {
  it('shows the workload, throughput, latency and errors as Markdown tables', () => {
    expect(figures(markdownReport(run))).toBe([
      '### perf-test: 4 records to `orders`',
      '',
      '5 records, 100 B, no cap, 1 producer(s), acks=-1',
      '',
      '| records/s | MB/s | acked | failed | duration |',
      '| ---: | ---: | ---: | ---: | ---: |',
      '| 2 | 0.00 | 4 | 1 | 2.0s |',
      '',
      '| latency (ms) | avg | p50 | p95 | p99 | p99.9 | max |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| send → ack | 0.525 | 0.200 | 1.500 | 1.500 | 1.500 | 1.500 |',
      '',
      '| error | records |',
      '| --- | ---: |',
      '| TimeoutException | 1 |',
    ].join('\n'));
  });

  it('adds the gates with their actual values and limits', () => {
    const md = figures(markdownReport(run, [
      { gate: 'p99 < 2ms', actual: 1.5, limit: 2, unit: 'ms', passed: true },
      { gate: 'throughput >= 1000 rec/s', actual: 2, limit: 1000, unit: 'rec/s', passed: false },
      { gate: 'e2e.p99 < 5ms', actual: null, limit: 5, unit: 'ms', passed: false },
    ]));
    expect(md.split('\n').slice(-6)).toEqual([
      '',
      '| gate | actual | limit | result |',
      '| --- | ---: | ---: | :---: |',
      '| `p99 < 2ms` | 1.5 ms | 2 ms | ✅ |',
      '| `throughput >= 1000 rec/s` | 2 rec/s | 1,000 rec/s | ❌ |',
      '| `e2e.p99 < 5ms` | n/a | 5 ms | ❌ |',
    ]);
  });

  it('adds the intended-send and end-to-end views, and what the consumers missed', () => {
    const e2e = fakeResult({ latenciesUs: [100, 200], durationMs: 1000, capped: true, endToEndUs: [400], status: 'interrupted' });
    expect(figures(markdownReport(e2e)).split('\n')).toEqual([
      '### perf-test: 2 records to `perf-test` (interrupted)',
      '',
      '2 records, 100 B, capped at 1000 rec/s, 1 producer(s), acks=-1',
      '',
      '| records/s | MB/s | acked | failed | duration |',
      '| ---: | ---: | ---: | ---: | ---: |',
      '| 2 | 0.00 | 2 | 0 | 1.0s |',
      '',
      '| latency (ms) | avg | p50 | p95 | p99 | p99.9 | max |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| send → ack | 0.150 | 0.100 | 0.200 | 0.200 | 0.200 | 0.200 |',
      '| intended send → ack | 0.150 | 0.100 | 0.200 | 0.200 | 0.200 | 0.200 |',
      '| end to end | 0.400 | 0.400 | 0.400 | 0.400 | 0.400 | 0.400 |',
      '',
      'Consumed 1 records, 1 missing.',
    ]);
  });

  it('names a duration run by its duration', () => {
    const timed = { ...run, config: { ...run.config, numRecords: null, durationMs: 30_000 } };
    expect(markdownReport(timed).split('\n')[2]).toBe('30s, 100 B, no cap, 1 producer(s), acks=-1');
  });
});
