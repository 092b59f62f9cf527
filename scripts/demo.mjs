#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo [-- <more perf-test options>]`: one million 1 KiB records, as fast as they go, into a local
 * Kafka broker on 127.0.0.1:$KAFKA_PORT (default 9092). A broker already listening there is used and left
 * running; otherwise one is started (as `npm run kafka:start` would) and stopped afterwards, also on Ctrl-C.
 * Exits with the CLI's exit code.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DEMO_ARGS = ['--num-records', '1000000', '--record-size', '1024', '--throughput', '-1'];

/** @param {string} message */
function log(message) {
  process.stderr.write(`demo: ${message}\n`);
}

/** @param {string[]} extraArgs @returns {Promise<number>} exit code */
async function main(extraArgs) {
  const port = Number(process.env.KAFKA_PORT || 9092);
  const bootstrapServers = `127.0.0.1:${port}`;
  if (!fs.existsSync(path.join(REPO_DIR, 'dist'))) {
    throw new Error('perf-test is not built yet: run `npm run build` (`npm ci` runs it too)');
  }
  // The harness is built with the CLI: imported once it is known to be there.
  const { canConnect, startLocalBroker } = await import('../dist/harness/index.js');

  /** @type {NodeJS.Signals | undefined} */
  let interrupted;
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let cli;
  // Stay alive until the CLI has exited and the broker is stopped. A terminal's Ctrl-C already reaches the
  // CLI (same process group) and lets it print its partial result; the broker is detached so that it keeps
  // serving the CLI meanwhile. Other signals are meant for this process alone, so pass them on.
  const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
    interrupted ??= signal;
    if (signal !== 'SIGINT') cli?.kill(signal);
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, onSignal);

  /** @type {{ stop(): Promise<void> } | undefined} */
  let startedBroker;
  if (await canConnect(port)) {
    log(`using the broker already listening on ${bootstrapServers} (it stays running)`);
  } else {
    log(`starting Kafka on ${bootstrapServers} ...`);
    const started = await startLocalBroker({ port });
    if (!started.alreadyRunning) startedBroker = started.cluster;
    log(`Kafka ${started.state.version} is running (pid ${started.state.nodes.map((node) => node.pid).join(', ')})`);
  }
  try {
    if (interrupted) return exitCodeOf(null, interrupted);
    const bin = path.join(REPO_DIR, 'bin', 'perf-test.js');
    const args = [bin, ...DEMO_ARGS, '--bootstrap-server', bootstrapServers, ...extraArgs];
    log(`perf-test ${args.slice(1).join(' ')}`);
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    cli = child;
    return await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
    });
  } finally {
    if (startedBroker) {
      log('stopping Kafka ...');
      await startedBroker.stop();
    }
  }
}

/** @param {number | null} code @param {NodeJS.Signals | null} signal */
function exitCodeOf(code, signal) {
  return code ?? 128 + (signal ? os.constants.signals[signal] : 0);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (/** @type {unknown} */ error) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
