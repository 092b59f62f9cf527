#!/usr/bin/env node
// @ts-check
/**
 * perf-test's consumers and end-to-end latency against Apache Kafka's own ConsumerPerformance and EndToEndLatency,
 * side by side on one local broker, the tools in turn (A B A B A B), median of the rounds. See README.md.
 *
 *   node benchmarks/consume/run.mjs                      # about 6 minutes on 2 cores (npm run bench runs it)
 *   node benchmarks/consume/run.mjs --scale 0.1 --repeats 1   # a smoke run
 *
 * Consume scenarios read one topic that perf-test fills first, each run in a new group from the beginning. The
 * e2e scenario is a light load (500 records/s, 200 B, acks=1, linger.ms=0) against EndToEndLatency's one record
 * in flight. Writes benchmarks/results/consume-<timestamp>.json and .md, and prints the Markdown.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchKafka, kafkaJavaCommand, resolveKafkaVersion, startBroker } from '../../dist/harness/index.js';
import { describeMachine } from '../vs-java/machine.mjs';
import { measure } from '../vs-java/measure.mjs';
import { formatConsumeMarkdown } from './markdown.mjs';
import { median, parseConsumerPerformance, parseEndToEndLatency, parsePerfTestConsume, parsePerfTestE2e } from './parse.mjs';
import { writeResults } from '../results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERF_TEST = path.join(ROOT, 'bin/perf-test.js');
const TIMEOUT_MS = 10 * 60_000;
const PARTITIONS = 3;
const E2E = { records: 10_000, rate: 500, size: 200 };

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, repeats: { type: 'string', default: '3' }, results: { type: 'string' } } });
  const scale = Number(values.scale);
  const repeats = Number(values.repeats);
  if (!(scale > 0) || !Number.isInteger(repeats) || repeats < 1) throw new Error('--scale takes a number > 0 and --repeats a whole number >= 1');
  const resultsDir = path.resolve(values.results ?? path.join(ROOT, 'benchmarks/results'));
  const version = resolveKafkaVersion();
  await fetchKafka({ version });
  const broker = await startBroker({ port: 0, version });
  const servers = broker.bootstrapServers;
  const java = (/** @type {string} */ mainClass, /** @type {string[]} */ args) => kafkaJavaCommand({ version, mainClass, args });
  const node = (/** @type {string[]} */ args) => ({ command: process.execPath, args: [PERF_TEST, ...args] });
  try {
    const startedAt = new Date().toISOString();
    const consume = [
      { id: 'consume 1 KiB', records: Math.round(1_000_000 * scale), size: 1024 },
      { id: 'consume 100 B', records: Math.round(3_000_000 * scale), size: 100 },
    ];
    /** @type {any[]} */
    const runs = [];
    for (const s of consume) {
      const topic = `bench-consume-${s.size}-${Date.now().toString(36)}`;
      log(`bench: filling ${topic} with ${s.records.toLocaleString('en-US')} records of ${s.size} B`);
      const fill = await measure(process.execPath, [PERF_TEST, '--topic', topic, '--partitions', String(PARTITIONS), '--num-records', String(s.records),
        '--record-size', String(s.size), '--throughput', '-1', '--bootstrap-server', servers, '--producer-props', 'acks=1', '--reporting-interval', '60000'], { timeoutMs: TIMEOUT_MS });
      if (fill.exitCode !== 0) throw new Error(`filling ${topic} failed: ${fill.stderr.slice(-500)}`);
      const tools = [
        { tool: 'Kafka ConsumerPerformance', ...java('org.apache.kafka.tools.ConsumerPerformance', ['--bootstrap-server', servers, '--topic', topic, '--messages', String(s.records)]), parse: parseConsumerPerformance },
        { tool: 'perf-test consume', ...node(['consume', '--bootstrap-server', servers, '--topic', topic, '--messages', String(s.records), '--json']), parse: parsePerfTestConsume },
        { tool: 'perf-test consume --client kafkajs', ...node(['consume', '--client', 'kafkajs', '--bootstrap-server', servers, '--topic', topic, '--messages', String(s.records), '--json']), parse: parsePerfTestConsume },
      ];
      await rounds(s.id, tools, repeats, runs, (f) => f.records >= s.records ? undefined : `${f.records} of ${s.records} records read`);
    }
    const e2eTools = [
      { tool: 'Kafka EndToEndLatency', topicArgs: (/** @type {string} */ t) => java('org.apache.kafka.tools.EndToEndLatency', [servers, t, String(E2E.records), '1', String(E2E.size)]), parse: (/** @type {string} */ out) => parseEndToEndLatency(out, E2E.records) },
      { tool: 'perf-test e2e', topicArgs: (/** @type {string} */ t) => node(['e2e', '--bootstrap-server', servers, '--topic', t, '--partitions', '1', '--num-records', String(E2E.records),
        '--throughput', String(E2E.rate), '--record-size', String(E2E.size), '--producer-props', 'acks=1', 'linger.ms=0', '--json']), parse: parsePerfTestE2e },
    ];
    for (let round = 0; round < repeats; round++) {
      for (const t of e2eTools) {
        const topic = `bench-e2e-${round}-${Date.now().toString(36)}`;
        const { command, args } = t.topicArgs(topic);
        runs.push(await runOne('e2e light load', t.tool, round, command, args, t.parse, (f) => f.records === E2E.records ? undefined : `${f.records} of ${E2E.records} records`));
      }
    }
    const result = {
      schemaVersion: 1, startedAt, finishedAt: new Date().toISOString(),
      machine: describeMachine(ROOT, version),
      settings: { scale, repeats, partitions: PARTITIONS, consume, e2e: { ...E2E, acks: '1', lingerMs: 0, partitions: 1 }, broker: 'started by the harness, same machine' },
      summaries: summarize(runs),
      failures: runs.filter((r) => r.error).map((r) => `${r.scenario} · ${r.tool} · round ${r.round + 1}: ${r.error}`),
      runs,
    };
    writeResults({ dir: resultsDir, name: 'consume', result, markdown: formatConsumeMarkdown(result), root: ROOT });
  } finally {
    await broker.stop();
  }
}

/**
 * Every tool once per round, in turn.
 * @param {string} scenario
 * @param {{ tool: string, command: string, args: string[], parse: (out: string) => any }[]} tools
 * @param {number} repeats
 * @param {any[]} runs
 * @param {(figures: any) => string | undefined} check
 */
async function rounds(scenario, tools, repeats, runs, check) {
  for (let round = 0; round < repeats; round++) {
    for (const t of tools) runs.push(await runOne(scenario, t.tool, round, t.command, t.args, t.parse, check));
  }
}

/**
 * @param {string} scenario @param {string} tool @param {number} round @param {string} command @param {string[]} args
 * @param {(out: string) => any} parse @param {(figures: any) => string | undefined} check
 */
async function runOne(scenario, tool, round, command, args, parse, check) {
  const loadAverage1m = os.loadavg()[0] ?? NaN;
  const m = await measure(command, args, { timeoutMs: TIMEOUT_MS });
  const figures = m.exitCode === 0 ? parse(m.stdout) : undefined;
  const error = m.exitCode !== 0 ? `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`
    : figures === undefined ? 'no result in its output' : check(figures);
  const run = { scenario, tool, round, exitCode: m.exitCode, wallMs: Math.round(m.wallMs), cpuSeconds: m.cpuSeconds, peakRssMiB: Math.round(m.peakRssMiB * 10) / 10, loadAverage1m, figures, error };
  log(`[${scenario} · ${tool} · round ${round + 1}] ${error ? `FAILED (${error})` : JSON.stringify(figures)}, ${m.cpuSeconds.toFixed(2)} CPU s, peak RSS ${Math.round(m.peakRssMiB)} MiB`);
  return run;
}

/** Medians per scenario and tool, over the rounds that succeeded. @param {any[]} runs */
function summarize(runs) {
  const keys = [...new Set(runs.map((r) => `${r.scenario}\u0000${r.tool}`))];
  return keys.map((k) => {
    const [scenario, tool] = k.split('\u0000');
    const ok = runs.filter((r) => r.scenario === scenario && r.tool === tool && !r.error);
    const figure = (/** @type {string} */ name) => median(ok.map((r) => r.figures[name]));
    const latency = ok[0]?.figures.avgMs !== undefined;
    return {
      scenario, tool, rounds: ok.length,
      ...(latency
        ? { avgMs: figure('avgMs'), p50Ms: figure('p50Ms'), p99Ms: figure('p99Ms'), p999Ms: figure('p999Ms'), wholeMs: ok[0]?.figures.wholeMs }
        : { recordsPerSec: figure('recordsPerSec'), minRecordsPerSec: Math.min(...ok.map((r) => r.figures.recordsPerSec)), maxRecordsPerSec: Math.max(...ok.map((r) => r.figures.recordsPerSec)) }),
      peakRssMiB: median(ok.map((r) => r.peakRssMiB)),
      cpuSeconds: median(ok.map((r) => r.cpuSeconds)),
    };
  });
}

main().catch((e) => {
  log(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
