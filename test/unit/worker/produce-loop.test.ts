import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntervalRecorder } from '../../../src/metrics/recorder.js';
import type { BatchingProducer } from '../../../src/producer/producer.js';
import type { Clock } from '../../../src/util/clock.js';
import { createPayloadSource } from '../../../src/workload/payload.js';
import { createKeySource } from '../../../src/workload/keys.js';
import { createHeaderSource } from '../../../src/workload/headers.js';
import type { RecordHeader } from '../../../src/clients/port.js';
import { runProduceLoop, type ProduceLoopOptions, type TransactionControl } from '../../../src/worker/produce-loop.js';

interface Sent {
  readonly value: string;
  readonly sendMs: number;
  readonly intendedMs: number;
  readonly key?: string | undefined;
  readonly headers?: number | undefined;
}

/** A producer that notes what it is handed; `block(i)` makes send #i block for that many ms. */
function stubProducer(log: string[], block: (i: number) => number = () => 0) {
  const sent: Sent[] = [];
  const producer = {
    send(value: Buffer, sendMs: number, intendedMs: number, key?: Buffer, headers?: readonly RecordHeader[]): Promise<void> | undefined {
      const i = sent.length;
      sent.push({ value: value.toString(), sendMs, intendedMs, ...(key ? { key: key.toString() } : {}), ...(headers ? { headers: headers.length } : {}) });
      log.push(`send ${i}`);
      const ms = block(i);
      return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : undefined;
    },
    flush(): Promise<void> {
      log.push('flush');
      return Promise.resolve();
    },
  };
  return { producer: producer as unknown as BatchingProducer, sent };
}

const clock: Clock = { nowMs: () => Date.now() };

function options(over: Partial<ProduceLoopOptions> & Pick<ProduceLoopOptions, 'producer' | 'recorder'>): ProduceLoopOptions {
  return {
    payloads: createPayloadSource({ kind: 'monotonic' }),
    prepare: undefined,
    clock,
    startMs: 0,
    records: undefined,
    durationMs: undefined,
    rate: undefined,
    warmupRecords: 0,
    ordinalBase: 0,
    ordinalStride: 1,
    stop: new AbortController().signal,
    transactions: undefined,
    ...over,
  };
}

/** Runs the loop, advancing fake time until it ends; returns the records it sent. */
async function run(o: ProduceLoopOptions): Promise<number> {
  let result: number | undefined;
  void runProduceLoop(o).then((n) => { result = n; });
  for (let i = 0; i < 100_000 && result === undefined; i++) await vi.advanceTimersByTimeAsync(1);
  if (result === undefined) throw new Error('the loop did not end');
  return result;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('runProduceLoop', () => {
  it('sends --num-records records at once without a cap, with ordinals base + i * stride', async () => {
    const { producer, sent } = stubProducer([]);
    const recorder = new IntervalRecorder({ intended: false, steady: false });
    const n = await run(options({ producer, recorder, records: 5, ordinalBase: 10, ordinalStride: 3 }));
    expect(n).toBe(5);
    expect(sent).toEqual([10, 13, 16, 19, 22].map((v) => ({ value: String(v), sendMs: 0, intendedMs: 0 })));
    expect(recorder.snapshot().sent).toBe(5);
  });

  it('sends each record at its intended time under a cap', async () => {
    const { producer, sent } = stubProducer([]);
    const n = await run(options({ producer, recorder: new IntervalRecorder({ intended: true, steady: false }), records: 4, rate: 4 }));
    expect(n).toBe(4);
    expect(sent.map((s) => [s.intendedMs, s.sendMs])).toEqual([[0, 0], [250, 250], [500, 500], [750, 750]]);
  });

  it('does not burst ahead after a stall: late records go at once but keep their intended times', async () => {
    vi.setSystemTime(1000); // the loop starts a second late
    const { producer, sent } = stubProducer([]);
    await run(options({ producer, recorder: new IntervalRecorder({ intended: true, steady: false }), records: 6, rate: 4 }));
    expect(sent.map((s) => [s.intendedMs, s.sendMs])).toEqual([
      [0, 1000], [250, 1000], [500, 1000], [750, 1000], [1000, 1000], [1250, 1250],
    ]);
  });

  it('waits for a blocked send before the next record', async () => {
    const { producer, sent } = stubProducer([], (i) => (i === 1 ? 50 : 0));
    await run(options({ producer, recorder: new IntervalRecorder({ intended: false, steady: false }), records: 3 }));
    expect(sent.map((s) => s.sendMs)).toEqual([0, 0, 50]);
  });

  it('without a cap, reads the clock once per 8 records sent back to back, and afresh after a blocked send', async () => {
    let reads = 0;
    const counting: Clock = { nowMs: () => (reads++, Date.now()) };
    const { producer, sent } = stubProducer([], (i) => (i === 10 ? 5 : 0));
    const recorder = new IntervalRecorder({ intended: false, steady: false });
    await run(options({ producer, recorder, clock: counting, records: 20 }));
    // Readings for records 0 and 8, for record 11 after the 5 ms block of record 10, then for record 16.
    expect(reads).toBe(4);
    expect(sent.map((s) => s.sendMs)).toEqual([...Array(11).fill(0), ...Array(9).fill(5)]);
  });

  it('marks the start of steady state at the send time of record --warmup-records', async () => {
    const { producer } = stubProducer([]);
    const recorder = new IntervalRecorder({ intended: false, steady: true });
    await run(options({ producer, recorder, records: 5, rate: 10, warmupRecords: 2 }));
    expect(recorder.steadyFromMs).toBe(200);
  });

  it('leaves steady state unset without warmup', async () => {
    const { producer } = stubProducer([]);
    const recorder = new IntervalRecorder({ intended: false, steady: false });
    await run(options({ producer, recorder, records: 3 }));
    expect(recorder.steadyFromMs).toBe(Infinity);
  });

  it('stops at the end of --duration', async () => {
    const { producer, sent } = stubProducer([]);
    const n = await run(options({ producer, recorder: new IntervalRecorder({ intended: true, steady: false }), durationMs: 1000, rate: 2 }));
    expect(n).toBe(2);
    expect(sent.map((s) => s.sendMs)).toEqual([0, 500]);
  });

  it('wakes up from a wait and stops when asked', async () => {
    const { producer, sent } = stubProducer([]);
    const stop = new AbortController();
    let result: number | undefined;
    void runProduceLoop(options({ producer, recorder: new IntervalRecorder({ intended: true, steady: false }), records: 10, rate: 1, stop: stop.signal }))
      .then((n) => { result = n; });
    await vi.advanceTimersByTimeAsync(1500);
    expect(sent).toHaveLength(2);
    stop.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(2);
  });

  it('applies a prepare step to each payload, with its send time', async () => {
    const { producer, sent } = stubProducer([]);
    await run(options({
      producer, recorder: new IntervalRecorder({ intended: true, steady: false }), records: 2, rate: 1000,
      prepare: (value, sendTimeMs) => Buffer.from(`${value.toString()}@${sendTimeMs}`),
    }));
    expect(sent.map((s) => s.value)).toEqual(['0@0', '1@1']);
  });

  it('commits a transaction every --transaction-duration-ms, after a flush', async () => {
    const log: string[] = [];
    const { producer } = stubProducer(log);
    const transactions: TransactionControl = {
      durationMs: 100,
      begin: async () => { log.push('begin'); },
      commit: async () => { log.push('commit'); },
    };
    await run(options({ producer, recorder: new IntervalRecorder({ intended: true, steady: false }), records: 25, rate: 100, transactions }));
    expect(log.filter((l) => !l.startsWith('send'))).toEqual(['begin', 'flush', 'commit', 'begin', 'flush', 'commit', 'begin']);
    // The record due at 100 ms is the last of the first transaction.
    expect(log.slice(0, 13)).toEqual(['begin', ...Array.from({ length: 11 }, (_, i) => `send ${i}`), 'flush']);
  });

  it('gives each record the key and headers of its ordinal: range keys count over all producers', async () => {
    const { producer, sent } = stubProducer([]);
    await run(options({
      producer, recorder: new IntervalRecorder({ intended: false, steady: false }), records: 4, ordinalBase: 1, ordinalStride: 3,
      keys: createKeySource({ kind: 'range', range: 5, sizeBytes: undefined }), headers: createHeaderSource({ count: 2, keyBytes: 1, valueBytes: 1 }),
    }));
    // ordinals 1, 4, 7, 10 modulo 5
    expect(sent.map((s) => [s.value, s.key, s.headers])).toEqual([['1', '1', 2], ['4', '4', 2], ['7', '2', 2], ['10', '0', 2]]);
  });
});
