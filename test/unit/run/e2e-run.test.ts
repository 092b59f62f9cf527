import { beforeEach, describe, expect, it } from 'vitest';
import type { EndToEndOptions } from '../../../src/config/e2e-options.js';
import { resolveEndToEndConfig } from '../../../src/config/resolve-e2e.js';
import { startEndToEndRun } from '../../../src/run/e2e-run.js';
import type { IntervalResult, ProduceResult } from '../../../src/report/result.js';
import { fakeCluster } from '../../support/fake-client.js';
import { FAKE_ENV, interruptedAt, recordingHooks, resolveContext } from '../../support/runs.js';
import { expectValid } from '../../support/schema.js';
import { backlogLines, backlogMarkdown } from '../../../src/report/backlog-text.js';

function config(o: EndToEndOptions) {
  return resolveEndToEndConfig({ topic: 'e2e', recordSize: '100', bootstrapServer: 'fake:9092', ...o }, resolveContext());
}

beforeEach(() => fakeCluster.reset());

describe('an e2e run, with the fake client and workers in this thread', () => {
  it('waits until the consumers have every acked record, and measures their end-to-end latency', async () => {
    const hooks = recordingHooks<IntervalResult>();
    const result = await startEndToEndRun(config({ numRecords: '2000', producers: '2', consumers: '2' }), FAKE_ENV, hooks).result;
    expect(result.mode).toBe('e2e');
    expect(result.records).toEqual({ sent: 2000, acked: 2000, failed: 0, abandoned: 0 });
    expect(result.consumed).toEqual({ records: 2000, missing: 0, duplicates: 0, reread: 0 });
    expect(result.endToEndLatencyMs).not.toBeNull();
    expect(result.endToEndHistogram).toEqual(expect.any(String));
    expect(result.intervals.reduce((n, i) => n + (i.consumed ?? 0), 0)).toBe(2000);
    expect(fakeCluster.open).toBe(0);
  });

  it('takes EndToEndLatency\'s key and header flags: keyed records spread over the partitions, all consumed', async () => {
    const c = config({ numRecords: '1000', producers: '2', consumers: '2', recordKeySize: '16', numHeaders: '3', recordHeaderKeySize: '4', recordHeaderSize: '-1' });
    expect(c.produce.keys).toEqual({ kind: 'letters', sizeBytes: 16 });
    expect(c.produce.headers).toEqual({ count: 3, keyBytes: 4, valueBytes: -1 });
    const result = await startEndToEndRun(c, FAKE_ENV, recordingHooks()).result;
    expect(result.consumed).toEqual({ records: 1000, missing: 0, duplicates: 0, reread: 0 });
    expect(result.config.keys).toEqual({ distribution: 'letters', range: null, zipfExponent: null, sizeBytes: 16 });
    // 26 letter keys over the 2 partitions e2e creates: both get records.
    expect(fakeCluster.topics.get('e2e')!.map((p) => p.length > 0)).toEqual([true, true]);
  });

  it('reads only the run\'s records of a topic with history', async () => {
    fakeCluster.createTopic('e2e', 1);
    fakeCluster.topics.get('e2e')![0]!.push(...Array.from({ length: 50 }, () => Buffer.alloc(100)));
    const result = await startEndToEndRun(config({ numRecords: '300' }), FAKE_ENV, recordingHooks()).result;
    expect(result.consumed).toEqual({ records: 300, missing: 0, duplicates: 0, reread: 0 });
  });

  it('on an interrupt stops the producers, drains them, and still waits for the consumers to read every acked record', async () => {
    const { result } = await interruptedAt<IntervalResult, ProduceResult>(2, (h) =>
      startEndToEndRun(config({ duration: '60s', throughput: '2000', reportingInterval: '100' }), FAKE_ENV, h));
    expect(result.status).toBe('interrupted');
    expect(result.durationMs).toBeLessThan(5000);
    expect(result.records.sent).toBe(result.records.acked + result.records.failed + result.records.abandoned);
    expect(result.records.acked).toBeGreaterThan(0);
    expect(result.consumed).toEqual({ records: result.records.acked, missing: 0, duplicates: 0, reread: 0 });
  });

  it('counts what the consumers did not get within --drain-timeout as missing, and says so', async () => {
    fakeCluster.reset({ partitions: 1, maxBatchRecords: 1 });
    const hooks = recordingHooks<IntervalResult>();
    const result = await startEndToEndRun(config({ numRecords: '2000', drainTimeout: '200ms' }), FAKE_ENV, hooks).result;
    expect(result.records.acked).toBe(2000);
    const consumed = result.consumed!.records;
    expect(consumed).toBeLessThan(2000);
    expect(result.consumed).toEqual({ records: consumed, missing: 2000 - consumed, duplicates: 0, reread: 0 });
    // The notice counts what the consumers had reported when the drain ended; their last reports follow it.
    expect(hooks.notices.at(-1)).toMatch(/^Consumers had \d+ of 2000 acked records after --drain-timeout \(200 ms\); the rest count as missing\.$/);
  });

  it('with --backlog, keeps the consumers paused until the backlog exists, then drains it while producing goes on', async () => {
    const hooks = recordingHooks<IntervalResult>();
    const result = await startEndToEndRun(config({ numRecords: '6000', throughput: '5000', consumers: '2', backlog: '2000records' }), FAKE_ENV, hooks).result;
    // Both consumers paused before anything was written; resumed once 2,000 records were; read nothing before.
    const events = fakeCluster.consumerEvents;
    for (const consumer of [0, 1]) {
      expect(events.filter((e) => e.consumer === consumer).map((e) => e.event)).toEqual(['pause', 'resume', 'first-batch']);
    }
    expect(events.filter((e) => e.event === 'pause').map((e) => e.recordsInCluster)).toEqual([0, 0]);
    for (const e of events.filter((x) => x.event !== 'pause')) expect(e.recordsInCluster).toBeGreaterThanOrEqual(2000);
    const b = result.backlog!;
    expect(b.targetRecords).toBe(2000);
    expect(b.fill.reached).toBe(true);
    // The backlog at the resume: at least the target, at most a few control ticks (100 ms) of 5,000 records/s more.
    expect(b.fill.records).toBeGreaterThanOrEqual(2000);
    expect(b.fill.records).toBeLessThan(3500);
    expect(b.fill.bytes).toBe(b.fill.records * 100);
    expect(b.drain.startMs).toBe(b.fill.durationMs);
    expect(b.drain).toMatchObject({ caughtUp: true, whileProducing: true, caughtUpLagRecords: Math.floor(b.fill.records / 100) });
    expect(b.drain.catchUpMs).toBe(b.drain.durationMs);
    // The drain read the backlog and what came meanwhile, faster than the producers wrote.
    expect(b.drain.consumedRecords).toBeGreaterThanOrEqual(b.fill.records - b.drain.caughtUpLagRecords);
    expect(b.drain.throughput.recordsPerSec).toBeGreaterThan(b.drain.produceThroughput.recordsPerSec);
    expect(result.consumed).toEqual({ records: 6000, missing: 0, duplicates: 0, reread: 0 });
    expect(hooks.notices).toContainEqual(expect.stringMatching(/^Backlog of \d+ records written in \d+\.\d s: resuming the consumers\.$/));
    expectValid(JSON.parse(JSON.stringify(result)));
    expect(backlogLines(b)).toMatch(/^Fill: {2}backlog of [\d,]+ records \(\d+\.\d MiB\) in \d+\.\d s at [\d,]+ records\/s, consumers paused\.\nDrain: drained at [\d,]+ records\/s \([\d.]+ MB\/sec\) with [\d,]+ records\/s produced; caught up in \d+\.\d s \(lag at most [\d,]+ records\)\.$/);
    expect(backlogMarkdown(b)).toContain('| fill |');
  });

  it('without --backlog, the consumers are never paused', async () => {
    await startEndToEndRun(config({ numRecords: '500' }), FAKE_ENV, recordingHooks()).result;
    expect(fakeCluster.consumerEvents.map((e) => e.event)).toEqual(['first-batch']);
  });
});
