import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setup, tick } from '../../support/producer-port.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const TWO_LEADERS = [{ partition: 0, leader: 1 }, { partition: 1, leader: 2 }];
const networkError = Object.assign(new Error('connection closed'), { type: 'NetworkException' });

describe('BatchingProducer: retries', () => {
  it('sends a batch refused by a moved leader again, to the new leader, after retry.backoff.ms', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, retryBackoffMs: 100 }, TWO_LEADERS);
    send('a'); // the partitioner (random 0) puts it on partition 0, led by broker 1
    await tick();
    expect(port.calls.map((c) => c.leader)).toEqual([1]);
    port.leaderOf.set(0, 2);
    port.calls[0]!.resolve({ 0: 'NOT_LEADER_OR_FOLLOWER' });
    await tick(99);
    expect(port.calls).toHaveLength(1);
    expect(port.lookups).toBe(1); // the leaders were looked up again at once
    await tick(1);
    expect(port.calls.map((c) => c.leader)).toEqual([1, 2]);
    port.calls[1]!.resolve();
    await tick();
    expect(out.ackedRecords).toBe(1);
    expect(out.failed).toEqual([]);
    expect(producer.metrics()).toMatchObject({ recordRetries: 1, metadataRefreshes: 1, failedRequests: 1, requests: 2 });
  });

  it('puts a retried batch back ahead of the newer batches of its partition', async () => {
    const { port, out, send } = setup({ lingerMs: 0, retryBackoffMs: 10, batchSizeBytes: 1 });
    send('old');
    await tick();
    send('new1');
    send('new2');
    port.calls[0]!.reject(networkError);
    await tick(); // new1 goes while old waits out its backoff: another request in flight
    port.calls.slice(1).forEach((c) => c.resolve());
    await tick(10);
    port.calls.forEach((c) => c.answered || c.resolve());
    await tick(10);
    port.calls.forEach((c) => c.answered || c.resolve());
    await tick();
    expect(out.acked.map((a) => a.values[0])).toContain('old');
    const sent = port.calls.map((c) => c.records[0]!.values[0]!.toString());
    // After the failure, "old" is sent before anything the queue held behind it.
    expect(sent.indexOf('old', 1)).toBeLessThan(sent.indexOf('new2'));
  });

  it('backs off retry.backoff.ms doubling up to retry.backoff.max.ms', async () => {
    const { port, send } = setup({ lingerMs: 0, retryBackoffMs: 100, retryBackoffMaxMs: 300 });
    const times: number[] = [];
    send('a');
    for (let attempt = 0; attempt < 5; attempt++) {
      await tick(attempt === 0 ? 0 : 1);
      while (port.calls.length === attempt) await tick(1);
      times.push(Date.now());
      port.calls[attempt]!.resolve({ 0: 'NOT_ENOUGH_REPLICAS' });
    }
    expect(times).toEqual([0, 100, 300, 600, 900]);
  });

  it('fails the batch under its error name once `retries` tries are used up', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, retries: 2, retryBackoffMs: 1 }, undefined, {
      respond: (call) => setTimeout(() => call.resolve({ 0: 'NOT_ENOUGH_REPLICAS' }), 0),
    });
    send('a');
    await tick(100);
    expect(port.calls).toHaveLength(3);
    expect(out.failed).toEqual([{ records: 1, valueBytes: 1, error: 'NOT_ENOUGH_REPLICAS' }]);
    expect(producer.metrics().recordRetries).toBe(2);
  });

  it('stops retrying when delivery.timeout.ms has passed since the batch was made: it expires, as in Java', async () => {
    const { out, producer, send } = setup({ lingerMs: 0, deliveryTimeoutMs: 1000, requestTimeoutMs: 500, retryBackoffMs: 100, retryBackoffMaxMs: 100 }, undefined, {
      respond: (call) => setTimeout(() => call.resolve({ 0: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' }), 0),
    });
    send('a');
    await tick(999);
    expect(out.failed).toEqual([]);
    await tick(1);
    expect(out.failed).toEqual([{ records: 1, valueBytes: 1, error: 'TimeoutException' }]);
    expect(producer.pending).toBe(0);
  });

  it('fails a try that gets no answer in request.timeout.ms, and tries again', async () => {
    const { port, out, send } = setup({ lingerMs: 0, requestTimeoutMs: 500, retryBackoffMs: 100 });
    send('a');
    await tick(499);
    expect(port.calls).toHaveLength(1);
    await tick(1);
    await tick(100);
    expect(port.calls).toHaveLength(2);
    port.calls[0]!.resolve(); // the lost answer of the first try changes nothing
    port.calls[1]!.resolve();
    await tick();
    expect(out.ackedRecords).toBe(1);
    expect(out.failed).toEqual([]);
  });

  it('holds the batches of a partition without a leader until the metadata names one', async () => {
    const { port, out, producer, send } = setup({ lingerMs: 0, retryBackoffMs: 100 }, [{ partition: 0, leader: -1 }], {
      respond: (call) => call.resolve(),
    });
    send('a');
    await tick(250);
    expect(port.calls).toHaveLength(0);
    expect(port.lookups).toBe(3); // at 0, 100 and 200 ms
    port.leaderOf.set(0, 3);
    await tick(100);
    expect(port.calls.map((c) => c.leader)).toEqual([3]);
    expect(out.ackedRecords).toBe(1);
    expect(producer.metrics().metadataRefreshes).toBe(4);
  });

  it('fails at once on an error that no retry can mend', async () => {
    const { port, out, send } = setup({ lingerMs: 0 });
    send('a');
    await tick();
    port.calls[0]!.resolve({ 0: 'MESSAGE_TOO_LARGE' });
    await tick(10_000);
    expect(port.calls).toHaveLength(1);
    expect(out.failed).toEqual([{ records: 1, valueBytes: 1, error: 'MESSAGE_TOO_LARGE' }]);
  });
});

describe('BatchingProducer: idempotence', () => {
  const idempotent = { idempotence: true, acks: -1 as const, lingerMs: 0, batchSizeBytes: 1, retryBackoffMs: 10 };
  const sequences = (calls: { records: readonly { baseSequence: number }[] }[]) => calls.map((c) => c.records[0]!.baseSequence);

  it('numbers each partition\'s batches from 0 with the producer id and epoch, up to 5 in flight', async () => {
    const { port, send } = setup({ ...idempotent, maxInFlightPerConnection: 5 });
    for (const v of ['a', 'b', 'c', 'd', 'e', 'f']) send(v);
    await tick();
    expect(port.calls).toHaveLength(5);
    expect(sequences(port.calls)).toEqual([0, 1, 2, 3, 4]);
    expect(port.calls[0]!.identity).toEqual({ producerId: 7n, producerEpoch: 0 });
  });

  it('after a failure, sends the batches again in sequence order, one at a time, with their sequence numbers', async () => {
    const { port, out, producer, send } = setup({ ...idempotent, maxInFlightPerConnection: 5 });
    for (const v of ['a', 'b', 'c']) send(v);
    await tick();
    port.calls[0]!.resolve({ 0: 'NOT_LEADER_OR_FOLLOWER' });
    port.calls[1]!.resolve({ 0: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
    port.calls[2]!.resolve({ 0: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
    send('d');
    await tick(10);
    expect(sequences(port.calls.slice(3))).toEqual([0]); // b and c wait for a
    port.calls[3]!.resolve();
    await tick(10);
    expect(sequences(port.calls.slice(4))).toEqual([1]);
    port.calls[4]!.resolve();
    await tick(10);
    expect(sequences(port.calls.slice(5))).toEqual([2, 3]); // c, then the new batch d after it
    port.calls.slice(5).forEach((c) => c.resolve());
    await tick();
    expect(out.acked.map((a) => a.values[0])).toEqual(['a', 'b', 'c', 'd']);
    expect(producer.metrics()).toMatchObject({ recordRetries: 3, epochBumps: 0 });
  });

  it('counts DUPLICATE_SEQUENCE_NUMBER as acknowledged: the broker had the batch already', async () => {
    const { port, out, send } = setup(idempotent);
    send('a');
    await tick();
    port.calls[0]!.resolve({ 0: 'DUPLICATE_SEQUENCE_NUMBER' });
    await tick();
    expect(out.ackedRecords).toBe(1);
  });

  it('bumps the epoch after a batch fails for good, once nothing is in flight, and numbers from 0 again', async () => {
    const { port, out, producer, send } = setup({ ...idempotent, maxInFlightPerConnection: 2 });
    send('a');
    send('b');
    await tick();
    port.calls[0]!.resolve({ 0: 'INVALID_RECORD' }); // a's sequence 0 will never be written: a gap
    send('c');
    await tick();
    expect(port.calls).toHaveLength(2); // nothing new while b is in flight
    port.calls[1]!.resolve({ 0: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
    await tick(10);
    expect(port.calls.slice(2).map((c) => [c.identity?.producerEpoch, c.records[0]!.baseSequence])).toEqual([[1, 0], [1, 1]]);
    port.calls.slice(2).forEach((c) => c.resolve());
    await tick();
    expect(out.acked.map((a) => a.values[0])).toEqual(['b', 'c']);
    expect(out.failed).toEqual([{ records: 1, valueBytes: 1, error: 'INVALID_RECORD' }]);
    expect(producer.metrics().epochBumps).toBe(1);
  });

  it('bumps the epoch and retries when the broker lost the producer (UNKNOWN_PRODUCER_ID)', async () => {
    const { port, out, send } = setup(idempotent);
    send('a');
    await tick();
    port.calls[0]!.resolve({ 0: 'UNKNOWN_PRODUCER_ID' });
    await tick(10);
    expect(port.calls[1]!.identity).toEqual({ producerId: 7n, producerEpoch: 1 });
    expect(port.calls[1]!.records[0]!.baseSequence).toBe(0);
    port.calls[1]!.resolve();
    await tick();
    expect(out.ackedRecords).toBe(1);
  });

  it('keeps one request in flight when the client numbers the batches itself, and sends no sequences', async () => {
    const { port, send } = setup({ ...idempotent, maxInFlightPerConnection: 5 }, undefined, { sequencing: 'client' });
    send('a');
    send('b');
    await tick();
    expect(port.calls).toHaveLength(1);
    expect(port.calls[0]!.identity).toBeUndefined();
    expect(port.calls[0]!.records[0]!.baseSequence).toBe(-1);
  });
});
