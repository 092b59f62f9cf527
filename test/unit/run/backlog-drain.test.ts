import { describe, expect, it } from 'vitest';
import { BacklogDrain } from '../../../src/run/backlog-drain.js';
import { parseBacklog } from '../../../src/config/backlog.js';

const MB = 1024 * 1024;
const counts = (acked: number, consumed: number, bytesPerRecord = 100) =>
  ({ acked, ackedBytes: acked * bytesPerRecord, consumed, consumedBytes: consumed * bytesPerRecord });

describe('--backlog', () => {
  it('takes bytes with a unit, plain bytes, or a count of records', () => {
    expect(parseBacklog('2GiB')).toEqual({ kind: 'bytes', bytes: 2 * 1024 ** 3 });
    expect(parseBacklog('64MiB')).toEqual({ kind: 'bytes', bytes: 64 * MB });
    expect(parseBacklog('1048576')).toEqual({ kind: 'bytes', bytes: MB });
    expect(parseBacklog('50000records')).toEqual({ kind: 'records', records: 50000 });
    expect(parseBacklog('1 record')).toEqual({ kind: 'records', records: 1 });
  });
});

describe('the phases of a backlog drain', () => {
  it('fills until the records exist, drains until the lag is 1% of the backlog, with exact figures', () => {
    const d = new BacklogDrain({ kind: 'records', records: 10_000 }, 1000);
    expect(d.tick(2000, counts(5_000, 0), true)).toBeUndefined();
    expect(d.current).toBe('filling');
    // 10,200 acked at 3 s: the backlog exists; the consumers resume.
    expect(d.tick(3000, counts(10_200, 0), true)).toBe('resume');
    expect(d.current).toBe('draining');
    // Lag 12,000 - 9,000 = 3,000, above 102 (1% of 10,200).
    expect(d.tick(4000, counts(12_000, 9_000), true)).toBeUndefined();
    expect(d.current).toBe('draining');
    // Lag 14,000 - 13,900 = 100: caught up, 2 s after the resume.
    expect(d.tick(5000, counts(14_000, 13_900), true)).toBeUndefined();
    expect(d.current).toBe('caught-up');
    // Later ticks change nothing.
    expect(d.tick(6000, counts(16_000, 16_000), false)).toBeUndefined();
    expect(d.result(7000, counts(20_000, 20_000))).toEqual({
      targetBytes: null,
      targetRecords: 10_000,
      fill: { reached: true, durationMs: 2000, records: 10_200, bytes: 1_020_000, throughput: { recordsPerSec: 5100, mbPerSec: 510_000 / MB } },
      drain: {
        startMs: 2000, caughtUp: true, catchUpMs: 2000, caughtUpLagRecords: 102, whileProducing: true, durationMs: 2000,
        consumedRecords: 13_900, consumedBytes: 1_390_000, throughput: { recordsPerSec: 6950, mbPerSec: 695_000 / MB },
        produceThroughput: { recordsPerSec: 1900, mbPerSec: 190_000 / MB },
      },
    });
  });

  it('counts a byte backlog in value bytes', () => {
    const d = new BacklogDrain({ kind: 'bytes', bytes: 1_000_000 }, 0);
    expect(d.tick(100, counts(9_999, 0), true)).toBeUndefined();
    expect(d.tick(200, counts(10_000, 0), true)).toBe('resume');
    expect(d.result(200, counts(10_000, 0)).targetBytes).toBe(1_000_000);
  });

  it('resumes when producing ends before the backlog exists, and says it was not reached', () => {
    const d = new BacklogDrain({ kind: 'records', records: 10_000 }, 0);
    expect(d.tick(1000, counts(4_000, 0), false)).toBe('resume');
    expect(d.tick(1500, counts(4_000, 3_990), false)).toBeUndefined();
    const r = d.result(2000, counts(4_000, 4_000));
    expect(r.fill).toMatchObject({ reached: false, records: 4_000, durationMs: 1000 });
    expect(r.drain).toMatchObject({ caughtUp: true, catchUpMs: 500, caughtUpLagRecords: 40, whileProducing: false, consumedRecords: 3_990 });
  });

  it('reports consumers that never caught up over the drain until the run\'s end', () => {
    const d = new BacklogDrain({ kind: 'records', records: 1_000 }, 0);
    d.tick(1000, counts(1_000, 0), true);
    d.tick(2000, counts(3_000, 1_500), true);
    const r = d.result(5000, counts(6_000, 4_000));
    expect(r.drain).toMatchObject({ caughtUp: false, catchUpMs: null, whileProducing: false, durationMs: 4000, consumedRecords: 4_000 });
    expect(r.drain.throughput.recordsPerSec).toBe(1000);
    expect(r.drain.produceThroughput.recordsPerSec).toBe(1250);
  });
});
