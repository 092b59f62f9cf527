#!/usr/bin/env node
// @ts-check
/**
 * perf-test against Apache Kafka's own ProducerPerformance and librdkafka's rdkafka_performance, side by side on one
 * local broker: the same settings, a fresh topic per run, the tools in turn (Java, librdkafka when its binary is found
 * in RDKAFKA_PERFORMANCE or on the PATH, then each perf-test client, round after round). See README.md.
 *
 *   npm run bench                                        # everything, about 12 minutes on 2 cores
 *   npm run bench -- --scale 0.05 --repeats 1 --latency-repeats 1   # a smoke run of a minute or two
 *
 * Writes benchmarks/results/vs-java-<timestamp>.json and .md, and prints the Markdown.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { fetchKafka, kafkaJavaCommand, resolveKafkaVersion, startBroker } from '../../dist/harness/index.js';
import { resolveBenchConfig } from './config.mjs';
import { describeMachine } from './machine.mjs';
import { formatMarkdown } from './markdown.mjs';
import { measure } from './measure.mjs';
import { parseKafkaSummary, parseKafkaWindows } from './parse.mjs';
import { findRdkafkaPerformance, parseRdkafkaTable, parseRdkafkaVersion, RDKAFKA_HINT } from './rdkafka.mjs';
import { commandFor, javaWindows, scenarios, stopRule, toolName } from './scenarios.mjs';
import { summarize } from './summary.mjs';
import { writeResults } from '../results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERF_TEST_BIN = path.join(ROOT, 'bin/perf-test.js');
const RUN_TIMEOUT_MS = 10 * 60_000;

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const config = resolveBenchConfig(process.argv.slice(2), process.env, path.join(ROOT, 'benchmarks/results'));
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('perf-test is not built: run `npm run build` (npm run bench does)');
  const version = resolveKafkaVersion();
  const rdkafka = findRdkafkaPerformance(process.env);
  const rdkafkaBin = rdkafka.found ? rdkafka.path : undefined;
  const rdkafkaNote = rdkafka.found
    ? `${rdkafka.path}, librdkafka ${parseRdkafkaVersion(spawnSync(rdkafka.path, ['-h'], { encoding: 'utf8' }).stderr ?? '')}`
    : `not run: ${rdkafka.reason} (${RDKAFKA_HINT})`;
  log(`bench: librdkafka's rdkafka_performance: ${rdkafkaNote}`);
  await fetchKafka({ version });
  const broker = config.bootstrapServers === undefined ? await startBroker({ port: 0, version }) : undefined;
  const stopBroker = () => broker?.stop() ?? Promise.resolve();
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => void stopBroker().finally(() => process.exit(130)));
  }
  const bootstrapServers = config.bootstrapServers ?? /** @type {NonNullable<typeof broker>} */ (broker).bootstrapServers;
  const admin = new kafkajs.Kafka({ clientId: 'perf-test-bench', brokers: [bootstrapServers], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const startedAt = new Date().toISOString();
    const plan = scenarios(config, { rdkafka: rdkafka.found });
    const total = plan.reduce((n, s) => n + s.repeats * s.tools.length, 0);
    log(`bench: ${total} runs against ${broker ? `a fresh Kafka ${version} broker` : bootstrapServers}; load average ${os.loadavg()[0]?.toFixed(2)}`);
    /** @type {import('./summary.mjs').RunRecord[]} */
    const runs = [];
    for (const s of plan) {
      for (let round = 0; round < s.repeats; round++) {
        for (const tool of s.tools) {
          const run = await runOne({ s, tool, round, config, version, bootstrapServers, admin, rdkafkaBin });
          runs.push(run);
          log(`[${runs.length}/${total}] ${s.id} · ${run.tool} · round ${round + 1}: ${describe(run)}`);
        }
      }
    }
    const summaries = plan.map((s) => summarize(s, s.tools.map(toolName), runs));
    const failures = runs.filter((r) => r.error !== undefined).map((r) => `${r.scenario} · ${r.tool} · round ${r.round + 1}: ${r.error}`);
    const result = {
      schemaVersion: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: describeMachine(ROOT, version),
      peers: { rdkafka: rdkafkaNote },
      settings: {
        producerProps: config.producerProps,
        partitions: config.partitions,
        perfTestProducers: config.producers,
        recordsPerRun1KiB: config.recordsPerRun1KiB,
        recordsPerRun100B: config.recordsPerRun100B,
        recordsPerLongRun: config.recordsPerLongRun,
        durationSeconds: config.durationSeconds,
        longAcks: config.longAcks,
        scenarios: config.scenarios,
        latencyRecords: config.latencyRecords,
        latencyRatePerSec: config.latencyRatePerSec,
        repeats: config.repeats,
        latencyRepeats: config.latencyRepeats,
        broker: broker ? 'started by the harness, same machine' : 'given (--bootstrap)',
      },
      summaries,
      failures,
      runs,
    };
    writeResults({ dir: config.resultsDir, name: 'vs-java', result, markdown: formatMarkdown(result), root: ROOT });
  } finally {
    await admin.disconnect().catch(() => undefined);
    await stopBroker();
  }
}

/**
 * One run of one tool on a fresh topic, deleted afterwards.
 * @param {{ s: import('./scenarios.mjs').Scenario, tool: import('./scenarios.mjs').Tool, round: number,
 *   config: import('./config.mjs').BenchConfig, version: string, bootstrapServers: string, admin: import('kafkajs').Admin,
 *   rdkafkaBin: string | undefined }} o
 * @returns {Promise<import('./summary.mjs').RunRecord>}
 */
async function runOne({ s, tool, round, config, version, bootstrapServers, admin, rdkafkaBin }) {
  const name = toolName(tool);
  const slug = `${s.id}-${name}-r${round + 1}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '');
  const topic = `bench-${slug}-${Date.now().toString(36)}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: config.partitions, replicationFactor: 1 }] });
  const profileDir = config.profileDir === undefined || tool.kind !== 'perf-test' ? undefined : path.resolve(config.profileDir, slug);
  const { command, args } = commandFor(tool, s, {
    topic, bootstrapServers, config, profileDir, nodePath: process.execPath, perfTestBin: PERF_TEST_BIN, rdkafkaBin,
    javaTool: (toolArgs) => kafkaJavaCommand({ version, mainClass: 'org.apache.kafka.tools.ProducerPerformance', args: toolArgs }),
  });
  const loadAverage1m = os.loadavg()[0] ?? NaN;
  const m = await measure(command, args, { timeoutMs: RUN_TIMEOUT_MS, stopWhen: stopRule(tool, s) });
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  // rdkafka_performance prints its table on stdout and its notes on stderr; the Kafka tools print Kafka's line, and
  // Java stopped in a duration run only its rolling lines.
  const summary = tool.kind === 'rdkafka' ? parseRdkafkaTable(`${m.stdout}\n${m.stderr}`)
    : tool.kind === 'java' && s.durationMs !== undefined ? parseKafkaWindows(m.stdout, javaWindows(s.durationMs)) : parseKafkaSummary(m.stdout);
  const error = m.exitCode !== 0 && !m.stopped ? `exit ${m.exitCode}: ${lastLines(m.stderr)}`
    : summary === undefined ? `no summary line in its output: ${lastLines(m.stdout)}`
      : s.durationMs === undefined && summary.records !== s.records ? `${summary.records} of ${s.records} records acknowledged`
        : summary.records === 0 ? 'no record acknowledged' : undefined;
  return {
    scenario: s.id, tool: name, round, topic,
    command: [path.basename(command), ...args].join(' ').replaceAll(bootstrapServers, '<broker>'),
    exitCode: m.exitCode, stoppedByHarness: m.stopped, wallMs: Math.round(m.wallMs), cpuSeconds: m.cpuSeconds, peakRssMiB: Math.round(m.peakRssMiB * 10) / 10,
    summary, loadAverage1m, error,
  };
}

/** @param {import('./summary.mjs').RunRecord} r */
function describe(r) {
  if (r.error !== undefined) return `FAILED (${r.error})`;
  const s = /** @type {import('./parse.mjs').KafkaSummary} */ (r.summary);
  const latency = Number.isNaN(s.p50Ms) ? '' : `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, `;
  return `${Math.round(s.recordsPerSec).toLocaleString('en-US')} records/s, ${latency}`
    + `${r.cpuSeconds.toFixed(2)} CPU s, peak RSS ${Math.round(r.peakRssMiB)} MiB`;
}

/** @param {string} text */
function lastLines(text) {
  return text.trim().split('\n').slice(-3).join(' / ').slice(0, 500);
}

main().catch((e) => {
  log(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
