// Several topics in one run, on a real broker: each topic's log holds its share, and consume --include reads them all.
import { describe, expect, it } from 'vitest';
import { countRecords, readValues, runJson, uniqueTopic } from './helpers.js';
import { expectValid } from '../support/schema.js';

describe('perf-test on several topics against a real broker', () => {
  it('--topics 3: each topic gets its share (the logs\' end offsets), as the result says, and consume --include reads them back', async () => {
    const prefix = uniqueTopic('spread');
    const names = [0, 1, 2].map((i) => `${prefix}-${i}`);
    const { run, result } = await runJson(['--topics', '3', '--topic-prefix', prefix, '--partitions', '2', '--num-records', '3001',
      '--record-size', '100', '--producers', '2']);
    expect(run.code, run.stderr).toBe(0);
    expectValid(result);
    expect(result.records).toEqual({ sent: 3001, acked: 3001, failed: 0, abandoned: 0 });
    expect(result.config.topics).toEqual(names);
    // Record k to topic k mod 3: 1001, 1000, 1000.
    expect(result.topics).toEqual([
      { topic: names[0], records: { sent: 1001, acked: 1001, failed: 0 }, bytes: 100_100 },
      { topic: names[1], records: { sent: 1000, acked: 1000, failed: 0 }, bytes: 100_000 },
      { topic: names[2], records: { sent: 1000, acked: 1000, failed: 0 }, bytes: 100_000 },
    ]);
    for (const name of names) expect(run.stderr).toContain(`Created topic ${name} with 2 partition(s).`);
    expect(await Promise.all(names.map((n) => countRecords(n)))).toEqual([1001, 1000, 1000]);

    const read = await runJson(['consume', '--include', `^${prefix}-[0-9]+$`, '--messages', '3001', '--timeout', '20000']);
    expect(read.run.code, read.run.stderr).toBe(0);
    expect(read.result.records.consumed).toBe(3001);
  });

  it('--topic a,b with transactions: both topics get their half, committed', async () => {
    const [a, b] = [uniqueTopic('pair'), uniqueTopic('pair')];
    const { run, result } = await runJson(['--topic', `${a},${b}`, '--num-records', '2000', '--record-size', '50', '--transaction-duration-ms', '200']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.topics.map((t: { records: { acked: number } }) => t.records.acked)).toEqual([1000, 1000]);
    // Each topic's log holds its records and the transaction markers after them.
    for (const t of [a, b]) {
      expect(await countRecords(t)).toBeGreaterThan(1000);
      expect(await readValues(t, 1000, 'read_committed')).toHaveLength(1000);
    }
  });

  it('e2e --topics 2: the consumers read exactly the run\'s topics, and every record comes back', async () => {
    const prefix = uniqueTopic('e2e-spread');
    const { run, result } = await runJson(['e2e', '--topics', '2', '--topic-prefix', prefix, '--num-records', '2000', '--throughput', '2000', '--record-size', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.consumed).toMatchObject({ records: 2000, missing: 0 });
    expect(result.topics.map((t: { records: { acked: number } }) => t.records.acked)).toEqual([1000, 1000]);
    expect([await countRecords(`${prefix}-0`), await countRecords(`${prefix}-1`)]).toEqual([1000, 1000]);
  });
});
