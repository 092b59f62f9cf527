import { describe, expect, it } from 'vitest';
import { KAFKA_TOTAL_LINE, afterIntervals, countRecords, createTopic, readValues, runCli, runJson, uniqueTopic, countRecordsReaching } from './helpers.js';

const CLIENT = ['--client', 'platformatic'];
// Compression and transactions are client-platformatic-codecs.test.ts's (a file of its own, so that the two run side
// by side). A broker killed mid-run and a silent cluster are faults.test.ts's (the default client, on Node 20 only:
// they wait out timeouts, and nothing in them depends on the runtime).

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
