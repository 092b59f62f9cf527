// The harness's three-node cluster (its own, beside the global setup's single broker): replicated topics,
// leaders that move off a killed node, a restarted node back in the ISR, and a preferred leader election.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../harness/index.js';
import {
  createReplicatedTopic,
  electLeaders,
  startTestCluster,
  topicPartitions,
  waitForFullIsr,
  waitForLeaders,
  waitForPreferredLeaders,
} from './cluster.js';
import { countRecords, runJson, uniqueTopic } from './helpers.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a three-node cluster', () => {
  let cluster: Cluster;
  const topic = uniqueTopic('rf3');

  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster?.stop());

  it('runs three brokers, each its own JVM, that replicate a topic of 6 partitions three times', async () => {
    expect(cluster.nodes.map(({ id, running }) => ({ id, running }))).toEqual([1, 2, 3].map((id) => ({ id, running: true })));
    expect(new Set(cluster.nodes.map((node) => node.pid)).size).toBe(3);
    // Nodes that share the machine: C1 and the serial collector (harness/java.ts), not G1.
    for (const node of cluster.nodes) {
      const args = readFileSync(`/proc/${node.pid}/cmdline`, 'utf8').split('\0');
      expect(args).toEqual(expect.arrayContaining(['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']));
      expect(args).not.toContain('-XX:+UseG1GC');
    }
    expect(cluster.bootstrapServers.split(',')).toEqual(cluster.nodes.map((node) => node.bootstrapServer));

    await createReplicatedTopic(cluster, topic, { partitions: 6, replicationFactor: 3 });
    const partitions = await topicPartitions(cluster, topic);
    expect(partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const p of partitions) expect([...p.replicas].sort()).toEqual([1, 2, 3]);
    // Replication factor 3 and min.insync.replicas=2 are the cluster's defaults: acks=all waits for two.
    const { run, result } = await runJson(['--topic', uniqueTopic('defaults'), '--partitions', '3', '--num-records', '2000',
      '--record-size', '100', '--throughput', '-1', '--bootstrap-server', cluster.bootstrapServers, '--producer-props', 'acks=all']);
    expect(run.code, run.stderr).toBe(0);
    expect(result.records.acked).toBe(2000);
  });

  it('moves the leaders off a SIGKILLed node, and takes it back into the ISR once restarted', async () => {
    const [first] = await topicPartitions(cluster, topic);
    const victim = first!.leader;
    const pid = cluster.node(victim).pid!;

    await cluster.kill(victim);
    expect(cluster.node(victim)).toMatchObject({ running: false, pid: undefined });
    expect(alive(pid)).toBe(false);
    const failedOver = await waitForLeaders(cluster, topic, { excluding: victim });
    for (const p of failedOver) expect(p.isr).not.toContain(victim);

    await cluster.restart(victim);
    expect(cluster.node(victim).running).toBe(true);
    expect(cluster.node(victim).pid).not.toBe(pid);
    await waitForFullIsr(cluster, topic);

    await electLeaders(cluster, topic, 'preferred');
    const preferred = await waitForPreferredLeaders(cluster, topic);
    expect(preferred.filter((p) => p.leader === victim).length).toBeGreaterThan(0);
  });

  it('stops a node cleanly, serves on the other two meanwhile, and restarts it', async () => {
    await cluster.stop(2);
    expect(cluster.node(2).running).toBe(false);
    // A clean shutdown hands its leaders over at once: no session timeout to wait for.
    await waitForLeaders(cluster, topic, { excluding: 2, timeoutMs: 10_000 });
    // Two replicas of three in sync still meet min.insync.replicas=2.
    const running = cluster.nodes.filter((node) => node.running).map((node) => node.bootstrapServer).join(',');
    const { run } = await runJson(['--topic', topic, '--num-records', '1000', '--record-size', '100', '--throughput', '-1',
      '--bootstrap-server', running, '--producer-props', 'acks=all']);
    expect(run.code, run.stderr).toBe(0);
    expect(await countRecords(topic, running)).toBe(1000);

    await cluster.restart(2);
    await waitForFullIsr(cluster, topic);
  });
});
