#!/usr/bin/env node
// @ts-check
/**
 * Where a run's CPU goes by thread: runs `perf-test ARGS...` (bin/perf-test.js, built) and samples
 * /proc/PID/task/TID/stat every 20 ms until it exits, then prints each thread's user + system seconds in the order
 * the threads were started. Linux only. In Node 20 the main thread comes first, then V8's platform threads (the
 * optimizing compiler's and the collector's helpers: busy while the JIT warms up, and in parallel collections),
 * then libuv's pool, then the run's worker threads (the admin job's, then the producers' or consumers').
 *
 *   node benchmarks/vs-java/thread-cpu.mjs --topic T --num-records 1000000 --record-size 100 --throughput -1 \
 *     --producer-props acks=1 bootstrap.servers=127.0.0.1:9092
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/perf-test.js');
const TICKS_PER_SECOND = 100; // USER_HZ, which /proc reports in on Linux

/** A thread's user + system ticks, or undefined once it is gone. */
function ticksOf(pid, tid) {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th and stime the 15th.
    const fields = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

const child = spawn(process.execPath, [BIN, ...process.argv.slice(2)], { stdio: ['ignore', 'ignore', 'inherit'] });
const pid = child.pid;
if (pid === undefined) throw new Error('perf-test did not start');
/** @type {Map<number, number>} the last ticks read of each thread, by tid */
const last = new Map();
const sample = () => {
  let tids = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return;
  }
  for (const tid of tids) {
    const ticks = ticksOf(pid, tid);
    if (ticks !== undefined) last.set(tid, ticks);
  }
};
const timer = setInterval(sample, 20);
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
clearInterval(timer);

const threads = [...last.entries()].sort(([a], [b]) => a - b);
const total = threads.reduce((sum, [, ticks]) => sum + ticks, 0);
console.log(`perf-test exited ${code}; CPU seconds by thread, in the order they started (last sample, 20 ms apart):`);
for (const [tid, ticks] of threads) {
  if (ticks === 0) continue;
  console.log(`  ${tid === pid ? 'main' : `thread +${tid - pid}`}`.padEnd(16) + (ticks / TICKS_PER_SECOND).toFixed(2));
}
console.log(`  ${'all'.padEnd(14)}${(total / TICKS_PER_SECOND).toFixed(2)}`);
process.exitCode = code ?? 1;
