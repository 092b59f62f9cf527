#!/usr/bin/env node
// @ts-check
/**
 * Failover: Kafka's ProducerPerformance and perf-test (both clients), one after another, each through the same
 * fault on one three-node cluster: 512 B records at 1,000 records/s, acks=all, a fresh topic of 6 partitions with
 * 3 replicas (min.insync.replicas=2), and one broker SIGKILLed 10 s into the run (restarted, and back in sync,
 * before the next tool). Two brokers remain, so no record needs to fail.
 *
 *   npm run build && node benchmarks/failover/failover.mjs
 *   FAILOVER_RECORDS=90000 FAILOVER_RATE=3000 node benchmarks/failover/failover.mjs
 *
 * For each tool: records acked and failed (by its own final line), its exit code, and what the topic holds after.
 * Writes benchmarks/results/failover-<timestamp>.json and .md, with the machine beside the figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { fetchKafka, kafkaJavaCommand, resolveKafkaVersion, startCluster } from '../../dist/harness/index.js';
import { describeMachine } from '../vs-java/machine.mjs';
import { parseKafkaSummary } from '../vs-java/parse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RECORDS = Number(process.env.FAILOVER_RECORDS ?? 40_000);
const RATE = Number(process.env.FAILOVER_RATE ?? 1000);
const KILL_AFTER_MS = Number(process.env.FAILOVER_KILL_AFTER_MS ?? 10_000);
const KILLED = 2;
const PARTITIONS = 6;
if (RECORDS / RATE <= (KILL_AFTER_MS / 1000) * 1.5) {
  // A run that ends before the kill, or right after it, tests no failover: its count would race the kill.
  throw new Error(`FAILOVER_RECORDS=${RECORDS} at FAILOVER_RATE=${RATE} last ${RECORDS / RATE} s: the run must outlast the kill at ${KILL_AFTER_MS / 1000} s by half as long again`);
}

/** @typedef {{ name: string, command: string, args: string[] }} Tool */

/** @param {string} topic @param {string} servers @param {string} version @returns {Tool[]} */
function tools(topic, servers, version) {
  const flags = ['--topic', topic, '--num-records', String(RECORDS), '--record-size', '512', '--throughput', String(RATE)];
  const props = ['--producer-props', `bootstrap.servers=${servers}`, 'acks=all'];
  const java = kafkaJavaCommand({ version, mainClass: 'org.apache.kafka.tools.ProducerPerformance', args: [...flags, ...props] });
  const perfTest = (client) => ({
    name: `perf-test --client ${client}`,
    command: process.execPath,
    args: [path.join(ROOT, 'bin/perf-test.js'), ...flags, '--client', client, '--format', 'kafka', ...props],
  });
  return [{ name: "Kafka's ProducerPerformance", command: java.command, args: java.args }, perfTest('platformatic'), perfTest('kafkajs')];
}

/** Runs a tool, SIGKILLs a broker KILL_AFTER_MS in, and collects its output. */
async function runThroughKill(tool, cluster) {
  const child = spawn(tool.command, tool.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killed = sleep(KILL_AFTER_MS).then(() => cluster.kill(KILLED));
  const code = await new Promise((resolve) => child.on('close', resolve));
  await killed;
  return { code, stdout, stderr };
}

/**
 * Records the topic holds, by Kafka's GetOffsetShell on the running nodes, once it reports every partition (a
 * partition whose leader was on the killed node has none until the controller moves it: it would count as 0).
 */
async function recordsHeld(cluster, topic) {
  const servers = cluster.nodes.filter((n) => n.running).map((n) => n.bootstrapServer).join(',');
  const { command, args } = kafkaJavaCommand({ version: cluster.version, mainClass: 'org.apache.kafka.tools.GetOffsetShell', args: ['--bootstrap-server', servers, '--topic', topic] });
  for (let tries = 1; ; tries++) {
    const lines = (spawnSync(command, args, { encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean);
    if (lines.length === PARTITIONS || tries === 30) return lines.reduce((sum, line) => sum + Number(line.split(':')[2] ?? 0), 0);
    await sleep(1000);
  }
}

function createTopic(cluster, topic) {
  const { command, args } = kafkaJavaCommand({
    version: cluster.version,
    mainClass: 'org.apache.kafka.tools.TopicCommand',
    args: ['--bootstrap-server', cluster.bootstrapServers, '--create', '--topic', topic, '--partitions', String(PARTITIONS), '--replication-factor', '3'],
  });
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot create ${topic}: ${r.stderr}`);
}

async function main() {
  const version = resolveKafkaVersion();
  await fetchKafka({ version });
  const cluster = await startCluster({ nodes: 3, port: 0, version });
  const rows = [];
  try {
    for (let i = 0; i < 3; i++) {
      if (!cluster.node(KILLED).running) {
        await cluster.restart(KILLED);
        await sleep(15_000); // the restarted node catches up and rejoins the ISR before the next run
      }
      const topic = `failover-${Date.now().toString(36)}`;
      createTopic(cluster, topic);
      const tool = tools(topic, cluster.bootstrapServers, version)[i];
      process.stderr.write(`${tool.name}: ${RECORDS} records at ${RATE}/s, node ${KILLED} SIGKILLed after ${KILL_AFTER_MS / 1000} s\n`);
      const { code, stdout, stderr } = await runThroughKill(tool, cluster);
      const summary = parseKafkaSummary(stdout);
      const acked = summary?.records ?? 0;
      rows.push({
        tool: tool.name, exitCode: code, acked, failed: RECORDS - acked, held: await recordsHeld(cluster, topic),
        maxLatencyMs: summary?.maxLatencyMs ?? null, p99Ms: summary?.p99Ms ?? null,
        warnings: (stderr.match(/NetworkException|TimeoutException|NOT_LEADER|Exception/g) ?? []).length,
      });
      process.stderr.write(`  ${JSON.stringify(rows[rows.length - 1])}\n`);
    }
  } finally {
    await cluster.stop();
  }
  const result = {
    benchmark: 'failover',
    at: new Date().toISOString(),
    machine: describeMachine(ROOT, version),
    workload: { records: RECORDS, recordsPerSec: RATE, recordSizeBytes: 512, acks: 'all', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2, killedNode: KILLED, killAfterMs: KILL_AFTER_MS },
    rows,
  };
  const stamp = result.at.replaceAll(':', '-').replace('.', '-');
  const dir = path.join(ROOT, 'benchmarks/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `failover-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `failover-${stamp}.md`), markdown(result));
  process.stdout.write(markdown(result));
}

function markdown(r) {
  const m = r.machine;
  const w = r.workload;
  return [
    `# Failover: a broker SIGKILLed mid-run (${r.at})`,
    '',
    `${w.records} records of ${w.recordSizeBytes} B at ${w.recordsPerSec} records/s, acks=${w.acks}, ${w.partitions} partitions, replication factor ${w.replicationFactor}, min.insync.replicas=${w.minInsyncReplicas}; node ${w.killedNode} of 3 SIGKILLed ${w.killAfterMs / 1000} s into each run.`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, ${m.java}, Kafka ${m.kafka}, kafkajs ${m.kafkajs}, @platformatic/kafka ${m.platformaticKafka}.`,
    '',
    '| tool | acked | failed | topic holds | exit | max latency (ms) | p99 (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map((x) => `| ${x.tool} | ${x.acked} | ${x.failed} | ${x.held} | ${x.exitCode} | ${x.maxLatencyMs ?? '-'} | ${x.p99Ms ?? '-'} |`),
    '',
  ].join('\n');
}

await main();
