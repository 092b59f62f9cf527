import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorName } from '../../../src/clients/kafka-errors.js';
import { recordSizeInBatch } from '../../../src/producer/record-size.js';
import { clock, ONE_PARTITION, setup, tick, track, type Call } from '../../support/producer-port.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('BatchingProducer: batching', () => {
  const KB = Buffer.alloc(1000, 65);

  it('fills batches to batch.size: 16 records of 1000 bytes per 16384-byte batch', async () => {
    // 61 + 16 * 1010 = 16221 <= 16384 < 61 + 17 * 1010
    expect(recordSizeInBatch(1000, 15)).toBe(1010);
    expect(61 + 16 * 1010).toBeLessThanOrEqual(16384);
    expect(61 + 17 * 1010).toBeGreaterThan(16384);

    const { port, out, producer, send } = setup({ batchSizeBytes: 16384, lingerMs: 1000 });
    for (let i = 0; i < 40; i++) expect(send(KB)).toBeUndefined();
    expect(port.calls).toHaveLength(0); // nothing goes out synchronously
    await tick();
    expect(port.counts()).toEqual([[16], [16]]); // full batches go at once, one per request
    await tick(999);
    expect(port.calls).toHaveLength(2); // the partial one lingers
    await tick(1);
    expect(port.counts()).toEqual([[16], [16], [8]]);
    port.calls.forEach((c) => c.resolve());
    await tick();
    expect(out.acked.map((a) => a.values.length)).toEqual([16, 16, 8]);
    expect(producer.pending).toBe(0);
    expect(producer.metrics()).toMatchObject({ requests: 3, batches: 3, records: 40, batchBytes: 16221 + 16221 + 8141, failedRequests: 0 });
  });

  it('sends a partial batch only once linger.ms has passed since its first record', async () => {
    const { port, out, send } = setup({ lingerMs: 10 });
    send('a');
    send('b');
    send('c');
    await tick(5);
    send('d'); // joins the batch; does not extend its linger
    await tick(4);
    expect(port.calls).toHaveLength(0);
    await tick(1);
    expect(port.counts()).toEqual([[4]]);
    await tick(15);
    port.calls[0]!.resolve();
    await tick();
    expect(out.acked).toEqual([{ partition: 0, values: ['a', 'b', 'c', 'd'], sendTimesMs: [0, 0, 0, 5], intendedTimesMs: [], ackMs: 25 }]);
  });

  it('with linger.ms=0 sends at the next tick, with what arrived in the same turn', async () => {
    const { port, send } = setup({ lingerMs: 0 });
    send('a');
    send('b');
    expect(port.calls).toHaveLength(0);
    await tick();
    expect(port.calls.map((c) => c.records[0]!.values.map(String))).toEqual([['a', 'b']]);
    send('c');
    await tick();
    expect(port.counts()).toEqual([[2], [1]]);
  });

  it('puts at most one batch per partition in a request', async () => {
    // batch.size 1: every record closes the batch before it and moves the sticky partitioner: 0, 1, 0, 1...
    const { port, send } = setup({ batchSizeBytes: 1, lingerMs: 0 }, [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }]);
    for (let i = 0; i < 6; i++) send(`r${i}`);
    await tick();
    expect(port.calls).toHaveLength(3);
    for (const call of port.calls) {
      expect(call.records.map((r) => r.partition).sort()).toEqual([0, 1]);
      expect(call.records.every((r) => r.values.length === 1)).toBe(true);
    }
    const values = port.calls.map((c) => c.records.flatMap((r) => r.values.map(String)).sort());
    expect(values).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4', 'r5']]);
  });

  it('sends partitions of different leaders in different requests', async () => {
    const partitions = [{ partition: 0, leader: 1 }, { partition: 1, leader: 2 }, { partition: 2, leader: 1 }];
    const leaderOf = new Map(partitions.map((p) => [p.partition, p.leader]));
    const { port, send } = setup({ batchSizeBytes: 1, lingerMs: 0 }, partitions, { random: () => 0.5 });
    for (let i = 0; i < 9; i++) send(`r${i}`);
    await tick();
    const leaders = port.calls.map((c) => new Set(c.records.map((r) => leaderOf.get(r.partition))));
    expect(leaders.every((l) => l.size === 1)).toBe(true);
    expect(new Set(leaders.map((l) => [...l][0]))).toEqual(new Set([1, 2]));
    expect(port.calls.reduce((n, c) => n + c.records.reduce((m, r) => m + r.values.length, 0), 0)).toBe(9);
  });

  it('keeps a request within max.request.size, but always sends at least one batch', async () => {
    // Each one-record batch is 61 + 10 = 71 bytes: two do not fit in 100.
    const { port, send } = setup({ batchSizeBytes: 1, lingerMs: 0, maxRequestSizeBytes: 100 }, [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }]);
    send('r0');
    send('r1');
    await tick();
    expect(port.calls.map((c) => c.records.map((r) => r.partition))).toEqual([[0], [1]]);
  });
});

describe('BatchingProducer: intended send times', () => {
  it('keeps each record\'s intended send time for the ack when asked to (rate-capped runs)', async () => {
    const { port, out, producer } = setup({ lingerMs: 0 }, ONE_PARTITION, { trackIntended: true });
    await tick(5);
    producer.send(Buffer.from('a'), 5, 2); // late: due at 2 ms, sent at 5 ms
    producer.send(Buffer.from('b'), 5, 3);
    await tick();
    port.calls[0]!.resolve();
    await tick();
    expect(out.acked.map((a) => [a.sendTimesMs, a.intendedTimesMs])).toEqual([[[5, 5], [2, 3]]]);
  });

  it('does not keep them otherwise', async () => {
    const { port, out, producer } = setup({ lingerMs: 0 });
    await tick(5);
    producer.send(Buffer.from('a'), 5, 2);
    await tick();
    port.calls[0]!.resolve();
    await tick();
    expect(out.acked.map((a) => a.intendedTimesMs)).toEqual([[]]);
  });
});

describe('BatchingProducer: in-flight requests', () => {
  it('keeps at most max.in.flight.requests.per.connection requests per leader unanswered', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, maxInFlightPerConnection: 2 });
    send('r0');
    await tick();
    send('r1');
    await tick();
    send('r2');
    send('r3');
    send('r4');
    await tick(100);
    expect(port.counts()).toEqual([[1], [1]]); // the third request waits for an answer
    port.calls[0]!.resolve();
    await tick();
    expect(port.counts()).toEqual([[1], [1], [3]]);
    expect(port.maxOutstanding.get(1)).toBe(2);
    port.calls.forEach((c) => c.resolve());
    await tick();
    expect(out.ackedRecords).toBe(5);
    expect(producer.metrics().maxInFlight).toBe(2);
  });

  it('counts the limit per leader, not per producer', async () => {
    // batch.size 1 and random 0: records go to partitions 0, 1, 0, 1
    const { port, send } = setup({ lingerMs: 0, batchSizeBytes: 1, maxInFlightPerConnection: 1 },
      [{ partition: 0, leader: 1 }, { partition: 1, leader: 2 }]);
    for (let i = 0; i < 4; i++) send(`r${i}`);
    await tick();
    expect(port.calls.map((c) => c.records.map((r) => [r.partition, r.values.map(String)]))).toEqual([
      [[0, ['r0']]],
      [[1, ['r1']]],
    ]);
    expect(port.maxOutstanding).toEqual(new Map([[1, 1], [2, 1]]));
    port.calls[1]!.resolve(); // leader 2 answers: only its next request goes
    await tick();
    expect(port.calls.map((c) => c.records[0]!.values.map(String))).toEqual([['r0'], ['r1'], ['r3']]);
    port.calls[0]!.resolve();
    await tick();
    expect(port.calls.map((c) => c.records[0]!.values.map(String))).toEqual([['r0'], ['r1'], ['r3'], ['r2']]);
  });

  it('measures request latency from dispatch to answer', async () => {
    const { port, producer, send } = setup({ lingerMs: 0 });
    send('a');
    await tick();
    send('b');
    await tick();
    await tick(7);
    port.calls[0]!.resolve();
    await tick(3);
    port.calls[1]!.resolve();
    await tick();
    expect(producer.metrics()).toMatchObject({ requests: 2, requestLatencyTotalMs: 17, requestLatencyMaxMs: 10 });
  });
});

describe('BatchingProducer: buffer.memory and max.block.ms', () => {
  const KB = Buffer.alloc(1000);
  const RECORD = recordSizeInBatch(1000, 0); // 1010 bytes of buffer.memory per record

  it('returns a promise from send() when the buffer is full, resolved when an ack frees memory', async () => {
    const { port, out, producer, send } = setup({ bufferMemoryBytes: 3 * RECORD, lingerMs: 1000, maxBlockMs: 5000 });
    expect(send(KB)).toBeUndefined();
    expect(send(KB)).toBeUndefined();
    expect(send(KB)).toBeUndefined(); // exactly full
    const blocked = send(KB);
    expect(blocked).toBeInstanceOf(Promise);
    const state = track(blocked);
    await tick();
    // A full buffer makes batches ready at once, linger or not.
    expect(port.counts()).toEqual([[3]]);
    expect(state.done).toBe(false);
    expect(producer.pending).toBe(3);
    await tick(100);
    expect(state.done).toBe(false);
    port.calls[0]!.resolve();
    await tick();
    expect(state.done).toBe(true);
    expect(out.ackedRecords).toBe(3);
    expect(producer.pending).toBe(1); // the blocked record went in
    expect(out.failed).toEqual([]);
    expect(producer.metrics()).toMatchObject({ bufferWaits: 1, bufferTimeouts: 0 });
  });

  it('takes a record larger than buffer.memory when the buffer is empty', () => {
    const { send } = setup({ bufferMemoryBytes: 100 });
    expect(send(KB)).toBeUndefined();
  });

  it('fails the record as TimeoutException when no memory frees up within max.block.ms', async () => {
    const { out, producer, send } = setup({ bufferMemoryBytes: 3 * RECORD, lingerMs: 1000, maxBlockMs: 5000 });
    send(KB);
    send(KB);
    send(KB);
    const state = track(send(KB));
    await tick(4999);
    expect(state.done).toBe(false);
    expect(out.failed).toEqual([]);
    await tick(1);
    expect(state.done).toBe(true); // resolves (the caller goes on), the record counted as failed
    expect(out.failed).toEqual([{ records: 1, valueBytes: 1000, error: 'TimeoutException' }]);
    expect(producer.pending).toBe(3);
    expect(producer.metrics()).toMatchObject({ bufferWaits: 1, bufferTimeouts: 1 });
  });
});

describe('BatchingProducer: failures', () => {
  it('counts a rejected request\'s records as failed under the Kafka error name', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0 });
    send('abc');
    send('de');
    send('f');
    await tick();
    const protocolError = new KafkaJSProtocolError({ message: 'too large', type: 'MESSAGE_TOO_LARGE', code: 10 } as unknown as Error);
    port.calls[0]!.reject(new KafkaJSNumberOfRetriesExceeded(protocolError, { retryCount: 5, retryTime: 100 }));
    await tick();
    expect(out.failed).toEqual([{ records: 3, valueBytes: 6, error: 'MESSAGE_TOO_LARGE' }]);
    expect(out.acked).toEqual([]);
    expect(producer.pending).toBe(0);
    expect(producer.metrics().failedRequests).toBe(1);
  });

  it('fails every batch of a rejected request', async () => {
    const { port, out, send } = setup({ lingerMs: 0, batchSizeBytes: 1 }, [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }]);
    send('a');
    send('b');
    await tick();
    port.calls[0]!.reject(new TypeError('socket closed'));
    await tick();
    expect(out.failed).toEqual([
      { records: 1, valueBytes: 1, error: 'TypeError' },
      { records: 1, valueBytes: 1, error: 'TypeError' },
    ]);
  });

  it('fails a request that never answers once delivery.timeout.ms has passed since its oldest record', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, deliveryTimeoutMs: 1000, maxInFlightPerConnection: 1 });
    send('r0');
    await tick();
    await tick(100);
    send('r1'); // waits: the only in-flight slot is taken
    await tick(899);
    expect(out.failed).toEqual([]);
    await tick(1); // t = 1000
    expect(out.failed).toEqual([{ records: 1, valueBytes: 2, error: 'TimeoutException' }]);
    expect(port.calls).toHaveLength(2); // the slot is free: r1 goes
    await tick(99);
    expect(out.failed).toHaveLength(1);
    await tick(1); // t = 1100: r1's own deadline
    expect(out.failed).toHaveLength(2);
    // Late answers change nothing: each record has one outcome.
    port.calls.forEach((c) => c.resolve());
    await tick();
    expect(out.acked).toEqual([]);
    expect(producer.pending).toBe(0);
    expect(producer.metrics().failedRequests).toBe(2);
  });

  it('fails a batch that waited in the accumulator for delivery.timeout.ms without sending it', async () => {
    const { port, out, send } = setup({ lingerMs: 0, deliveryTimeoutMs: 1000, maxInFlightPerConnection: 1 });
    send('r0');
    await tick();
    send('r1'); // a new batch at t = 0, behind the in-flight request
    await tick(1000);
    expect(port.calls).toHaveLength(1);
    expect(out.failed).toEqual([
      { records: 1, valueBytes: 2, error: 'TimeoutException' },
      { records: 1, valueBytes: 2, error: 'TimeoutException' },
    ]);
  });

  it('ignores an answer that comes after a timeout, and a timeout after an answer', async () => {
    const { port, out, send } = setup({ lingerMs: 0, deliveryTimeoutMs: 1000 });
    send('a');
    await tick();
    port.calls[0]!.resolve();
    await tick(5000);
    expect(out.ackedRecords).toBe(1);
    expect(out.failed).toEqual([]);
  });
});

describe('BatchingProducer: reuse of acknowledged batches', () => {
  /** The batch objects the listener was given, in order. */
  function ackedBatches(out: ReturnType<typeof setup>['out']): unknown[] {
    const seen: unknown[] = [];
    const onAcked = out.onAcked.bind(out);
    out.onAcked = (batch, ackMs) => { seen.push(batch); onAcked(batch, ackMs); };
    return seen;
  }

  it('reuses a batch acknowledged at its first try for a later one, which reports only its own records', async () => {
    const { port, out, send } = setup({ lingerMs: 0 });
    const seen = ackedBatches(out);
    send('a');
    await tick();
    port.calls[0]!.resolve();
    await tick(5);
    send('bb');
    send('cc');
    await tick();
    expect(port.counts()).toEqual([[1], [2]]);
    port.calls[1]!.resolve();
    await tick();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(out.acked.map((a) => [a.values, a.sendTimesMs])).toEqual([[['a'], [0]], [['bb', 'cc'], [5, 5]]]);
  });

  it('never reuses a batch sent more than once: the port may still hold an earlier try', async () => {
    const { port, out, send } = setup({ lingerMs: 0, requestTimeoutMs: 500, retryBackoffMs: 100 });
    const seen = ackedBatches(out);
    send('a');
    await tick(600); // the first try times out; the second goes
    expect(port.calls).toHaveLength(2);
    port.calls[1]!.resolve();
    await tick();
    send('b');
    await tick();
    port.calls[2]!.resolve();
    await tick();
    port.calls[0]!.resolve(); // the first try's late answer
    await tick();
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(seen[0]);
    expect(out.acked.map((a) => a.values)).toEqual([['a'], ['b']]);
  });
});

describe('BatchingProducer: flush and abandonUnsent', () => {
  it('flush() sends what lingers at once and resolves only when everything is acknowledged', async () => {
    const { port, producer, send } = setup({ lingerMs: 1000, batchSizeBytes: 1 }, [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }]);
    send('a');
    send('b');
    send('c');
    const flushed = track(producer.flush());
    expect(port.calls.length).toBeGreaterThan(0); // synchronously, without waiting for linger.ms
    await tick();
    const sent = port.calls.reduce((n, c) => n + c.records.length, 0);
    expect(sent).toBe(3);
    expect(flushed.done).toBe(false);
    port.calls.slice(0, -1).forEach((c) => c.resolve());
    await tick();
    expect(flushed.done).toBe(false);
    port.calls.at(-1)!.resolve();
    await tick();
    expect(flushed.done).toBe(true);
    expect(producer.pending).toBe(0);
  });

  it('flush() sends a lingering batch as soon as an in-flight slot frees', async () => {
    const { port, producer, send } = setup({ lingerMs: 60_000, maxInFlightPerConnection: 1 });
    send('a');
    const flushed = track(producer.flush());
    send('b');
    await tick();
    expect(port.counts()).toEqual([[1]]);
    port.calls[0]!.resolve();
    await tick();
    expect(port.counts()).toEqual([[1], [1]]);
    expect(flushed.done).toBe(false);
    port.calls[1]!.resolve();
    await tick();
    expect(flushed.done).toBe(true);
  });

  it('flush() counts failed records as done', async () => {
    const { port, producer, send } = setup({ lingerMs: 0 });
    send('a');
    await tick();
    const flushed = track(producer.flush());
    port.calls[0]!.reject(new Error('boom'));
    await tick();
    expect(flushed.done).toBe(true);
  });

  it('flush() with nothing pending resolves at once', async () => {
    const { producer } = setup({});
    const flushed = track(producer.flush());
    await Promise.resolve();
    expect(flushed.done).toBe(true);
  });

  it('abandonUnsent() drops records not yet sent and returns their count; in-flight ones still complete', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, maxInFlightPerConnection: 1 });
    send('r0');
    await tick();
    send('r1');
    send('r2');
    await tick();
    expect(producer.pending).toBe(3);
    expect(producer.abandonUnsent()).toBe(2);
    expect(producer.pending).toBe(1);
    const flushed = track(producer.flush());
    port.calls[0]!.resolve();
    await tick(10_000);
    expect(flushed.done).toBe(true);
    expect(port.calls).toHaveLength(1); // the dropped records were never sent
    expect(out.acked.map((a) => a.values)).toEqual([['r0']]);
    expect(out.failed).toEqual([]);
  });

  it('abandonUnsent() resolves a waiting flush() when only unsent records were left', async () => {
    const { producer, send } = setup({ lingerMs: 1000, maxInFlightPerConnection: 1 });
    send('a');
    // Not flushed yet, so nothing was sent: everything is unsent.
    const flushed = track(new Promise<void>((resolve) => {
      producer.abandonUnsent();
      void producer.flush().then(resolve);
    }));
    await tick();
    expect(flushed.done).toBe(true);
    expect(producer.pending).toBe(0);
  });

  // BUG: abandonUnsent() forgets the dropped records but not the buffer.memory they hold.
  it('abandonUnsent() frees the buffer memory of the dropped records', async () => {
    const RECORD = recordSizeInBatch(1000, 0);
    const { producer, send } = setup({ lingerMs: 0, maxInFlightPerConnection: 1, bufferMemoryBytes: 2 * RECORD });
    send(Buffer.alloc(1000));
    await tick(); // in flight, never answered
    expect(send(Buffer.alloc(1000))).toBeUndefined(); // fills the buffer, unsent
    expect(producer.abandonUnsent()).toBe(1);
    expect(send(Buffer.alloc(1000))).toBeUndefined(); // room for one again
  });
});

describe.each([false, true])('BatchingProducer: every record has exactly one outcome (idempotence %s)', (idempotence) => {
  it('acked + failed = sent under acks, retries, rejections, timeouts, in-flight limits and full buffers', async () => {
    const partitions = [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }, { partition: 2, leader: 2 }];
    const retriable = new KafkaJSProtocolError({ message: 'x', type: 'REQUEST_TIMED_OUT', code: 7 } as unknown as Error);
    // Answers: every 5th request rejected (retriable), every 11th refused for good, every 7th never answered, the
    // rest acked after 0-2 ms.
    const respond = (call: Call) => {
      if (call.index % 7 === 3) return;
      setTimeout(() => {
        if (call.index % 11 === 4) call.resolve(Object.fromEntries(call.records.map((r) => [r.partition, 'INVALID_RECORD'])));
        else if (call.index % 5 === 0) call.reject(retriable);
        else call.resolve();
      }, call.index % 3);
    };
    let r = 0;
    const random = () => (r = (r + 0.382) % 1);
    const value = Buffer.alloc(20);
    const { port, out, producer } = setup({
      idempotence, batchSizeBytes: 200, lingerMs: 2, maxInFlightPerConnection: 2, deliveryTimeoutMs: 300, requestTimeoutMs: 100,
      bufferMemoryBytes: 40 * recordSizeInBatch(20, 0), maxBlockMs: 50,
    }, partitions, { random, respond });

    const total = 1000;
    for (let i = 0; i < total; i++) {
      const v = Buffer.from(value);
      v.write(String(i));
      const blocked = producer.send(v, clock.nowMs(), clock.nowMs());
      if (blocked) {
        const state = track(blocked);
        while (!state.done) await tick(1); // a blocked send() waits on acks and timers: let time pass
      }
      if (i % 10 === 9) await tick(1);
    }
    const flushed = track(producer.flush());
    await tick(10_000);
    expect(flushed.done).toBe(true);
    expect(producer.pending).toBe(0);

    expect([...new Set(out.failed.map((f) => f.error))].sort()).toEqual(['INVALID_RECORD', 'TimeoutException']);
    expect(out.ackedRecords).toBeGreaterThan(0);
    expect(out.ackedRecords + out.failedRecords).toBe(total);

    // No record was acked twice; a record was sent again only as a retry.
    const acked = out.acked.flatMap((a) => a.values);
    expect(new Set(acked).size).toBe(acked.length);
    const sentValues = port.calls.flatMap((c) => c.records.flatMap((rec) => rec.values.map(String)));
    const metrics = producer.metrics();
    expect(metrics.records).toBe(sentValues.length);
    expect(metrics.recordRetries).toBeGreaterThan(0);
    expect(sentValues.length - new Set(sentValues).size).toBeLessThanOrEqual(metrics.recordRetries);
    // A record got buffer memory and was sent, or failed after max.block.ms without being sent, or (idempotent:
    // held back behind a retry or an epoch bump) expired unsent.
    if (idempotence) expect(new Set(sentValues).size + metrics.bufferTimeouts).toBeLessThanOrEqual(total);
    else expect(new Set(sentValues).size + metrics.bufferTimeouts).toBe(total);
    if (idempotence) expect(metrics.epochBumps).toBeGreaterThan(0);
    expect(metrics.maxInFlight).toBe(2);
    expect(metrics.requests).toBe(port.calls.length);
    // The scenario did fill the buffer, time records out and reject requests.
    expect(metrics.bufferWaits).toBeGreaterThan(0);
    expect(metrics.bufferTimeouts).toBeGreaterThan(0);
    expect(metrics.failedRequests).toBeGreaterThan(0);
  });
});

describe('errorName', () => {
  it('takes the Kafka error type of a kafkajs error, through retries\' cause', () => {
    const protocolError = new KafkaJSProtocolError({ message: 'm', type: 'NOT_ENOUGH_REPLICAS', code: 19 } as unknown as Error);
    expect(errorName(protocolError)).toBe('NOT_ENOUGH_REPLICAS');
    expect(errorName(new KafkaJSNumberOfRetriesExceeded(protocolError, { retryCount: 1, retryTime: 1 }))).toBe('NOT_ENOUGH_REPLICAS');
  });

  it('walks originalError before cause', () => {
    expect(errorName({ originalError: { type: 'FROM_ORIGINAL' }, cause: { type: 'FROM_CAUSE' } })).toBe('FROM_ORIGINAL');
    expect(errorName({ cause: { cause: { type: 'DEEP' } } })).toBe('DEEP');
    expect(errorName(new Error('outer', { cause: Object.assign(new Error('inner'), { type: 'INVALID_RECORD' }) }))).toBe('INVALID_RECORD');
  });

  it('falls back to the innermost error\'s name', () => {
    expect(errorName(new Error('x'))).toBe('Error');
    expect(errorName(new TypeError('x'))).toBe('TypeError');
    expect(errorName(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }))).toBe('KafkaJSConnectionError');
    expect(errorName(new Error('outer', { cause: new RangeError('inner') }))).toBe('RangeError');
    expect(errorName({ type: '', name: 'Named' })).toBe('Named');
  });

  it('names anything else Error', () => {
    expect(errorName('boom')).toBe('Error');
    expect(errorName(undefined)).toBe('Error');
    expect(errorName(null)).toBe('Error');
    expect(errorName(42)).toBe('Error');
    expect(errorName({})).toBe('Error');
  });

  it('stops on a cycle', () => {
    const e: { cause?: unknown; name: string } = { name: 'Loop' };
    e.cause = e;
    expect(typeof errorName(e)).toBe('string');
  });
});
