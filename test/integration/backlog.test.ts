import { describe, expect, it } from 'vitest';
import { runJson, uniqueTopic } from './helpers.js';
import { expectValid } from '../support/schema.js';

const RATE = 4000;
const RECORDS = 24_000;
const SIZE = 200;

describe('perf-test e2e --backlog against a real broker', () => {
  it.each([
    ['platformatic', '8000records', 8000],
    ['kafkajs', '1MiB', Math.ceil((1024 * 1024) / SIZE)],
  ] as const)('--client %s --backlog %s: fills with the consumers paused, then drains while producing goes on', async (client, backlog, backlogRecords) => {
    const { run, result } = await runJson(['e2e', '--client', client, '--topic', uniqueTopic(`backlog-${client}`), '--num-records', String(RECORDS),
      '--throughput', String(RATE), '--record-size', String(SIZE), '--backlog', backlog, '--reporting-interval', '1000'], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expectValid(result);
    expect(result.consumed).toEqual({ records: RECORDS, missing: 0, duplicates: 0, reread: 0 });
    const { fill, drain } = result.backlog;
    const detail = JSON.stringify(result.backlog);

    // The fill: the backlog existed when the consumers resumed, built at the producers' rate.
    expect(fill.reached, detail).toBe(true);
    expect(fill.records, detail).toBeGreaterThanOrEqual(backlogRecords);
    expect(fill.records, detail).toBeLessThan(backlogRecords + RATE); // within a second of the target at most
    expect(fill.bytes).toBe(fill.records * SIZE);
    expect(fill.throughput.recordsPerSec, detail).toBeGreaterThan(RATE * 0.75);
    expect(fill.throughput.recordsPerSec, detail).toBeLessThan(RATE * 1.05);
    // The consumers really read nothing while paused: the first records waited about the whole fill.
    expect(result.endToEndLatencyMs.max, detail).toBeGreaterThan(fill.durationMs * 0.8);

    // The drain: caught up before producing ended, reading faster than the producers wrote.
    expect(drain.startMs).toBe(fill.durationMs);
    expect(drain.caughtUp, detail).toBe(true);
    expect(drain.whileProducing, detail).toBe(true);
    expect(drain.catchUpMs, detail).toBeGreaterThan(0);
    expect(drain.startMs + drain.catchUpMs, detail).toBeLessThan(result.durationMs);
    expect(drain.consumedRecords, detail).toBeGreaterThanOrEqual(fill.records - drain.caughtUpLagRecords);
    expect(drain.throughput.recordsPerSec, detail).toBeGreaterThan(drain.produceThroughput.recordsPerSec);
    expect(drain.produceThroughput.recordsPerSec, detail).toBeGreaterThan(RATE * 0.5);
  });
});
