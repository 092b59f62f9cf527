#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: the three comparisons with Kafka's own tools, one after another on a quiet machine: producing
 * (vs-java/, with librdkafka when found), consuming and end-to-end latency (consume/), producing over SASL_SSL
 * (secure/). The arguments go to vs-java as they are (see benchmarks/README.md); its `--scale` and `--repeats` also
 * go to the other two. Each writes its own result files; the exit code is the first failure's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const { values } = parseArgs({ args, strict: false, options: { scale: { type: 'string' }, repeats: { type: 'string' } } });
const shared = [
  ...(typeof values.scale === 'string' ? ['--scale', values.scale] : []),
  ...(typeof values.repeats === 'string' ? ['--repeats', values.repeats] : []),
];
let exitCode = 0;
for (const [script, scriptArgs] of /** @type {const} */ ([['vs-java/run.mjs', args], ['consume/run.mjs', shared], ['secure/run.mjs', shared]])) {
  process.stderr.write(`bench: node benchmarks/${script} ${scriptArgs.join(' ')}\n`);
  const run = spawnSync(process.execPath, [path.join(here, script), ...scriptArgs], { stdio: 'inherit' });
  if (exitCode === 0 && run.status !== 0) exitCode = run.status ?? 1;
}
process.exitCode = exitCode;
