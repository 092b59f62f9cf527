import { describe, expect, it } from 'vitest';
import type { IntervalResult } from '../../../src/report/result.js';
import { rollingLine } from '../../../src/report/summary-table.js';

const latency = { avg: 2, min: 1, p50: 2, p95: 3, p99: 4, p999: 5, max: 6 };
const interval = (over: Partial<IntervalResult>): IntervalResult => ({
  elapsedMs: 5000, durationMs: 5000, records: 100, failed: 0, bytes: 100, retried: 0, metadataRefreshes: 0,
  throughput: { recordsPerSec: 20, mbPerSec: 0 }, latencyMs: latency, intendedLatencyMs: null, histogram: '',
  ...over,
});
const progress = { fraction: 0.5, remainingMs: 5000 };

describe('rollingLine', () => {
  it('says nothing of retries while there are none', () => {
    expect(rollingLine(interval({}), progress)).not.toMatch(/retried|refresh/);
  });

  it('shows a failover: the stall without acks, then the retries and metadata refreshes', () => {
    const stall = rollingLine(interval({ records: 0, latencyMs: null, retried: 1200, metadataRefreshes: 4 }), progress);
    expect(stall).toContain('no records acknowledged');
    expect(stall).toContain('1,200 retried, 4 metadata refreshes');
    expect(rollingLine(interval({ retried: 3, metadataRefreshes: 1 }), progress)).toContain('3 retried, 1 metadata refresh |');
  });

  it('starts with the interval\'s target rate when the run has a cap', () => {
    expect(rollingLine(interval({ targetRecordsPerSec: 12_499.6 }), progress)).toMatch(/^ {2}target 12,500 rec\/s \| p50 2\.000 ms/);
    expect(rollingLine(interval({ targetRecordsPerSec: null }), progress)).not.toContain('target');
    expect(rollingLine(interval({}), progress)).not.toContain('target');
  });

  it('reads intervals of results written before retries were counted', () => {
    const { retried: _r, metadataRefreshes: _m, ...old } = interval({});
    expect(rollingLine(old, progress)).not.toMatch(/retried/);
  });
});
