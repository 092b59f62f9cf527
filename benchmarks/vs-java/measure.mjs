// @ts-check
/**
 * Runs one child process and measures what it cost: wall time, CPU seconds of all its threads, and peak RSS.
 * Linux only (/proc). CPU comes from this process's cutime+cstime, which grow by exactly a child's user and
 * system time (every thread: the JVM's, Node's workers) once it is reaped, so run children one at a time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const POLL_MS = 100;
/**
 * Polls this much more often in a run's first second: a C tool's one-record run (rdkafka_performance's start-up)
 * ends within tens of ms, before the first regular poll, and its peak RSS would read 0.
 */
const EARLY_POLL_MS = 5;
const EARLY_MS = 1000;

/**
 * @typedef {object} Measured
 * @property {number | null} exitCode
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} wallMs
 * @property {number} cpuSeconds user + system time of the child, all threads, start-up included
 * @property {number} peakRssMiB the child's VmHWM (peak resident set), read until it exits
 * @property {boolean} stopped whether the harness stopped it (its `stopWhen` held), rather than it ending by itself
 */

/** Clock ticks per second of /proc/<pid>/stat times: 100 on Linux everywhere but exotic builds. */
const CLOCK_TICKS = 100;

/**
 * utime, stime, cutime, cstime of a /proc/<pid>/stat line, in clock ticks (the name in parentheses may hold spaces).
 * @param {string} stat
 * @returns {{ utime: number, stime: number, cutime: number, cstime: number }}
 */
export function parseStatTimes(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime 15, cutime 16, cstime 17.
  const at = (/** @type {number} */ field) => Number(fields[field - 3]);
  return { utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
}

/**
 * VmHWM of a /proc/<pid>/status text, in KiB (NaN when absent).
 * @param {string} status
 */
export function parsePeakRssKiB(status) {
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
}

function reapedChildrenCpuSeconds() {
  const t = parseStatTimes(fs.readFileSync('/proc/self/stat', 'utf8'));
  return (t.cutime + t.cstime) / CLOCK_TICKS;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs: number, env?: NodeJS.ProcessEnv, stopWhen?: (stdout: string) => boolean }} options `stopWhen`: checked
 *   on each output, SIGKILLs the child once it holds (a tool that cannot stop after a duration by itself)
 * @returns {Promise<Measured>}
 */
export async function measure(command, args, { timeoutMs, env, stopWhen }) {
  const cpuBefore = reapedChildrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!stopped && stopWhen?.(stdout)) {
      stopped = true;
      child.kill('SIGKILL');
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  let peakKiB = 0;
  const poll = () => {
    try {
      const kib = parsePeakRssKiB(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (Number.isFinite(kib)) peakKiB = Math.max(peakKiB, kib);
    } catch {
      // gone already: the last reading stands
    }
  };
  const poller = setInterval(poll, POLL_MS);
  const early = setInterval(poll, EARLY_POLL_MS);
  const earlyEnd = setTimeout(() => clearInterval(early), EARLY_MS);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', poll); // the zombie's status is gone, but a last read may still land
    child.on('close', (code) => resolve(code));
  });
  clearInterval(poller);
  clearInterval(early);
  clearTimeout(earlyEnd);
  clearTimeout(killer);
  return {
    exitCode: /** @type {number | null} */ (exitCode),
    stdout,
    stderr,
    wallMs: performance.now() - started,
    cpuSeconds: reapedChildrenCpuSeconds() - cpuBefore,
    peakRssMiB: peakKiB / 1024,
    stopped,
  };
}
