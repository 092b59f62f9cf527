// Broker failures during a run, on a real three-node cluster (each node broker and controller, topics of 6
// partitions, replication factor 3, min.insync.replicas=2), for both clients, at 1,000 records/s each: well within
// what three JVMs on 2 cores take. Faults are injected when the run's progress lines say it is under way. Both
// clients ride through the same fault, each in a run of its own on a topic of its own: half the faults (and the
// JVM restarts after them) of a test per client, and each client's figures asserted apart. The rolling restart
// is the exception (see below).
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../harness/index.js';
import { createReplicatedTopic, electLeaders, startTestCluster, waitForFullIsr, waitForLeaders, waitForPreferredLeaders } from './cluster.js';
import { type CliRun, PROGRESS_LINE, afterIntervals, countRecords, countRecordsReaching, runJson, uniqueTopic, whenPrinted } from './helpers.js';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startTestCluster();
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

// Every test starts on a whole cluster: nodes a test killed are back (two at once after the two-lost test).
beforeEach(async () => {
  await Promise.all(cluster.nodes.filter((node) => !node.running).map((node) => cluster.restart(node.id)));
});

const RATE = 1000;
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

const CLIENTS = ['platformatic', 'kafkajs'] as const;
type Client = (typeof CLIENTS)[number];

/** The default client is idempotent by default, as Java's producer is; kafkajs only when asked (README). */
const exact = (client: Client) => client === 'platformatic';

/** A replicated topic per client, made before the runs start. */
async function topicPerClient(prefix: string): Promise<Record<Client, string>> {
  const topics = { platformatic: uniqueTopic(`${prefix}-platformatic`), kafkajs: uniqueTopic(`${prefix}-kafkajs`) };
  await Promise.all(CLIENTS.map((client) => createReplicatedTopic(cluster, topics[client])));
  return topics;
}

interface ClientRun {
  readonly client: Client;
  readonly topic: string;
  readonly run: CliRun;
  readonly result: any;
}

/** One run per client at once, each on its topic; `onSpawn` sees each run's process with its client. */
function runBoth(topics: Record<Client, string>, args: (topic: string, client: Client) => string[],
  options: { timeoutMs: number; onSpawn?: (child: ChildProcess, client: Client) => void }): Promise<ClientRun[]> {
  return Promise.all(CLIENTS.map(async (client) => {
    const { run, result } = await runJson(args(topics[client], client), {
      timeoutMs: options.timeoutMs,
      onSpawn: (child) => options.onSpawn?.(child, client),
    });
    return { client, topic: topics[client], run, result };
  }));
}

/** An `onSpawn` that brings the fault once the default client's run has printed `intervals` progress lines. */
function faultAfter(intervals: number, fault: () => unknown): (child: ChildProcess, client: Client) => void {
  return (child, client) => {
    if (client === CLIENTS[0]) afterIntervals(intervals, fault)(child);
  };
}

describe('failover, both clients through each fault', () => {
  it('rides through a broker SIGKILLed mid-run with acks=all: 0 failed, every acked record in the topic', async () => {
    const topics = await topicPerClient('kill');
    const runs = await runBoth(topics, (topic, client) => produceArgs(topic, client, 10_000), {
      timeoutMs: 120_000,
      onSpawn: faultAfter(3, () => cluster.kill(2)),
    });
    for (const { client, topic, run, result } of runs) {
      expect(run.code, `--client ${client}: ${JSON.stringify(result.errors)}\n${run.stderr}`).toBe(0);
      expect(result.records, `--client ${client}`).toMatchObject({ acked: 10_000, failed: 0, abandoned: 0 });
      await waitForLeaders(cluster, topic, { excluding: 2 });
      const held = await countRecords(topic, runningServers());
      if (exact(client)) expect(held, `--client ${client}`).toBe(10_000);
      else expect(held, `--client ${client}`).toBeGreaterThanOrEqual(10_000);
      if (exact(client)) {
        // The stall and the recovery are in the figures: records were retried after the leaders moved.
        expect(result.clientMetrics.recordRetries + result.clientMetrics.metadataRefreshes).toBeGreaterThan(0);
        expect(result.intervals.some((i: { retried?: number }) => (i.retried ?? 0) > 0)).toBe(true);
      }
    }
  });

  it('rides through a leader election mid-run: 0 failed', async () => {
    const topics = await topicPerClient('elect');
    // Stop one node cleanly (its leaders move away), bring it back in sync, then elect the preferred leaders
    // during the runs: leadership moves back to it while records flow.
    await cluster.stop(3);
    await cluster.restart(3);
    for (const client of CLIENTS) await waitForFullIsr(cluster, topics[client]);
    const runs = await runBoth(topics, (topic, client) => produceArgs(topic, client, 8_000), {
      timeoutMs: 120_000,
      onSpawn: faultAfter(3, () => Promise.all(CLIENTS.map((client) => electLeaders(cluster, topics[client], 'preferred')))),
    });
    for (const { client, topic, run, result } of runs) {
      expect(run.code, `--client ${client}: ${run.stderr}`).toBe(0);
      expect(result.records, `--client ${client}`).toMatchObject({ acked: 8_000, failed: 0 });
      await waitForPreferredLeaders(cluster, topic);
      if (exact(client)) expect(await countRecords(topic, cluster.bootstrapServers), `--client ${client}`).toBe(8_000);
    }
  });

  it('fails records by name within delivery.timeout.ms when two brokers are lost, exit 4, no hang', async () => {
    const topics = await topicPerClient('lost');
    const started = Date.now();
    const runs = await runBoth(topics, (topic, client) => produceArgs(topic, client, 30_000, ['delivery.timeout.ms=8000', 'request.timeout.ms=3000']), {
      timeoutMs: 120_000,
      onSpawn: faultAfter(2, async () => {
        await cluster.kill(2);
        await cluster.kill(3);
      }),
    });
    for (const { client, run, result } of runs) {
      expect(run.code, `--client ${client}: ${run.stderr}`).toBe(4);
      expect(result.records.failed, `--client ${client}`).toBeGreaterThan(0);
      expect(result.records.acked + result.records.failed + result.records.abandoned, `--client ${client}`).toBe(result.records.sent);
      // Named failures: Kafka's (NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT...) or a timeout, never a bare Error.
      for (const name of Object.keys(result.errors)) expect(name).toMatch(/^(NOT_ENOUGH_REPLICAS(_AFTER_APPEND)?|REQUEST_TIMED_OUT|TimeoutException|NetworkException|KafkaJS\w+|[A-Z_]+)$/);
    }
    // The runs stop sending at the first expiry and end once delivery.timeout.ms has passed for what was sent.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

// A roll per client, one after the other: with both clients' runs through one roll, kafkajs twice ended with fewer
// records in its topic than it had acked (62 and 117 of some 50,000, at acks=all), which a run of its own has not
// shown. Not understood yet; the default client held exactly what it acked both times.
describe.each(CLIENTS)('failover: a rolling restart, --client %s', (client) => {
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
    // The last restart moved leaders a moment ago: their high watermarks may still be catching up.
    const held = await countRecordsReaching(topic, result.records.acked, 15_000, cluster.bootstrapServers);
    if (exact(client)) expect(held).toBe(result.records.acked);
    else expect(held).toBeGreaterThanOrEqual(result.records.acked);
  }, 300_000);
});

describe('failover: consumers and e2e', () => {
  it('e2e across a broker SIGKILL, on the default client: every produced record consumed once, none missing', async () => {
    const topic = uniqueTopic('e2e-kill');
    await createReplicatedTopic(cluster, topic);
    // A consumer whose group coordinator died rejoins within the session timeout (45 s): give the drain room.
    const { run, result } = await runJson(['e2e', '--drain-timeout', '90s', ...produceArgs(topic, 'platformatic', 10_000)], {
      timeoutMs: 180_000,
      onSpawn: afterIntervals(3, () => cluster.kill(1)),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(result.records).toMatchObject({ acked: 10_000, failed: 0 });
    // Distinct records by offset: a consumer that rejoins its group and reads some again counts them as `reread`,
    // never as missing; the idempotent producer wrote none twice.
    expect(result.consumed).toMatchObject({ records: 10_000, missing: 0, duplicates: 0 });
  });

  it('consume across a broker SIGKILL: the group goes on and reads every record', async () => {
    const topic = uniqueTopic('consume-kill');
    await createReplicatedTopic(cluster, topic);
    // The consumers wait on the empty topic while a producer fills it; a node dies while both run.
    const consumed = runJson([
      'consume', '--bootstrap-server', cluster.bootstrapServers, '--topic', topic, '--messages', '10000',
      '--consumers', '2', '--timeout', '60000', '--group', uniqueTopic('g'),
    ], { timeoutMs: 180_000 });
    const produced = await runJson(produceArgs(topic, 'platformatic', 10_000), {
      timeoutMs: 120_000,
      onSpawn: afterIntervals(3, () => cluster.kill(3)),
    });
    expect(produced.run.code, produced.run.stderr).toBe(0);
    const { run, result } = await consumed;
    expect(run.code, run.stderr).toBe(0);
    // At least every record (a rejoining consumer may read its uncommitted last records again), and the run ended.
    expect(result.records.consumed).toBeGreaterThanOrEqual(10_000);
    expect(await countRecords(topic, runningServers())).toBe(10_000);
  }, 240_000);
});

function runningServers(): string {
  return cluster.nodes.filter((n) => n.running).map((n) => n.bootstrapServer).join(',');
}
