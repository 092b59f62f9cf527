// Keys and headers on a real broker: keyed records land where Java's producer puts the same keys (Kafka's own
// console producer, from the broker's jars), headers arrive with their sizes, batches are sized exactly as record
// format v2 sizes them, and a zipf run skews its partitions as the README says.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { kafkaJavaCommand } from '../../harness/index.js';
import { partitionForKey } from '../../src/producer/murmur2.js';
import { zipfProbability } from '../../src/workload/zipf.js';
import { bootstrap, createTopic, logBytes, readRecords, runJson, uniqueTopic } from './helpers.js';

interface Read {
  readonly partition: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Header key and value length (null: a null value), in the order kafkajs gives them. */
  readonly headers: [string, number | null][];
}

/** Reads the first `n` records of a topic: partition, key, value and headers. */
async function readKeyed(topic: string, n: number): Promise<Read[]> {
  return (await readRecords(topic, n, 'read_uncommitted', 60_000)).map(({ partition, message }) => ({
    partition, key: message.key, value: message.value,
    headers: Object.entries(message.headers ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v])
      .map((x): [string, number | null] => [k, x === null || x === undefined ? null : Buffer.byteLength(x)])),
  }));
}

/** Kafka's console producer (Java's producer and its default partitioner), `key:value` lines on its stdin. */
function consoleProducer(topic: string, lines: readonly string[]): Promise<void> {
  const { command, args } = kafkaJavaCommand({
    version: inject('kafkaVersion'), classData: true, mainClass: 'org.apache.kafka.tools.ConsoleProducer',
    args: ['--bootstrap-server', bootstrap(), '--topic', topic, '--property', 'parse.key=true', '--property', 'key.separator=:'],
  });
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ConsoleProducer exited ${code}: ${stderr}`))));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

/** The partition each key landed on; fails if one key landed on two. */
function partitionsByKey(records: readonly Read[]): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const r of records) {
    const key = r.key!.toString();
    expect(byKey.get(key) ?? r.partition, `key ${key} on two partitions`).toBe(r.partition);
    byKey.set(key, r.partition);
  }
  return byKey;
}

const PARTITIONS = 6;
const KEYS = 50;
const padded = (k: number) => String(k).padStart(6, '0');

describe('keys and headers', () => {
  it('puts keyed records on the partitions Java\'s producer puts the same keys, on both clients and compressed', async () => {
    const javaTopic = uniqueTopic('keys-java');
    await createTopic(javaTopic, PARTITIONS);
    const keys = Array.from({ length: KEYS }, (_, k) => [String(k), padded(k)]).flat();
    await consoleProducer(javaTopic, keys.map((k) => `${k}:java`));
    const java = partitionsByKey(await readKeyed(javaTopic, keys.length));
    expect(java.size).toBe(2 * KEYS);
    // Our murmur2 agrees with Java's on every key, and the keys spread over every partition.
    for (const [key, partition] of java) expect(partitionForKey(Buffer.from(key), PARTITIONS), key).toBe(partition);
    expect(new Set(java.values()).size).toBe(PARTITIONS);

    const runs: [string, string[]][] = [
      ['range', ['--key-distribution', 'range', '--record-key-range', String(KEYS)]],
      ['random, kafkajs', ['--key-distribution', 'random', '--record-key-range', String(KEYS), '--record-key-size', '6', '--client', 'kafkajs']],
      ['zipf, gzip (through the client library encoder)', ['--key-distribution', 'zipf', '--record-key-range', String(KEYS), '--record-key-size', '6', '--producer-props', 'compression.type=gzip']],
    ];
    for (const [what, flags] of runs) {
      const topic = uniqueTopic('keys-ours');
      await createTopic(topic, PARTITIONS);
      const { run, result } = await runJson(['--topic', topic, '--num-records', '500', '--record-size', '50', ...flags]);
      expect(run.code, `${what}: ${run.stderr}`).toBe(0);
      expect(result.records.acked).toBe(500);
      const ours = partitionsByKey(await readKeyed(topic, 500));
      if (what === 'range') expect(ours.size).toBe(KEYS);
      for (const [key, partition] of ours) expect(partition, `${what}: key ${key}`).toBe(java.get(key));
    }
  });

  it('sends headers of the sizes asked, counted toward batch.size exactly as record format v2 sizes them', async () => {
    const topic = uniqueTopic('headers');
    await createTopic(topic, 1);
    const { run, result } = await runJson(['--topic', topic, '--num-records', '300', '--record-size', '100', '--record-key-size', '4',
      '--num-headers', '3', '--record-header-key-size', '5', '--record-header-size', '7', '--producer-props', 'batch.size=2000', 'linger.ms=20']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.config.keys).toEqual({ distribution: 'letters', range: null, zipfExponent: null, sizeBytes: 4 });
    expect(result.config.headers).toEqual({ count: 3, keySizeBytes: 5, valueSizeBytes: 7 });
    const records = await readKeyed(topic, 300);
    for (const r of records) {
      expect(r.key!.toString()).toMatch(/^([A-Z])\1{3}$/);
      expect(r.value).toHaveLength(100);
      expect(r.headers).toHaveLength(3);
      for (const [key, valueBytes] of r.headers) {
        expect(key).toMatch(/^([A-Z])\1{4}$/);
        expect(valueBytes).toBe(7);
      }
    }
    // Each record: 1 attributes + 2 timestamp delta + 1 offset delta + (1 + 4) key + (2 + 100) value + 43 headers
    // (1 + 3 x (1 + 5 + 1 + 7)) = 154, and its length varint: 156 bytes by the producer's sizes (12 to a batch of 2000).
    const { batches, batchBytes } = result.clientMetrics;
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(300 / 12));
    expect(batchBytes).toBe(batches * 61 + 300 * 156);
    // On the wire every record's timestamp delta is 0, one byte: the log holds exactly that, batch for batch.
    expect(await logBytes(topic)).toBe(batches * 61 + 300 * 155);
    // MB/s counts value bytes, as Kafka's tool does.
    expect(result.bytes).toBe(300 * 100);
  });

  it('sends null header values for --record-header-size -1, and an empty key for --record-key-size 0', async () => {
    const topic = uniqueTopic('null-headers');
    await createTopic(topic, 1);
    const { run } = await runJson(['--topic', topic, '--num-records', '50', '--record-size', '10', '--record-key-size', '0',
      '--num-headers', '2', '--record-header-key-size', '3', '--record-header-size', '-1']);
    expect(run.code, run.stderr).toBe(0);
    for (const r of await readKeyed(topic, 50)) {
      expect(r.key).toEqual(Buffer.alloc(0));
      expect(r.headers.map(([, v]) => v)).toEqual([null, null]);
    }
  });

  it('skews partitions under zipf as the README says: each partition takes the share of the keys it holds', async () => {
    const topic = uniqueTopic('zipf');
    const partitions = 4;
    const range = 100;
    const records = 20_000;
    await createTopic(topic, partitions);
    const { run, result } = await runJson(['--topic', topic, '--num-records', String(records), '--record-size', '20',
      '--key-distribution', 'zipf', '--record-key-range', String(range)]);
    expect(run.code, run.stderr).toBe(0);
    expect(result.config.keys).toEqual({ distribution: 'zipf', range, zipfExponent: 1, sizeBytes: null });
    const read = await readKeyed(topic, records);
    const expected = new Array<number>(partitions).fill(0);
    for (let k = 0; k < range; k++) expected[partitionForKey(Buffer.from(String(k)), partitions)]! += zipfProbability(k, range, 1);
    const seen = new Array<number>(partitions).fill(0);
    for (const r of read) seen[r.partition]! += 1 / records;
    // Five standard deviations of a share of 20,000 records at most (0.0035 each).
    for (let p = 0; p < partitions; p++) expect(Math.abs(seen[p]! - expected[p]!), `partition ${p}: ${seen[p]} vs ${expected[p]}`).toBeLessThan(0.018);
    // Key "0" takes 1 / H(100, 1) = 19.3% of the records.
    const hottest = read.filter((r) => r.key!.toString() === '0').length / records;
    expect(Math.abs(hottest - 0.193)).toBeLessThan(0.014);
  });

  it('e2e with EndToEndLatency\'s key and header flags: every record consumed, keyed and with its headers', async () => {
    const topic = uniqueTopic('e2e-keys');
    const { run, result } = await runJson(['e2e', '--topic', topic, '--partitions', '3', '--num-records', '2000', '--throughput', '2000',
      '--record-size', '64', '--key-distribution', 'range', '--record-key-range', '100', '--record-key-size', '8',
      '--num-headers', '2', '--record-header-key-size', '4', '--record-header-size', '16']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.consumed).toMatchObject({ records: 2000, missing: 0 });
    expect(result.config.headers).toEqual({ count: 2, keySizeBytes: 4, valueSizeBytes: 16 });
    const read = await readKeyed(topic, 2000);
    const byKey = partitionsByKey(read);
    expect(byKey.size).toBe(100);
    for (const [key, partition] of byKey) expect(partition, key).toBe(partitionForKey(Buffer.from(key), 3));
    for (const r of read) expect(r.headers.map(([k, v]) => [k.length, v])).toEqual([[4, 16], [4, 16]]);
  });
});
