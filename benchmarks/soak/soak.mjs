#!/usr/bin/env node
// @ts-check
/**
 * Soak test: one long perf-test run against a local broker, sampling the CLI's memory (RSS of the whole process,
 * worker threads included) every few seconds, to show that memory stays flat and throughput stable.
 *
 *   node benchmarks/soak/soak.mjs                       # 10 minutes at 20,000 records/s of 1 KiB
 *   SOAK_DURATION=2m SOAK_RATE=-1 node benchmarks/soak/soak.mjs
 *
 * Writes benchmarks/results/soak-<timestamp>.json and .md, with the machine beside the figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '../../dist/harness/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const duration = process.env.SOAK_DURATION ?? '10m';
const rate = process.env.SOAK_RATE ?? '20000';
const recordSize = process.env.SOAK_RECORD_SIZE ?? '1024';
const producers = process.env.SOAK_PRODUCERS ?? '1';
const SAMPLE_MS = 5000;

/** @param {number} pid */
function rssKiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** @param {number[]} xs */
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** @param {number[]} xs */
const stddev = (xs) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

async function main() {
  const broker = await startBroker({ port: 0 });
  try {
    const args = [path.join(ROOT, 'bin/perf-test.js'), '--duration', duration, '--throughput', rate, '--record-size', recordSize,
      '--producers', producers, '--topic', `soak-${Date.now()}`, '--bootstrap-server', broker.bootstrapServers,
      '--reporting-interval', '10000', '--json'];
    process.stderr.write(`soak: perf-test ${args.slice(1).join(' ')}\n`);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    /** @type {{ elapsedS: number, rssMiB: number }[]} */
    const samples = [];
    const started = Date.now();
    const timer = setInterval(() => {
      const kib = rssKiB(/** @type {number} */ (child.pid));
      if (Number.isFinite(kib)) samples.push({ elapsedS: Math.round((Date.now() - started) / 1000), rssMiB: Math.round(kib / 102.4) / 10 });
    }, SAMPLE_MS);
    const code = await new Promise((resolve) => child.on('close', resolve));
    clearInterval(timer);
    if (code !== 0) throw new Error(`perf-test exited ${code}`);
    const result = JSON.parse(stdout);
    const rates = result.intervals.filter((/** @type {any} */ i) => i.durationMs > 5000).map((/** @type {any} */ i) => i.throughput.recordsPerSec);
    const firstMinute = samples.filter((s) => s.elapsedS >= 20 && s.elapsedS <= 80).map((s) => s.rssMiB);
    const lastMinute = samples.slice(-12).map((s) => s.rssMiB);
    const summary = {
      command: `perf-test ${args.slice(1).join(' ').replace(broker.bootstrapServers, '<local broker>')}`,
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, kafka: broker.version, note: 'the broker runs on the same cores' },
      records: result.records,
      durationMs: result.durationMs,
      throughput: result.throughput,
      latencyMs: result.latencyMs,
      intendedLatencyMs: result.intendedLatencyMs,
      intervalThroughput: { meanRecordsPerSec: mean(rates), stddevRecordsPerSec: stddev(rates), min: Math.min(...rates), max: Math.max(...rates) },
      rssMiB: { firstMinuteMean: mean(firstMinute), lastMinuteMean: mean(lastMinute), peak: Math.max(...samples.map((s) => s.rssMiB)) },
      samples,
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(ROOT, 'benchmarks/results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `soak-${stamp}.json`), JSON.stringify(summary, null, 2) + '\n');
    const md = [
      `### Soak: ${duration} at ${rate === '-1' ? 'no cap' : `${rate} records/s`}, ${recordSize} B records, ${producers} producer(s)`,
      '',
      `Machine: ${summary.machine.cores} cores, ${summary.machine.memoryGiB} GiB, Node ${summary.machine.node}, Kafka ${summary.machine.kafka} (broker on the same cores).`,
      `Command: \`${summary.command}\``,
      '',
      '| records acked | failed | records/s (mean of intervals) | stddev | min | max | RSS first minute | RSS last minute | RSS peak | p99 | intended p99 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${result.records.acked} | ${result.records.failed} | ${summary.intervalThroughput.meanRecordsPerSec.toFixed(0)} | ${summary.intervalThroughput.stddevRecordsPerSec.toFixed(0)} | ${summary.intervalThroughput.min.toFixed(0)} | ${summary.intervalThroughput.max.toFixed(0)} | ${summary.rssMiB.firstMinuteMean.toFixed(1)} MiB | ${summary.rssMiB.lastMinuteMean.toFixed(1)} MiB | ${summary.rssMiB.peak.toFixed(1)} MiB | ${result.latencyMs.p99.toFixed(2)} ms | ${result.intendedLatencyMs ? result.intendedLatencyMs.p99.toFixed(2) + ' ms' : '-'} |`,
    ].join('\n');
    fs.writeFileSync(path.join(dir, `soak-${stamp}.md`), md + '\n');
    process.stdout.write(md + '\n');
  } finally {
    await broker.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`soak: ${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 1;
});
