#!/usr/bin/env node
// @ts-check
/**
 * What `--producers auto` should be: 1 against 2 producer threads (on a 2-partition topic), for 100 B and 1 KiB
 * records with no cap, two rounds in alternation, on a fresh local broker.
 *
 *   npm run build && node benchmarks/producers/producers.mjs
 *
 * Writes benchmarks/results/producers-<timestamp>.md, with the machine beside the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '../../dist/harness/index.js';
import { measure } from '../vs-java/measure.mjs';
import { parseKafkaSummary } from '../vs-java/parse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const broker = await startBroker({ port: 0 });
const rows = [];
try {
  for (const round of [1, 2]) {
    for (const [size, records] of [[100, 2_000_000], [1024, 400_000]]) {
      for (const producers of ['1', '2']) {
        const m = await measure(process.execPath, [path.join(ROOT, 'bin/perf-test.js'), '--topic', `producers-${size}-${producers}-${round}-${Date.now()}`,
          '--num-records', String(records), '--record-size', String(size), '--throughput', '-1', '--producers', producers, '--partitions', '2',
          '--format', 'kafka', '--bootstrap-server', broker.bootstrapServers, '--producer-props', 'acks=1'], { timeoutMs: 600_000 });
        const s = parseKafkaSummary(m.stdout);
        if (m.exitCode !== 0 || !s) throw new Error(`perf-test exited ${m.exitCode}: ${m.stderr.slice(-400)}`);
        rows.push({ round, size, producers, recordsPerSec: Math.round(s.recordsPerSec), cpuSeconds: m.cpuSeconds, peakRssMiB: Math.round(m.peakRssMiB) });
        process.stderr.write(`producers: ${JSON.stringify(rows[rows.length - 1])}\n`);
      }
    }
  }
} finally {
  await broker.stop();
}
const md = [
  '### --producers 1 against 2 (no cap, acks=1, 2 partitions, default client)',
  '',
  `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Kafka ${broker.version} (broker on the same cores).`,
  '',
  '| round | record size | producers | records/s | CPU s | peak RSS |',
  '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.round} | ${r.size} B | ${r.producers} | ${r.recordsPerSec.toLocaleString('en-US')} | ${r.cpuSeconds.toFixed(1)} | ${r.peakRssMiB} MiB |`),
].join('\n');
const dir = path.join(ROOT, 'benchmarks/results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `producers-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), md + '\n');
process.stdout.write(md + '\n');
