import { describe, expect, it } from 'vitest';
import { KAFKA_TOTAL_LINE, countRecords, createTopic, readValues, runCli, runJson, uniqueTopic } from './helpers.js';

const CLIENT = ['--client', 'platformatic'];

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
    expect(await countRecords(topic)).toBe(5000);
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

  it('produces in transactions that a read_committed consumer sees', async () => {
    const topic = uniqueTopic('plt-tx');
    const { run, result } = await runJson([...CLIENT, '--num-records', '3000', '--record-size', '100', '--throughput', '3000', '--topic', topic, '--transaction-duration-ms', '300']);
    expect(run.code).toBe(0);
    expect(result.records.acked).toBe(3000);
    expect((await readValues(topic, 3000, 'read_committed')).length).toBe(3000);
  });

  it('fails on a bad broker address with a setup error', async () => {
    const run = await runCli([...CLIENT, '--num-records', '10', '--topic', uniqueTopic('plt-down'), '--bootstrap-server', '127.0.0.1:1',
      '--producer-props', 'max.block.ms=3000'], { env: { KAFKA_BOOTSTRAP_SERVERS: undefined } });
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toMatch(/^Error: cannot connect to Kafka at 127\.0\.0\.1:1: .*ECONNREFUSED/);
  });
});
