#!/usr/bin/env node
// @ts-check
/**
 * Is perf-test's memory flat in the record count? Runs 1,000,000 and 10,000,000 records of 100 B (no cap, default
 * client) through perf-test, and 10,000,000 through Apache Kafka's ProducerPerformance, on a fresh local broker,
 * and compares each process's peak RSS (VmHWM).
 *
 *   npm run build && node benchmarks/memory/flat-memory.mjs
 *
 * Writes benchmarks/results/memory-<timestamp>.json and .md, with the machine beside the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaJavaCommand, startBroker } from '../../dist/harness/index.js';
import { measure } from '../vs-java/measure.mjs';
import { parseKafkaSummary } from '../vs-java/parse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROPS = ['acks=1', 'linger.ms=5', 'batch.size=16384', 'enable.idempotence=false'];

/** @param {string} bootstrap @param {number} records */
function perfTest(bootstrap, records) {
  return [process.execPath, [path.join(ROOT, 'bin/perf-test.js'), '--topic', `mem-${records}-${Date.now()}`, '--num-records', String(records),
    '--record-size', '100', '--throughput', '-1', '--format', 'kafka', '--producer-props', `bootstrap.servers=${bootstrap}`, ...PROPS]];
}

/** @param {string} bootstrap @param {number} records @param {string} version */
function java(bootstrap, records, version) {
  const { command, args } = kafkaJavaCommand({ version, mainClass: 'org.apache.kafka.tools.ProducerPerformance', args: [
    '--topic', `mem-java-${records}-${Date.now()}`, '--num-records', String(records), '--record-size', '100', '--throughput', '-1',
    '--producer-props', `bootstrap.servers=${bootstrap}`, ...PROPS] });
  return [command, args];
}

async function main() {
  const broker = await startBroker({ port: 0 });
  try {
    const runs = [];
    for (const [tool, records, [command, args]] of /** @type {const} */ ([
      ['perf-test', 1_000_000, perfTest(broker.bootstrapServers, 1_000_000)],
      ['perf-test', 10_000_000, perfTest(broker.bootstrapServers, 10_000_000)],
      ['java', 10_000_000, java(broker.bootstrapServers, 10_000_000, broker.version)],
    ])) {
      const m = await measure(/** @type {string} */ (command), /** @type {string[]} */ (args), { timeoutMs: 600_000 });
      if (m.exitCode !== 0) throw new Error(`${tool} ${records} exited ${m.exitCode}: ${m.stderr.slice(-500)}`);
      const summary = parseKafkaSummary(m.stdout);
      runs.push({ tool, records, acked: summary?.records, recordsPerSec: summary?.recordsPerSec, peakRssMiB: Math.round(m.peakRssMiB * 10) / 10, cpuSeconds: m.cpuSeconds });
      process.stderr.write(`memory: ${tool} ${records}: ${JSON.stringify(runs[runs.length - 1])}\n`);
    }
    const [small, large, javaLarge] = runs;
    const result = {
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, kafka: broker.version, note: 'the broker runs on the same cores' },
      runs,
      growth10x: large && small ? large.peakRssMiB / small.peakRssMiB : null,
      versusJava: large && javaLarge ? large.peakRssMiB / javaLarge.peakRssMiB : null,
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(ROOT, 'benchmarks/results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `memory-${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
    const md = [
      '### Peak RSS against the record count (100 B records, no cap, acks=1)',
      '',
      `Machine: ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, Kafka ${result.machine.kafka} (broker on the same cores).`,
      '',
      '| tool | records | acked | records/s | peak RSS | CPU s |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...runs.map((r) => `| ${r.tool} | ${r.records.toLocaleString('en-US')} | ${r.acked?.toLocaleString('en-US')} | ${Math.round(r.recordsPerSec ?? 0).toLocaleString('en-US')} | ${r.peakRssMiB} MiB | ${r.cpuSeconds.toFixed(1)} |`),
      '',
      `perf-test's peak RSS at 10M records is ${((result.growth10x ?? 0) * 100).toFixed(0)}% of its peak at 1M, and ${((result.versusJava ?? 0) * 100).toFixed(0)}% of Java's at 10M.`,
    ].join('\n');
    fs.writeFileSync(path.join(dir, `memory-${stamp}.md`), md + '\n');
    process.stdout.write(md + '\n');
  } finally {
    await broker.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`memory: ${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 1;
});
