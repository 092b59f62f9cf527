import { describe, expect, it } from 'vitest';
import type { ConsumedBatch } from '../../../src/clients/port.js';
import { ConsumeAggregator } from '../../../src/metrics/consume-aggregate.js';
import { ConsumeRecorder } from '../../../src/metrics/consume-recorder.js';
import { consumedFigures } from '../../../src/run/build-produce-result.js';

const clock = { nowMs: () => 0 };
const batch = (partition: number, from: number, to: number): ConsumedBatch => ({
  topic: 't',
  partition,
  records: { count: to - from, offsets: Array.from({ length: to - from }, (_, i) => from + i), sizes: new Array(to - from).fill(1), sendTimes: undefined },
});

describe('distinct records across consumers', () => {
  it('counts a record read again after a rebalance once, and says how many were read again', () => {
    const first = new ConsumeRecorder(clock, false);
    const second = new ConsumeRecorder(clock, false);
    first.onBatch(batch(0, 0, 100));
    first.onBatch(batch(1, 0, 50));
    // Partition 0 moves to the second consumer, which starts again from the last commit (80).
    second.onBatch(batch(0, 80, 150));
    const a = new ConsumeAggregator();
    a.add(first.snapshot());
    a.add(second.snapshot());
    expect(a.consumed).toBe(220); // as Kafka's ConsumerPerformance counts: every record received
    expect(a.unique).toBe(200);
    expect(consumedFigures(200, a)).toEqual({ records: 200, missing: 0, duplicates: 0, reread: 20 });
  });

  it('tells duplicates (more records in the topic than were acked) from missing ones', () => {
    const r = new ConsumeRecorder(clock, false);
    r.onBatch(batch(0, 0, 105));
    const a = new ConsumeAggregator();
    a.add(r.snapshot());
    expect(consumedFigures(100, a)).toEqual({ records: 105, missing: 0, duplicates: 5, reread: 0 });
    expect(consumedFigures(110, a)).toEqual({ records: 105, missing: 5, duplicates: 0, reread: 0 });
  });

  it('starts each interval\'s offsets afresh: a snapshot holds only what was read since the last one', () => {
    const r = new ConsumeRecorder(clock, false);
    r.onBatch(batch(0, 0, 10));
    expect(r.snapshot().offsets).toEqual({ 't:0': [[0, 10]] });
    r.onBatch(batch(0, 10, 12));
    r.onBatch(batch(0, 20, 21));
    expect(r.snapshot().offsets).toEqual({ 't:0': [[10, 12], [20, 21]] });
  });
});
