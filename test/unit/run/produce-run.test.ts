import { beforeEach, describe, expect, it } from 'vitest';
import { resolveProduceConfig } from '../../../src/config/resolve-produce.js';
import type { ProduceOptions } from '../../../src/config/produce-options.js';
import { WorkerCrashError } from '../../../src/errors.js';
import { startProduceRun } from '../../../src/run/produce-run.js';
import type { IntervalResult, ProduceResult } from '../../../src/report/result.js';
import { fakeCluster } from '../../support/fake-client.js';
import { expectValid } from '../../support/schema.js';
import { FAKE_ENV, interruptedAt, recordingHooks, resolveContext } from '../../support/runs.js';
import { partitionForKey } from '../../../src/producer/murmur2.js';

function config(o: ProduceOptions) {
  return resolveProduceConfig({ topic: 'runs', recordSize: '100', bootstrapServer: 'fake:9092', ...o }, resolveContext());
}

beforeEach(() => fakeCluster.reset());

describe('a produce run, with the fake client and workers in this thread', () => {
  it('sends exactly the records asked for, split over the producers, and the topic holds them', async () => {
    const hooks = recordingHooks<IntervalResult>();
    const result = await startProduceRun(config({ numRecords: '1000', producers: '2' }), FAKE_ENV, hooks).result;
    expect(result.status).toBe('completed');
    expect(result.records).toEqual({ sent: 1000, acked: 1000, failed: 0, abandoned: 0 });
    expect(result.bytes).toBe(100_000);
    expect(result.intervals.reduce((n, i) => n + i.records, 0)).toBe(1000);
    expect(fakeCluster.count('runs')).toBe(1000);
    expect(hooks.notices).toEqual(['Created topic runs with 2 partition(s).']);
    expect(fakeCluster.open).toBe(0);
  });

  it('places keyed records on their key\'s murmur2 partition, and the result records keys and headers (schema-valid)', async () => {
    const c = resolveProduceConfig({ topic: 'keyed', bootstrapServer: 'fake:9092', numRecords: '600', producers: '2', partitions: '5',
      payloadMonotonic: true, keyDistribution: 'range', recordKeyRange: '40', numHeaders: '2', recordHeaderSize: '-1' }, resolveContext());
    const result = await startProduceRun(c, FAKE_ENV, recordingHooks<IntervalResult>()).result;
    expect(result.records.acked).toBe(600);
    expect(result.config.keys).toEqual({ distribution: 'range', range: 40, zipfExponent: null, sizeBytes: null });
    expect(result.config.headers).toEqual({ count: 2, keySizeBytes: 0, valueSizeBytes: -1 });
    expectValid(result);
    // Monotonic values are the records' ordinals over both producers, so record v has key v % 40.
    const partitions = fakeCluster.topics.get('keyed')!;
    expect(partitions).toHaveLength(5);
    partitions.forEach((values, p) => {
      for (const v of values) expect(partitionForKey(Buffer.from(String(Number(v.toString()) % 40)), 5), `record ${v}`).toBe(p);
    });
    expect(partitions.filter((values) => values.length > 0)).toHaveLength(5);
  });

  it('places keyed records on their key\'s partition of each topic when records spread over several topics', async () => {
    const c = resolveProduceConfig({ topic: 'k1,k2', bootstrapServer: 'fake:9092', numRecords: '400', partitions: '3',
      payloadMonotonic: true, keyDistribution: 'range', recordKeyRange: '25' }, resolveContext());
    const result = await startProduceRun(c, FAKE_ENV, recordingHooks<IntervalResult>()).result;
    expect(result.records.acked).toBe(400);
    for (const topic of ['k1', 'k2']) {
      const partitions = fakeCluster.topics.get(topic)!;
      expect(partitions.reduce((n, values) => n + values.length, 0)).toBe(200);
      partitions.forEach((values, p) => {
        for (const v of values) expect(partitionForKey(Buffer.from(String(Number(v.toString()) % 25)), 3), `${topic}: record ${v}`).toBe(p);
      });
    }
  });

  it('reports an interval per reporting interval, and the last part of one at the end', async () => {
    const hooks = recordingHooks<IntervalResult>();
    const result = await startProduceRun(config({ numRecords: '1200', throughput: '2000', reportingInterval: '200' }), FAKE_ENV, hooks).result;
    expect(result.records.acked).toBe(1200);
    // 0.6 s at 2000 records/s: intervals at about 200 and 400 ms, and what came after in the result's last one.
    expect(hooks.intervals.length).toBeGreaterThanOrEqual(2);
    expect(result.intervals.slice(0, hooks.intervals.length)).toEqual(hooks.intervals);
    expect(result.intervals.reduce((n, i) => n + i.records, 0)).toBe(1200);
  });

  it('follows a rate profile, and every interval tells its target', async () => {
    const hooks = recordingHooks<IntervalResult>();
    // 1000 rec/s for 0.6 s, then 3000 rec/s for 0.6 s, over 2 producers, in intervals of 300 ms.
    const result = await startProduceRun(config({ throughput: '1000:600ms,3000:600ms', producers: '2', reportingInterval: '300' }), FAKE_ENV, hooks).result;
    expect(result.durationMs).toBeGreaterThanOrEqual(1200);
    // The schedule allows 600 + 1800 records in 1.2 s (the first of each worker is due at once); a loaded machine
    // may leave the last few unsent when the time is up. The first step alone would have made 1200.
    expect(result.records.acked).toBeGreaterThanOrEqual(2200);
    expect(result.records.acked).toBeLessThanOrEqual(2402);
    const closed = result.intervals.filter((i) => i.durationMs >= 250);
    expect(closed.length).toBeGreaterThanOrEqual(3);
    for (const i of closed) {
      const startMs = i.elapsedMs - i.durationMs;
      const expected = startMs >= 600 ? 3000 : i.elapsedMs <= 600 ? 1000 : (1000 * (600 - startMs) + 3000 * (i.elapsedMs - 600)) / i.durationMs;
      expect(i.targetRecordsPerSec).toBeCloseTo(expected, 6);
    }
    expect(result.intervals[0]!.targetRecordsPerSec).toBeCloseTo(1000, 6);
    expect(result.config.throughputProfile).toBe('1000:600ms,3000:600ms');
    expect(result.intendedLatencyMs).not.toBeNull();
  });

  it('--start-at: connects, then starts the load at the instant', async () => {
    const hooks = recordingHooks<IntervalResult>();
    // Far enough ahead that the set-up (worker threads, on a machine busy with the other tests) ends before it.
    const c = config({ numRecords: '100', startAt: '+1500ms' });
    const result = await startProduceRun(c, FAKE_ENV, hooks).result;
    expect(Date.parse(result.startedAt)).toBeGreaterThanOrEqual(c.startAtEpochMs!);
    expect(Date.parse(result.startedAt)).toBeLessThan(c.startAtEpochMs! + 200);
    expect(hooks.notices.some((n) => new RegExp(`^Connected; starting the load at ${new Date(c.startAtEpochMs!).toISOString()} \\(in [01]\\.\\d s\\)`).test(n)), hooks.notices.join('\n')).toBe(true);
    expect(result.records.acked).toBe(100);
  });

  it('--start-at passed during the setup: starts at once, and says so', async () => {
    const hooks = recordingHooks<IntervalResult>();
    const c = { ...config({ numRecords: '10' }), startAtEpochMs: Date.now() - 1500 };
    const result = await startProduceRun(c, FAKE_ENV, hooks).result;
    expect(hooks.notices.some((n) => /^--start-at .* passed 1\.\d s ago, during the setup: starting now\.$/.test(n))).toBe(true);
    expect(result.records.acked).toBe(10);
  });

  it('on an interrupt stops sending, waits for what is in flight, and accounts for every record', async () => {
    const { result, hooks } = await interruptedAt<IntervalResult, ProduceResult>(2, (h) =>
      startProduceRun(config({ duration: '60s', throughput: '2000', producers: '2', reportingInterval: '100' }), FAKE_ENV, h));
    expect(result.status).toBe('interrupted');
    expect(result.durationMs).toBeLessThan(5000);
    expect(result.records.sent).toBe(result.records.acked + result.records.failed + result.records.abandoned);
    expect(result.records.abandoned).toBe(0);
    expect(result.records.acked).toBeGreaterThan(0);
    expect(fakeCluster.count('runs')).toBe(result.records.acked);
    expect(hooks.notices).toContain('Interrupted: stopping, waiting for in-flight records (Ctrl-C again to quit at once).');
  });

  it('on an interrupt waits for records the cluster never answers until delivery.timeout.ms expires them', async () => {
    fakeCluster.reset({ ackDelayMs: 'hold' });
    const started = Date.now();
    const { result, hooks } = await interruptedAt<IntervalResult, ProduceResult>(2, (h) => startProduceRun(config({
      duration: '60s', throughput: '1000', reportingInterval: '100', producerProps: ['delivery.timeout.ms=1500', 'request.timeout.ms=1000', 'linger.ms=0'],
    }), FAKE_ENV, h));
    expect(result.status).toBe('interrupted');
    expect(result.records.sent).toBeGreaterThan(0);
    expect(result.records).toEqual({ sent: result.records.sent, acked: 0, failed: result.records.sent, abandoned: 0 });
    expect(result.errors).toEqual({ TimeoutException: result.records.sent });
    // An interval without acks still shows while records wait.
    expect(hooks.intervals.length).toBeGreaterThanOrEqual(2);
    expect(hooks.intervals.every((i) => i.records === 0)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops every worker with a clear error when one fails', async () => {
    fakeCluster.reset({ failProducer: { index: 1, message: 'injected fault: no connection' } });
    const error = await startProduceRun(config({ numRecords: '100000', throughput: '1000', producers: '3' }), FAKE_ENV, recordingHooks()).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as Error).message).toMatch(/^worker \d failed: Error: injected fault: no connection$/);
    await expect.poll(() => fakeCluster.open).toBe(0);
  });
});

describe('a produce run on several topics, with the fake client', () => {
  it('spreads the records evenly, record k to topic k mod 3, and reports each topic\'s share', async () => {
    const result = await startProduceRun(config({ topic: undefined, topics: '3', topicPrefix: 'spread', numRecords: '1000', producers: '2' }), FAKE_ENV, recordingHooks()).result;
    expect(result.records).toEqual({ sent: 1000, acked: 1000, failed: 0, abandoned: 0 });
    // 1000 = 334 + 333 + 333: the two workers' contiguous ordinals (0-499, 500-999) share out exactly as one would.
    expect([0, 1, 2].map((t) => fakeCluster.count(`spread-${t}`))).toEqual([334, 333, 333]);
    expect(result.topics).toEqual([
      { topic: 'spread-0', records: { sent: 334, acked: 334, failed: 0 }, bytes: 33_400 },
      { topic: 'spread-1', records: { sent: 333, acked: 333, failed: 0 }, bytes: 33_300 },
      { topic: 'spread-2', records: { sent: 333, acked: 333, failed: 0 }, bytes: 33_300 },
    ]);
    expect(result.config.topic).toBe('spread-0,spread-1,spread-2');
    expect(result.config.topics).toEqual(['spread-0', 'spread-1', 'spread-2']);
    expectValid(result);
  });

  it('leaves a one-topic result as it was: no per-topic figures', async () => {
    const result = await startProduceRun(config({ numRecords: '10' }), FAKE_ENV, recordingHooks()).result;
    expect(result.topics).toBeUndefined();
    expect(result.config.topics).toBeUndefined();
  });
});
