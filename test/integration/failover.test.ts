// Broker failures during a run, on a real three-node cluster (each node broker and controller, topics of 6
// partitions, replication factor 3, min.insync.replicas=2), for both clients, at 1,000 records/s: well within
// what three JVMs on 2 cores take. Faults are injected when the run's progress lines say it is under way.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../harness/index.js';
import { createReplicatedTopic, electLeaders, groupCoordinator, rotatePreferredReplicas, startTestCluster, topicPartitions, waitForFullIsr, waitForLeaders, waitForPreferredLeaders } from './cluster.js';
import { PROGRESS_LINE, afterIntervals, countRecords, countRecordsReaching, runJson, uniqueTopic, whenPrinted } from './helpers.js';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startTestCluster();
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

// Every test starts on a whole cluster: nodes a test killed are back (two at once after the test that loses two).
beforeEach(async () => {
  await Promise.all(cluster.nodes.filter((node) => !node.running).map((node) => cluster.restart(node.id)));
});

const RATE = 1000;
/**
 * Records of a run with a fault at its third interval line: some 3 s before the fault and 5 s after it at RATE,
 * while the leaders move (a killed node's are moved once the controller fences it); the run then waits for
 * every ack.
 */
const KILL_RECORDS = 8_000;
/** Interval lines every second: faults follow the run's own progress, not fixed sleeps. */
const INTERVAL = ['--reporting-interval', '1s'];

/** A run of `records` records, or, with `'until stopped'`, one that sends until it is interrupted. */
function produceArgs(topic: string, client: string, records: number | 'until stopped', props: readonly string[] = []): string[] {
  const length = records === 'until stopped' ? ['--duration', '10m'] : ['--num-records', String(records)];
  return [
    '--topic', topic, ...length, '--record-size', '512', '--throughput', String(RATE), ...INTERVAL,
    '--client', client, '--producer-props', `bootstrap.servers=${cluster.bootstrapServers}`, 'acks=all', ...props,
  ];
}

describe.each(['platformatic', 'kafkajs'])('failover, --client %s', (client) => {
  // The default client is idempotent by default, as Java's producer is; kafkajs only when asked (README).
  const exact = client === 'platformatic';

  it('rides through a broker SIGKILLed mid-run with acks=all: 0 failed, every acked record in the topic', async () => {
    const topic = uniqueTopic('kill');
    await createReplicatedTopic(cluster, topic);
    const { run, result } = await runJson(produceArgs(topic, client, KILL_RECORDS), {
      timeoutMs: 120_000,
      onSpawn: afterIntervals(3, () => cluster.kill(2)),
    });
    expect(run.code, `${JSON.stringify(result.errors)}\n${run.stderr}`).toBe(0);
    expect(result.records).toMatchObject({ acked: KILL_RECORDS, failed: 0, abandoned: 0 });
    await waitForLeaders(cluster, topic, { excluding: 2 });
    const held = await countRecords(topic, runningServers());
    if (exact) expect(held).toBe(KILL_RECORDS);
    else expect(held).toBeGreaterThanOrEqual(KILL_RECORDS);
    if (exact) {
      // The stall and the recovery are in the figures: records were retried after the leaders moved.
      expect(result.clientMetrics.recordRetries + result.clientMetrics.metadataRefreshes).toBeGreaterThan(0);
      expect(result.intervals.some((i: { retried?: number }) => (i.retried ?? 0) > 0)).toBe(true);
    }
  });

  it('rides through a rolling restart of all three brokers during one run: 0 failed', async () => {
    const topic = uniqueTopic('rolling');
    await createReplicatedTopic(cluster, topic);
    const roll = async () => {
      for (const id of [1, 2, 3]) {
        await cluster.restart(id);
        await waitForFullIsr(cluster, topic);
      }
    };
    // The run lasts as long as the roll: it starts two intervals before the first restart, and is stopped (Ctrl-C)
    // two intervals after the third node is back in sync; it then drains, so every record it sent is acked.
    let rolled: Promise<void> | undefined;
    const { run, result } = await runJson(produceArgs(topic, client, 'until stopped', ['delivery.timeout.ms=120000']), {
      timeoutMs: 240_000,
      onSpawn: afterIntervals(2, (child) => {
        rolled = roll().then(() => whenPrinted(child, PROGRESS_LINE, 2, () => child.kill('SIGINT')));
      }),
    });
    await rolled;
    expect(run.code, `${JSON.stringify(result.errors)}\n${run.stderr}`).toBe(130);
    expect(result.status).toBe('interrupted');
    // Three restarts, each a JVM's start and the ISR's catch-up, take more than 10 s at 1,000 records/s.
    expect(result.records.acked).toBeGreaterThan(10_000);
    expect(result.records).toMatchObject({ sent: result.records.acked, failed: 0, abandoned: 0 });
    // Counted right after the run, kafkajs' topic has twice held fewer records than it acked (19 of 40,029 short in
    // CI, 2026-12-03): whether the new leaders' high watermarks (the end offsets counted) lagged, or kafkajs lost
    // them, is not known yet. The count waits up to 10 s for every acked record; a record really lost stays missing.
    const held = await countRecordsReaching(topic, result.records.acked, 10_000, cluster.bootstrapServers);
    if (exact) expect(held).toBe(result.records.acked);
    else expect(held).toBeGreaterThanOrEqual(result.records.acked);
  }, 300_000);

  it('rides through a leader election mid-run: 0 failed', async () => {
    const topic = uniqueTopic('elect');
    await createReplicatedTopic(cluster, topic);
    // Every partition's preferred replica becomes another than its leader; the preferred election during the run
    // then moves every partition's leadership while records flow.
    await rotatePreferredReplicas(cluster, topic);
    expect((await topicPartitions(cluster, topic)).filter((p) => p.leader === p.replicas[0])).toEqual([]);
    const { run, result } = await runJson(produceArgs(topic, client, KILL_RECORDS), {
      timeoutMs: 120_000,
      onSpawn: afterIntervals(3, () => electLeaders(cluster, topic, 'preferred')),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(result.records).toMatchObject({ acked: KILL_RECORDS, failed: 0 });
    await waitForPreferredLeaders(cluster, topic);
    if (exact) expect(await countRecords(topic, cluster.bootstrapServers)).toBe(KILL_RECORDS);
  });

  it('fails records by name within delivery.timeout.ms when two brokers are lost, exit 4, no hang', async () => {
    const topic = uniqueTopic('lost');
    await createReplicatedTopic(cluster, topic);
    const started = Date.now();
    const { run, result } = await runJson(produceArgs(topic, client, 30_000, ['delivery.timeout.ms=8000', 'request.timeout.ms=3000']), {
      timeoutMs: 120_000,
      onSpawn: afterIntervals(2, async () => {
        await cluster.kill(2);
        await cluster.kill(3);
      }),
    });
    expect(run.code, run.stderr).toBe(4);
    expect(result.records.failed).toBeGreaterThan(0);
    expect(result.records.acked + result.records.failed + result.records.abandoned).toBe(result.records.sent);
    // Named failures: Kafka's (NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT...) or a timeout, never a bare Error.
    for (const name of Object.keys(result.errors)) expect(name).toMatch(/^(NOT_ENOUGH_REPLICAS(_AFTER_APPEND)?|REQUEST_TIMED_OUT|TimeoutException|NetworkException|KafkaJS\w+|[A-Z_]+)$/);
    // The run stops sending at the first expiry and ends once delivery.timeout.ms has passed for what was sent.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('failover: consumers and e2e', () => {
  it('e2e across a broker SIGKILL, on the default client: every produced record consumed once, none missing', async () => {
    const topic = uniqueTopic('e2e-kill');
    await createReplicatedTopic(cluster, topic);
    // A consumer whose group coordinator died rejoins within the session timeout (45 s): give the drain room.
    const { run, result } = await runJson(['e2e', '--drain-timeout', '90s', ...produceArgs(topic, 'platformatic', KILL_RECORDS)], {
      timeoutMs: 180_000,
      onSpawn: afterIntervals(3, () => cluster.kill(1)),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(result.records).toMatchObject({ acked: KILL_RECORDS, failed: 0 });
    // Distinct records by offset: a consumer that rejoins its group and reads some again counts them as `reread`,
    // never as missing; the idempotent producer wrote none twice.
    expect(result.consumed).toMatchObject({ records: KILL_RECORDS, missing: 0, duplicates: 0 });
  });

  it('consume across the SIGKILL of the group coordinator: the group rejoins, goes on and reads every record', async () => {
    const topic = uniqueTopic('consume-kill');
    await createReplicatedTopic(cluster, topic);
    // The consumers wait on the empty topic while a producer fills it; the node that coordinates their group (and
    // leads some of the topic's partitions) dies while both run. The members rejoin once the controller has fenced
    // it and moved __consumer_offsets: their client's own rejoin tries (3, a second apart) may run out before that,
    // and then ours go on, as Java's consumer does (a crash there was exit 5 in CI, 2026-12-03).
    const consumed = runJson([
      'consume', '--bootstrap-server', cluster.bootstrapServers, '--topic', topic, '--messages', String(KILL_RECORDS),
      '--consumers', '2', '--timeout', '60000', '--group', uniqueTopic('g'),
    ], { timeoutMs: 180_000 });
    const produced = await runJson(produceArgs(topic, 'platformatic', KILL_RECORDS), {
      timeoutMs: 120_000,
      onSpawn: afterIntervals(3, async () => cluster.kill(await groupCoordinator(cluster))),
    });
    expect(produced.run.code, produced.run.stderr).toBe(0);
    const { run, result } = await consumed;
    expect(run.code, run.stderr).toBe(0);
    // At least every record (a rejoining consumer may read its uncommitted last records again), and the run ended.
    expect(result.records.consumed).toBeGreaterThanOrEqual(KILL_RECORDS);
    expect(await countRecords(topic, runningServers())).toBe(KILL_RECORDS);
  }, 240_000);
});

function runningServers(): string {
  return cluster.nodes.filter((n) => n.running).map((n) => n.bootstrapServer).join(',');
}
