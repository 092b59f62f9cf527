import { describe, expect, it } from 'vitest';
import { decodeHistogram, summarizeLatency } from '../../../src/metrics/histogram.js';
import { IntervalRecorder } from '../../../src/metrics/recorder.js';
import { RecordBatch } from '../../../src/producer/batch.js';

/** A batch of records with the given send times (ms), value sizes and intended times. */
function batch(sendTimesMs: number[], sizes: number[] = sendTimesMs.map(() => 10), intendedMs: number[] = sendTimesMs): RecordBatch {
  const b = new RecordBatch(0, sendTimesMs[0] ?? 0, 1_000_000, true);
  sendTimesMs.forEach((t, i) => b.tryAppend(Buffer.alloc(sizes[i]!), t, intendedMs[i]!));
  return b;
}

/** The values (µs) a histogram holds, sorted, from its encoded form; exact below 2048 µs. */
function values(encoded: string | undefined): number[] {
  if (encoded === undefined) throw new Error('no histogram');
  const h = decodeHistogram(encoded);
  const out: number[] = [];
  const count = h.totalCount;
  for (let i = 1; i <= count; i++) out.push(h.getValueAtPercentile((i / count) * 100));
  return out;
}

describe('IntervalRecorder', () => {
  it('records each record\'s latency in µs, from its send time to the ack', () => {
    const r = new IntervalRecorder({ intended: false, steady: false });
    r.onAcked(batch([0, 0.25, 1]), 1.5);
    const s = r.snapshot();
    expect(values(s.latency)).toEqual([500, 1250, 1500]);
    expect(s.acked).toBe(3);
    expect(s.ackedBytes).toBe(30);
    expect(s.intendedLatency).toBeUndefined();
    expect(s.steadyLatency).toBeUndefined();
  });

  it('rounds latency to whole µs', () => {
    const r = new IntervalRecorder({ intended: false, steady: false });
    r.onAcked(batch([0, 0]), 1.0004);
    r.onAcked(batch([0]), 1.0006);
    expect(values(r.snapshot().latency)).toEqual([1000, 1000, 1001]);
  });

  it('records runs of equal latencies as recording them one by one would', () => {
    const times = [0, 0, 0, 0.2, 0.2, 0, 0.7, 0.7, 0.7, 0.7];
    const byRuns = new IntervalRecorder({ intended: true, steady: false });
    byRuns.onAcked(batch(times, undefined, times.map((t) => t / 2)), 2);
    const oneByOne = new IntervalRecorder({ intended: true, steady: false });
    for (const t of times) oneByOne.onAcked(batch([t], undefined, [t / 2]), 2);
    const [a, b] = [byRuns.snapshot(), oneByOne.snapshot()];
    expect(values(a.latency)).toEqual([1300, 1300, 1300, 1300, 1800, 1800, 2000, 2000, 2000, 2000]);
    expect(values(a.latency)).toEqual(values(b.latency));
    expect(values(a.intendedLatency)).toEqual(values(b.intendedLatency));
    expect(a.acked).toBe(10);
  });

  it('records the intended-time view from each record\'s intended send time', () => {
    const r = new IntervalRecorder({ intended: true, steady: false });
    // A late sender: records were due at 0 and 0.5 but went at 1.
    r.onAcked(batch([1, 1], [5, 5], [0, 0.5]), 2);
    const s = r.snapshot();
    expect(values(s.latency)).toEqual([1000, 1000]);
    expect(values(s.intendedLatency)).toEqual([1500, 2000]);
  });

  it('records steady-state records (sent at or after steadyFromMs) in their own view', () => {
    const r = new IntervalRecorder({ intended: false, steady: true });
    r.steadyFromMs = 10;
    r.onAcked(batch([5, 6], [1, 1]), 11); // all warmup
    r.onAcked(batch([8, 9, 10, 11], [1, 2, 3, 4]), 12); // straddles the start of steady state
    r.onAcked(batch([12], [8]), 13.5);
    const s = r.snapshot();
    expect(s.acked).toBe(7);
    expect(s.ackedBytes).toBe(20);
    expect(s.steadyAcked).toBe(3);
    expect(s.steadyAckedBytes).toBe(3 + 4 + 8);
    expect(values(s.steadyLatency)).toEqual([1000, 1500, 2000]);
    expect(values(s.latency)).toHaveLength(7);
  });

  it('has no steady-state records before steadyFromMs is set', () => {
    const r = new IntervalRecorder({ intended: false, steady: true });
    r.onAcked(batch([1, 2]), 3);
    const s = r.snapshot();
    expect(s.steadyAcked).toBe(0);
    expect(decodeHistogram(s.steadyLatency!).totalCount).toBe(0);
  });

  it('counts records sent and failed, by error name', () => {
    const r = new IntervalRecorder({ intended: false, steady: false });
    r.noteSent();
    r.noteSent();
    r.noteSent();
    r.onFailed(2, 20, 'TimeoutException');
    r.onFailed(1, 10, 'NOT_LEADER_OR_FOLLOWER');
    r.onFailed(3, 30, 'TimeoutException');
    const s = r.snapshot();
    expect(s.sent).toBe(3);
    expect(s.failed).toBe(6);
    expect(s.errors).toEqual({ TimeoutException: 5, NOT_LEADER_OR_FOLLOWER: 1 });
    expect(s.acked).toBe(0);
  });

  it('starts afresh after each snapshot, and leaves earlier snapshots alone', () => {
    const r = new IntervalRecorder({ intended: true, steady: true });
    r.steadyFromMs = 0;
    r.noteSent();
    r.onAcked(batch([0]), 1);
    r.onFailed(1, 10, 'X');
    const first = r.snapshot();
    r.onFailed(4, 40, 'X');
    const second = r.snapshot();
    expect(first).toMatchObject({ sent: 1, acked: 1, failed: 1, ackedBytes: 10, steadyAcked: 1, steadyAckedBytes: 10, errors: { X: 1 } });
    expect(second).toMatchObject({ sent: 0, acked: 0, failed: 4, ackedBytes: 0, steadyAcked: 0, steadyAckedBytes: 0, errors: { X: 4 } });
    for (const h of [second.latency, second.intendedLatency!, second.steadyLatency!]) expect(decodeHistogram(h).totalCount).toBe(0);
    expect(summarizeLatency(decodeHistogram(first.latency))?.max).toBe(1);
    expect(r.steadyFromMs).toBe(0); // the steady-state start is not an interval figure
  });
});
