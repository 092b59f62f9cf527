import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bootstrap, countRecords, createTopic, kafkaTool, runCli, runJson, uniqueTopic, whenPrinted } from './helpers.js';
import { expectValid } from '../support/schema.js';

const HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
const ROW = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}), (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}), (\d+\.\d{4}), (\d+\.\d{4}), (\d+), (\d+\.\d{4}), (\d+), (\d+), (\d+\.\d{4}), (\d+\.\d{4})$/;

describe('perf-test consume and e2e against a real broker', () => {
  it("consumes what Kafka's ProducerPerformance wrote, in ConsumerPerformance's exact format", async () => {
    const topic = uniqueTopic('interop');
    await createTopic(topic, 1);
    const produced = await kafkaTool('org.apache.kafka.tools.ProducerPerformance', ['--topic', topic, '--num-records', '100000',
      '--record-size', '1000', '--throughput', '-1', '--producer-props', `bootstrap.servers=${bootstrap()}`, 'acks=1']);
    expect(produced.code, produced.stderr).toBe(0);
    const run = await runCli(['consume', '--bootstrap-server', bootstrap(), '--topic', topic, '--messages', '100000', '--format', 'kafka']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(HEADER);
    const row = ROW.exec(lines[1]!);
    expect(row, lines[1]).not.toBeNull();
    expect(row![3]).toBe('95.3674');
    expect(row![5]).toBe('100000');
  });

  it("is read by Kafka's ConsumerPerformance", async () => {
    const topic = uniqueTopic('interop2');
    const { result } = await runJson(['--num-records', '20000', '--record-size', '500', '--topic', topic]);
    expect(result.records.acked).toBe(20000);
    const read = await kafkaTool('org.apache.kafka.tools.ConsumerPerformance', ['--bootstrap-server', bootstrap(), '--topic', topic, '--messages', '20000', '--timeout', '30000']);
    expect(read.code, read.stderr).toBe(0);
    const lines = read.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[lines.length - 1]!.split(', ')[4]).toBe('20000');
    expect(lines[lines.length - 1]!.split(', ')[2]).toBe('9.5367');
  });

  it.each(['platformatic', 'kafkajs'])('--consumers 2 in one group consumes exactly 100,000 from a 4-partition topic (--client %s)', async (client) => {
    const topic = uniqueTopic(`group-${client}`);
    await createTopic(topic, 4);
    const { result: produced } = await runJson(['--num-records', '100000', '--record-size', '100', '--topic', topic, '--producers', '2']);
    expect(produced.records.acked).toBe(100000);
    expect(await countRecords(topic)).toBe(100000);
    const { run, result } = await runJson(['consume', '--client', client, '--topic', topic, '--messages', '100000', '--consumers', '2', '--timeout', '20000']);
    expect(run.code).toBe(0);
    expectValid(result, 'consume');
    expect(result.records.consumed).toBe(100000);
    expect(result.bytes).toBe(100000 * 100);
    expect(result.timedOut).toBe(false);
    expect(result.config).toMatchObject({ consumers: 2, client });
  });

  // A second run joining the group mid-run makes the first one's partitions move: Java's consumer commits what it
  // read before it rejoins, so that the new owner starts after it, and no record is counted twice.
  it('two runs in one group, the second joining mid-run: every record counted once between them', async () => {
    const topic = uniqueTopic('rejoin');
    await createTopic(topic, 3);
    const group = `${topic}-group`;
    // Heartbeats every 300 ms: the first run hears of the rebalance soon, while records still arrive for the second.
    const consume = (onSpawn?: (child: ChildProcess) => void) => runJson(['consume', '--topic', topic, '--group', group,
      '--messages', '10000000', '--timeout', '4000', '--reporting-interval', '300', '--command-property', 'heartbeat.interval.ms=300'], { onSpawn });
    const produced = runJson(['--num-records', '60000', '--record-size', '100', '--throughput', '12000', '--topic', topic]);
    let second: ReturnType<typeof consume> | undefined;
    // Once the first has counted records and before its first auto-commit (5 s): without a commit at the
    // rebalance, the second would read those again from the start.
    const first = await consume((child) => whenPrinted(child, /^[1-9][\d,]* records consumed/, 1, () => (second = consume())));
    expect((await produced).result.records.acked).toBe(60000);
    expect(second).toBeDefined();
    const { result: late } = await second!;
    expect(late.records.consumed).toBeGreaterThan(0);
    expect(first.result.records.consumed + late.records.consumed).toBe(60000);
  });

  it('warns like Kafka when records stop before the expected count', async () => {
    const topic = uniqueTopic('short');
    await runJson(['--num-records', '1000', '--record-size', '10', '--topic', topic]);
    const run = await runCli(['consume', '--topic', topic, '--messages', '5000', '--timeout', '2000', '--show-detailed-stats', '--reporting-interval', '500']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('WARNING: Exiting before consuming the expected number of messages: timeout (2000 ms) exceeded. You can use the --timeout option to increase the timeout.');
    expect(run.stdout.split('\n')[0]).toBe('time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec');
  });

  it('e2e at 4,000 records/s consumes all 20,000 records with ordered, positive percentiles', async () => {
    const { run, result } = await runJson(['e2e', '--num-records', '20000', '--throughput', '4000', '--record-size', '200',
      '--producers', '2', '--consumers', '2', '--topic', uniqueTopic('e2e'), '--reporting-interval', '1000', '--assert', 'e2e.p99 < 30s']);
    expect(run.code).toBe(0);
    expectValid(result);
    expect(result.mode).toBe('e2e');
    expect(result.records.acked).toBe(20000);
    expect(result.consumed).toEqual({ records: 20000, missing: 0, duplicates: 0, reread: 0 });
    const e = result.endToEndLatencyMs;
    expect(e.min).toBeGreaterThan(0);
    for (const [a, b] of [[e.min, e.p50], [e.p50, e.p95], [e.p95, e.p99], [e.p99, e.p999], [e.p999, e.max]]) expect(a).toBeLessThanOrEqual(b);
    // A record is consumed after it is acked... or at least after it was sent: e2e latency is not below the ack latency's minimum.
    expect(e.p50).toBeGreaterThanOrEqual(result.latencyMs.min);
    expect(result.intervals.some((i: { endToEndLatencyMs: unknown }) => i.endToEndLatencyMs !== null)).toBe(true);
    expect(result.gates[0].passed).toBe(true);
  });

  it('e2e on a topic with history measures only this run\'s records', async () => {
    const topic = uniqueTopic('history');
    await runJson(['--num-records', '5000', '--record-size', '100', '--topic', topic]);
    const { result } = await runJson(['e2e', '--num-records', '3000', '--throughput', '3000', '--record-size', '100', '--topic', topic]);
    expect(result.consumed).toEqual({ records: 3000, missing: 0, duplicates: 0, reread: 0 });
  });
});
