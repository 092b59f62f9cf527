import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parseOpenMetrics, type ParsedFamily } from '../support/openmetrics.js';
import { runCli, uniqueTopic } from './helpers.js';

describe('perf-test --metrics-port against a real broker', () => {
  it('serves OpenMetrics on /metrics during the run, which the Prometheus parser reads', async () => {
    const scrapes: ParsedFamily[][] = [];
    let url: Promise<string> | undefined;
    const run = await runCli([
      '--topic', uniqueTopic('metrics'), '--record-size', '100', '--throughput', '2000', '--duration', '4s', '--reporting-interval', '500',
      '--metrics-port', '0', '--run-id', 'it-run', '--shard', '0/1',
    ], {
      onSpawn: (child) => {
        url = new Promise((resolve) => {
          let text = '';
          child.stderr!.on('data', (d: Buffer) => {
            text += d.toString();
            const m = /Serving metrics on (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(text);
            if (m) resolve(m[1]!);
          });
        });
        // Scrapes every 300 ms until the run ends and the server closes.
        void (async () => {
          const at = await url!;
          for (;;) {
            await sleep(300);
            const res = await fetch(at).catch(() => undefined);
            if (!res) return;
            expect(res.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
            scrapes.push(parseOpenMetrics(await res.text()));
          }
        })();
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const value = (families: ParsedFamily[], name: string, sample = `${name}_total`) =>
      families.find((f) => f.name === name)!.samples.find((s) => s.name === sample)!;
    const counts = scrapes.map((f) => value(f, 'perftest_records_acked').value);
    // Counts only grow, scrape after scrape; the run's 4 s at 2000 records/s make 8000.
    expect(counts.every((c, i) => i === 0 || c >= counts[i - 1]!)).toBe(true);
    const live = scrapes.filter((f) => value(f, 'perftest_records_acked').value > 0);
    expect(live.length).toBeGreaterThanOrEqual(3);
    const [first, second] = [live[0]!, live[live.length - 1]!];
    const acked = [value(first, 'perftest_records_acked'), value(second, 'perftest_records_acked')];
    expect(acked[0]!.labels).toEqual({ run_id: 'it-run', shard: '0' });
    expect(acked[1]!.value - acked[0]!.value).toBeGreaterThan(1000);
    expect(value(second, 'perftest_records_sent').value).toBeGreaterThanOrEqual(acked[1]!.value);
    expect(value(second, 'perftest_record_retries').value).toBe(0);
    expect(second.find((f) => f.name === 'perftest_records_failed')!.samples).toEqual([]);
    const latency = second.find((f) => f.name === 'perftest_latency_seconds')!;
    expect(latency.samples.filter((s) => s.labels['quantile'] !== undefined).map((s) => s.labels['quantile'])).toEqual(['0.5', '0.95', '0.99', '0.999']);
    const p99 = latency.samples.find((s) => s.labels['quantile'] === '0.99')!.value;
    expect(p99).toBeGreaterThan(0);
    expect(p99).toBeLessThan(5);
    expect(value(second, 'perftest_latency_seconds', 'perftest_latency_seconds_count').value).toBe(acked[1]!.value);
    expect(value(second, 'perftest_target_records_per_second', 'perftest_target_records_per_second').value).toBeCloseTo(2000, 6);
  });
});
