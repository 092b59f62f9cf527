import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { KAFKA_TOTAL_LINE, afterIntervals, bootstrap, countRecords, createTopic, kafkaTool, readValues, runCli, runJson, uniqueTopic, countRecordsReaching } from './helpers.js';

const CLIENT = ['--client', 'platformatic'];
/** zstd is Node's own zlib codec (22.15 and later): the client and so perf-test have it wherever Node does. */
const NODE_HAS_ZSTD = typeof (zlib as { zstdCompressSync?: unknown }).zstdCompressSync === 'function';
// A broker killed mid-run and a silent cluster are faults.test.ts's (the default client, on Node 20 only: they
// wait out timeouts, and nothing in them depends on the runtime).

describe('perf-test --client platformatic against a real broker', () => {
  it('runs the mission command shape and lands every record with the requested size', async () => {
    const topic = uniqueTopic('plt-mission');
    const run = await runCli([...CLIENT, '--num-records', '20000', '--record-size', '1024', '--throughput', '-1', '--topic', topic]);
    expect(run.stderr).toContain(`Created topic ${topic}`);
    expect(run.code).toBe(0);
    expect(KAFKA_TOTAL_LINE.exec(run.stdout)?.[1]).toBe('20000');
    expect(await countRecords(topic)).toBe(20000);
    for (const v of await readValues(topic, 5)) {
      expect(v.length).toBe(1024);
      expect(/^[A-Z]+$/.test(v.toString('latin1'))).toBe(true);
    }
  });

  it.each([['0'], ['1'], ['all']])('acks=%s delivers every record', async (acks) => {
    const topic = uniqueTopic(`plt-acks${acks}`);
    const { run, result } = await runJson([...CLIENT, '--num-records', '5000', '--record-size', '200', '--topic', topic, '--producer-props', `acks=${acks}`]);
    expect(run.code).toBe(0);
    expect(result.config.client).toBe('platformatic');
    expect(result.records).toEqual({ sent: 5000, acked: 5000, failed: 0, abandoned: 0 });
    expect(await countRecordsReaching(topic, 5000)).toBe(5000);
  });

  it('holds a 10,000 records/s cap within 5%', async () => {
    const { run, result } = await runJson([...CLIENT, '--num-records', '40000', '--record-size', '100', '--throughput', '10000', '--topic', uniqueTopic('plt-rate')]);
    expect(run.code).toBe(0);
    expect(result.records.acked).toBe(40000);
    expect(result.throughput.recordsPerSec).toBeGreaterThan(9500);
    expect(result.throughput.recordsPerSec).toBeLessThan(10500);
  });

  it('batches as our producer says: one request per call, many records per request with linger', async () => {
    const { result } = await runJson([...CLIENT, '--num-records', '1600', '--record-size', '100', '--throughput', '400', '--topic', uniqueTopic('plt-linger'), '--producer-props', 'linger.ms=200']);
    expect(result.records.acked).toBe(1600);
    expect(result.latencyMs.avg).toBeGreaterThanOrEqual(80);
    expect(result.clientMetrics.records / result.clientMetrics.requests).toBeGreaterThan(20);
  });

  it('splits the records exactly over --producers 2 on a 4-partition topic', async () => {
    const topic = uniqueTopic('plt-producers');
    await createTopic(topic, 4);
    const { run, result } = await runJson([...CLIENT, '--num-records', '30001', '--record-size', '100', '--topic', topic, '--producers', '2']);
    expect(run.code).toBe(0);
    expect(result.records).toEqual({ sent: 30001, acked: 30001, failed: 0, abandoned: 0 });
    expect(await countRecords(topic)).toBe(30001);
  });

  it('produces idempotently with lz4 compression', async () => {
    const topic = uniqueTopic('plt-idem');
    await createTopic(topic, 3);
    const { run, result } = await runJson([...CLIENT, '--num-records', '20000', '--record-size', '100', '--topic', topic,
      '--producer-props', 'enable.idempotence=true', 'compression.type=lz4']);
    expect(run.code).toBe(0);
    expect(result.records.acked).toBe(20000);
    expect(await countRecords(topic)).toBe(20000);
  });

  // The one skip of the suite, and an honest one: Node 20 has no zstd, so there is nothing to produce with. There
  // perf-test refuses compression.type=zstd with a usage error instead (test/unit/clients/platformatic.test.ts).
  // .ci/run also runs this file on Node 22 and 24, where this test runs. The spawned CLI runs on this same Node
  // (process.execPath), so it has zstd too.
  it.skipIf(!NODE_HAS_ZSTD)('produces with compression.type=zstd: stored compressed, read by Kafka\'s consumer (skipped where Node has no zstd: Node 20, before 22.15)', async () => {
    const topic = uniqueTopic('plt-zstd');
    await createTopic(topic, 1);
    const { run, result } = await runJson([...CLIENT, '--num-records', '20000', '--record-size', '1024', '--topic', topic,
      '--producer-props', 'compression.type=zstd']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.config.producer['compression.type']).toBe('zstd');
    expect(result.records).toEqual({ sent: 20000, acked: 20000, failed: 0, abandoned: 0 });
    expect(await countRecords(topic)).toBe(20000);
    // The broker keeps the producer's batches as they came (the topic's compression.type is `producer`), after
    // decompressing them to validate their records. Uncompressed, the log would exceed the 20.5 MB of values; the
    // values are random letters A-Z (4.7 bits a byte), so compressed it holds about 60% of that (12.7 MB measured).
    const dirs = await kafkaTool('org.apache.kafka.tools.LogDirsCommand', ['--bootstrap-server', bootstrap(), '--describe', '--topic-list', topic]);
    expect(dirs.code, dirs.stderr).toBe(0);
    const described = JSON.parse(dirs.stdout.split('\n').find((line) => line.startsWith('{'))!);
    const size = described.brokers[0].logDirs[0].partitions.find((p: { partition: string }) => p.partition === `${topic}-0`).size as number;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(0.75 * 20000 * 1024);
    // Kafka's own consumer decodes every record.
    const read = await kafkaTool('org.apache.kafka.tools.ConsumerPerformance', ['--bootstrap-server', bootstrap(), '--topic', topic, '--messages', '20000', '--timeout', '30000']);
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout.trimEnd().split('\n').at(-1)!.split(', ')[4]).toBe('20000');
  });

  it('produces in transactions that a read_committed consumer sees', async () => {
    const topic = uniqueTopic('plt-tx');
    const { run, result } = await runJson([...CLIENT, '--num-records', '3000', '--record-size', '100', '--throughput', '3000', '--topic', topic, '--transaction-duration-ms', '300']);
    expect(run.code).toBe(0);
    expect(result.records.acked).toBe(3000);
    expect((await readValues(topic, 3000, 'read_committed')).length).toBe(3000);
  });

  it(`consumes, in Kafka's counts, what Kafka's own producer compressed with ${NODE_HAS_ZSTD ? 'zstd' : 'lz4 (zstd needs Node 22.15)'}`, async () => {
    const topic = uniqueTopic('plt-read');
    await createTopic(topic, 3);
    const produced = await kafkaTool('org.apache.kafka.tools.ProducerPerformance', ['--topic', topic, '--num-records', '30000', '--record-size', '700',
      '--throughput', '-1', '--producer-props', `bootstrap.servers=${bootstrap()}`, 'acks=1', `compression.type=${NODE_HAS_ZSTD ? 'zstd' : 'lz4'}`]);
    expect(produced.code, produced.stderr).toBe(0);
    const { run, result } = await runJson(['consume', ...CLIENT, '--topic', topic, '--messages', '30000', '--timeout', '20000']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.records.consumed).toBe(30000);
    expect(result.bytes).toBe(30000 * 700);
  });

  it('reads only committed transactions with isolation.level=read_committed, and e2e measures its own records', async () => {
    const topic = uniqueTopic('plt-tx-read');
    const { result: produced } = await runJson([...CLIENT, '--num-records', '2000', '--record-size', '100', '--throughput', '4000', '--topic', topic, '--transaction-duration-ms', '200']);
    expect(produced.records.acked).toBe(2000);
    const { result } = await runJson(['consume', ...CLIENT, '--topic', topic, '--messages', '2000', '--timeout', '10000', '--command-property', 'isolation.level=read_committed']);
    expect(result.records.consumed).toBe(2000);
    const { result: e2e } = await runJson(['e2e', ...CLIENT, '--num-records', '3000', '--throughput', '1500', '--record-size', '64', '--topic', topic]);
    expect(e2e.consumed).toEqual({ records: 3000, missing: 0, duplicates: 0, reread: 0 });
    expect(e2e.endToEndLatencyMs.p50).toBeGreaterThan(0);
  });

  it('counts records the broker rejects as too large as failed, by Kafka\'s error name', async () => {
    const topic = uniqueTopic('plt-toolarge');
    await createTopic(topic, 1, [{ name: 'max.message.bytes', value: '2000' }]);
    const { run, result } = await runJson([...CLIENT, '--num-records', '50', '--record-size', '5000', '--topic', topic]);
    expect(run.code).toBe(4);
    expect(result.records).toEqual({ sent: 50, acked: 0, failed: 50, abandoned: 0 });
    expect(result.errors).toEqual({ MESSAGE_TOO_LARGE: 50 });
  });

  it('on SIGINT drains and exits 130; the topic holds exactly the acked records', async () => {
    const topic = uniqueTopic('plt-sigint');
    const { run, result } = await runJson([...CLIENT, '--duration', '60s', '--record-size', '100', '--throughput', '5000', '--topic', topic,
      '--reporting-interval', '1000'], { onSpawn: afterIntervals(2, (child) => child.kill('SIGINT')) });
    expect(run.code).toBe(130);
    expect(result.records.abandoned).toBe(0);
    expect(result.records.sent).toBe(result.records.acked);
    expect(await countRecords(topic)).toBe(result.records.acked);
  });

  it('fails on a bad broker address with a setup error', async () => {
    const run = await runCli([...CLIENT, '--num-records', '10', '--topic', uniqueTopic('plt-down'), '--bootstrap-server', '127.0.0.1:1',
      '--producer-props', 'max.block.ms=3000'], { env: { KAFKA_BOOTSTRAP_SERVERS: undefined } });
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toMatch(/^Error: cannot connect to Kafka at 127\.0\.0\.1:1: .*ECONNREFUSED/);
  });
});
