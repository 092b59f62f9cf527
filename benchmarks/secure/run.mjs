#!/usr/bin/env node
// @ts-check
/**
 * Producing over SASL_SSL (TLS and SCRAM-SHA-512): perf-test against Apache Kafka's own ProducerPerformance on
 * the same listener of one local broker, with the same client properties file, the tools in turn (A B A B A B),
 * medians of the rounds. See README.md.
 *
 *   node benchmarks/secure/run.mjs                       # about 4 minutes on 2 cores (npm run bench runs it)
 *   node benchmarks/secure/run.mjs --scale 0.1 --repeats 1
 *
 * The broker and its certificates are the harness's (harness/secure-broker.ts), made fresh for the run. Writes
 * benchmarks/results/secure-<timestamp>.json and .md, and prints the Markdown.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kafkaJavaCommand, makeTestCertificates, resolveKafkaVersion, startSecureBroker } from '../../dist/harness/index.js';
import { describeMachine } from '../vs-java/machine.mjs';
import { measure } from '../vs-java/measure.mjs';
import { parseKafkaSummary } from '../vs-java/parse.mjs';
import { median } from '../consume/parse.mjs';
import { writeResults } from '../results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERF_TEST = path.join(ROOT, 'bin/perf-test.js');
const TIMEOUT_MS = 10 * 60_000;
const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const PRODUCER_PROPS = ['acks=1', 'linger.ms=5', 'batch.size=16384'];

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, repeats: { type: 'string', default: '3' }, results: { type: 'string' } } });
  const scale = Number(values.scale);
  const repeats = Number(values.repeats);
  if (!(scale > 0) || !Number.isInteger(repeats) || repeats < 1) throw new Error('--scale takes a number > 0 and --repeats a whole number >= 1');
  const resultsDir = path.resolve(values.results ?? path.join(ROOT, 'benchmarks/results'));
  const version = resolveKafkaVersion();
  const user = { name: 'bench', password: randomBytes(12).toString('hex'), scram: true };
  const certs = makeTestCertificates();
  const broker = await startSecureBroker(certs, [user]);
  const propsFile = path.join(certs.dir, 'bench-client.properties');
  // The password is a secret: it is in this file only, which goes with the certificates' temp dir.
  fs.writeFileSync(propsFile, [
    'security.protocol=SASL_SSL', 'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=${SCRAM} required username="${user.name}" password="${user.password}";`,
    'ssl.truststore.type=PEM', `ssl.truststore.location=${certs.caPem}`, '',
  ].join('\n'));
  try {
    const startedAt = new Date().toISOString();
    const scenarios = [
      { id: '1 KiB over SASL_SSL', records: Math.round(300_000 * scale), size: 1024 },
      { id: '100 B over SASL_SSL', records: Math.round(1_000_000 * scale), size: 100 },
    ];
    /** @type {any[]} */
    const runs = [];
    for (const s of scenarios) {
      for (let round = 0; round < repeats; round++) {
        for (const tool of ['Kafka ProducerPerformance', 'perf-test']) {
          const topic = `bench-secure-${s.size}-${round}-${tool === 'perf-test' ? 'p' : 'j'}-${Date.now().toString(36)}`;
          const common = ['--topic', topic, '--num-records', String(s.records), '--record-size', String(s.size), '--throughput', '-1',
            '--producer.config', propsFile, '--producer-props', `bootstrap.servers=${broker.saslSsl}`, ...PRODUCER_PROPS];
          const { command, args } = tool === 'perf-test'
            ? { command: process.execPath, args: [PERF_TEST, ...common, '--partitions', '3', '--format', 'kafka'] }
            : kafkaJavaCommand({ version, mainClass: 'org.apache.kafka.tools.ProducerPerformance', args: common });
          if (tool !== 'perf-test') await createTopic(topic, broker.plaintext, version);
          const loadAverage1m = os.loadavg()[0] ?? NaN;
          const m = await measure(command, args, { timeoutMs: TIMEOUT_MS });
          const summary = m.exitCode === 0 ? parseKafkaSummary(m.stdout) : undefined;
          const error = m.exitCode !== 0 ? `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`
            : summary === undefined ? 'no summary line' : summary.records !== s.records ? `${summary.records} of ${s.records} acknowledged` : undefined;
          runs.push({ scenario: s.id, tool, round, exitCode: m.exitCode, cpuSeconds: m.cpuSeconds, peakRssMiB: Math.round(m.peakRssMiB * 10) / 10, loadAverage1m, summary, error });
          log(`[${s.id} · ${tool} · round ${round + 1}] ${error ? `FAILED (${error})` : `${Math.round(summary.recordsPerSec).toLocaleString('en-US')} records/s`}, peak RSS ${Math.round(m.peakRssMiB)} MiB`);
        }
      }
    }
    const summaries = scenarios.flatMap((s) => ['Kafka ProducerPerformance', 'perf-test'].map((tool) => {
      const ok = runs.filter((r) => r.scenario === s.id && r.tool === tool && !r.error);
      return { scenario: s.id, tool, rounds: ok.length, recordsPerSec: median(ok.map((r) => r.summary.recordsPerSec)),
        p99Ms: median(ok.map((r) => r.summary.p99Ms)), peakRssMiB: median(ok.map((r) => r.peakRssMiB)), cpuSeconds: median(ok.map((r) => r.cpuSeconds)) };
    }));
    const result = {
      schemaVersion: 1, startedAt, finishedAt: new Date().toISOString(), machine: describeMachine(ROOT, version),
      settings: { scale, repeats, scenarios, producerProps: PRODUCER_PROPS, listener: 'SASL_SSL, SCRAM-SHA-512, TLS at each side\'s default protocol versions, 3 partitions' },
      summaries, failures: runs.filter((r) => r.error).map((r) => `${r.scenario} · ${r.tool} · round ${r.round + 1}: ${r.error}`), runs,
    };
    writeResults({ dir: resultsDir, name: 'secure', result, markdown: formatMarkdown(result), root: ROOT });
  } finally {
    await broker.stop();
    certs.remove();
  }
}

/** Creates a topic of 3 partitions over the PLAINTEXT listener, for Java's tool (perf-test creates its own). */
async function createTopic(/** @type {string} */ topic, /** @type {string} */ plaintext, /** @type {string} */ version) {
  const { command, args } = kafkaJavaCommand({ version, mainClass: 'org.apache.kafka.tools.TopicCommand',
    args: ['--bootstrap-server', plaintext, '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '1'] });
  const m = await measure(command, args, { timeoutMs: 60_000 });
  if (m.exitCode !== 0) throw new Error(`creating ${topic} failed: ${m.stderr.slice(-300)}`);
}

/** @param {any} result */
function formatMarkdown(result) {
  const m = result.machine;
  const int = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');
  const lines = [
    `# Producing over SASL_SSL: perf-test against Kafka's ProducerPerformance (${result.startedAt})`, '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.java}; Kafka ${m.kafka} (one local broker, same machine);`
      + ` @platformatic/kafka ${m.platformaticKafka}.`,
    `Listener: ${result.settings.listener}; both tools read one properties file. Producer: ${result.settings.producerProps.join(' ')}, no rate cap.`
      + ` Rounds: ${result.settings.repeats}, the tools in turn; medians.`, '',
    '| scenario | tool | records/s | × Kafka\'s | p99 ms | peak RSS MiB | CPU s |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of result.summaries) {
    const java = result.summaries.find((/** @type {any} */ j) => j.scenario === r.scenario && j.tool.startsWith('Kafka'));
    lines.push(`| ${r.scenario} | ${r.tool} | ${int(r.recordsPerSec)} | ${(r.recordsPerSec / java.recordsPerSec).toFixed(2)} | ${r.p99Ms} | ${Math.round(r.peakRssMiB)} | ${r.cpuSeconds.toFixed(2)} |`);
  }
  if (result.failures.length > 0) lines.push('', '## Failed runs', '', ...result.failures.map((/** @type {string} */ f) => `- ${f}`));
  return `${lines.join('\n')}\n`;
}

main().catch((e) => {
  log(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
