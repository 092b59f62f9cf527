import { describe, expect, it } from 'vitest';
import { e2eTargets } from '../markdown.mjs';
import { median, parseConsumerPerformance, parseEndToEndLatency, parsePerfTestConsume, parsePerfTestE2e } from '../parse.mjs';

describe('parsing each tool', () => {
  it("reads ConsumerPerformance's result row", () => {
    const out = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n'
      + '2026-12-02 03:59:35:824, 2026-12-02 03:59:42:500, 976.5625, 146.2796, 1000000, 149790.2936, 933, 5743, 170.0440, 174125.0218\n';
    expect(parseConsumerPerformance(out)).toEqual({ records: 1_000_000, recordsPerSec: 149790.2936, mbPerSec: 146.2796 });
    expect(parseConsumerPerformance('WARNING: Exiting before consuming the expected number of messages\n')).toBeUndefined();
  });

  it("reads EndToEndLatency's last two lines", () => {
    const out = '0\t21.57\n1000\t0.62\nAvg latency: 1.6487 ms\nPercentiles: 50th = 0, 99th = 12, 99.9th = 26\n';
    expect(parseEndToEndLatency(out, 10_000)).toEqual({ records: 10_000, avgMs: 1.6487, p50Ms: 0, p99Ms: 12, p999Ms: 26, wholeMs: true });
    expect(parseEndToEndLatency('Avg latency: 1.6487 ms\n', 10)).toBeUndefined();
  });

  it("reads perf-test's JSON results", () => {
    const consume = JSON.stringify({ mode: 'consume', records: { consumed: 5 }, throughput: { recordsPerSec: 10, mbPerSec: 1 } });
    expect(parsePerfTestConsume(consume)).toEqual({ records: 5, recordsPerSec: 10, mbPerSec: 1 });
    const e2e = JSON.stringify({ mode: 'e2e', consumed: { records: 7 }, endToEndLatencyMs: { avg: 1.5, p50: 1.25, p99: 3, p999: 9 } });
    expect(parsePerfTestE2e(e2e)).toEqual({ records: 7, avgMs: 1.5, p50Ms: 1.25, p99Ms: 3, p999Ms: 9, wholeMs: false });
    expect(parsePerfTestConsume('not json')).toBeUndefined();
  });
});

describe('figures', () => {
  it('takes the median of the rounds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('checks the e2e targets against Kafka\'s figures', () => {
    expect(e2eTargets({ p50Ms: 2.2, p99Ms: 12 }, { avgMs: 1.25, p99Ms: 6 })).toEqual({ p50: true, p99: true });
    expect(e2eTargets({ p50Ms: 2.3, p99Ms: 12.1 }, { avgMs: 1.25, p99Ms: 6 })).toEqual({ p50: false, p99: false });
  });
});
