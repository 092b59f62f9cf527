// Workloads that look like real traffic, on a real broker: value sizes that vary per record, and values of a
// given compressibility, measured in the broker's log.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTopic, logBytes, readValues, runJson, uniqueTopic } from './helpers.js';

/** zstd is Node's own zlib codec (22.15 and later): the default client has it wherever Node does. */
const NODE_HAS_ZSTD = typeof (zlib as { zstdCompressSync?: unknown }).zstdCompressSync === 'function';

/** Produces `records` records of 1 KiB at compressibility 0.5 with the codec; returns the log's bytes. */
async function produceCompressible(codec: string, records: number): Promise<number> {
  const topic = uniqueTopic(`compress-${codec}`);
  await createTopic(topic, 1);
  const { run, result } = await runJson(['--topic', topic, '--num-records', String(records), '--record-size', '1024',
    '--payload-compressibility', '0.5', '--producer-props', `compression.type=${codec}`, 'linger.ms=5']);
  expect(run.code, run.stderr).toBe(0);
  expect(result.config).toMatchObject({ payloadCompressibility: 0.5, recordSizeBytes: 1024 });
  expect(result.records.acked).toBe(records);
  return logBytes(topic);
}

describe('workloads', () => {
  it('a uniform size range: every value within its bounds, the mean in the middle, the bytes counted exactly', async () => {
    const topic = uniqueTopic('sizes');
    await createTopic(topic, 1);
    const { run, result } = await runJson(['--topic', topic, '--num-records', '8192', '--record-size', '100..2000']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.config).toMatchObject({ recordSizes: '100..2000', recordSizeBytes: null });
    const sizes = (await readValues(topic, 8192)).map((v) => v.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2000);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total / sizes.length).toBeGreaterThan(1050 * 0.99);
    expect(total / sizes.length).toBeLessThan(1050 * 1.01);
    // What the run reports is what the topic holds, byte for byte.
    expect(result.bytes).toBe(total);
  });

  let plain: Promise<number> | undefined;
  // The README's range: a batch at compressibility R takes between (1 - R) - 0.02 and (1 - R) + 0.07 of its size.
  for (const codec of ['lz4', 'gzip', ...(NODE_HAS_ZSTD ? ['zstd'] : [])]) {
    it(`compressibility 0.5 with ${codec}: the log holds about half of what it holds uncompressed`, async () => {
      plain ??= produceCompressible('none', 10_000);
      const ratio = (await produceCompressible(codec, 10_000)) / (await plain);
      expect(ratio).toBeGreaterThan(0.48);
      expect(ratio).toBeLessThan(0.57);
    });
  }
});
