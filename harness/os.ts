// Processes and files, as the harness needs them: run a command, signal and watch a pid, read a log's tail.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a SIGTERMed JVM gets for Kafka's shutdown hook before it is SIGKILLed. */
export const STOP_GRACE_MS = 20_000;
const KILL_WAIT_MS = 5_000;

/** Runs a command to its end; resolves with its exit code and its stdout and stderr together. */
export function run(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) reject(error);
      else resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** The path of `command` as PATH finds it (an executable), or undefined. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Throws, naming what to install, unless `command` is an executable on PATH. */
export function requireOnPath(command: string, what: string): void {
  if (findOnPath(command) === undefined) throw new Error(`\`${command}\` is not on PATH: install ${what}`);
}

export const JAVA_NEEDED = 'a Java 17+ runtime (e.g. `apt-get install openjdk-17-jdk-headless`)';

/** Sends a signal; false if there is no such process. */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Alive and not a zombie (here PID 1 may never reap an orphaned JVM). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readIfExists(`/proc/${pid}/stat`);
  return !stat || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The command line of a process, from /proc or (macOS) ps. */
export function processCommandLine(pid: number): string | undefined {
  const proc = readIfExists(`/proc/${pid}/cmdline`);
  if (proc !== undefined) return proc.split('\0').join(' ');
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

/**
 * SIGTERM (Kafka's shutdown hook closes the logs cleanly), SIGKILL after `graceMs`.
 * `exited` resolves when the process has exited, if it is our child; otherwise its pid is polled.
 */
export async function terminate(pid: number, { exited, graceMs = STOP_GRACE_MS }: { exited?: Promise<void>; graceMs?: number } = {}): Promise<void> {
  const waitExit = (ms: number) => (exited ? settlesWithin(exited, ms) : waitUntilDead(pid, ms));
  if (!signal(pid, 'SIGTERM') || (await waitExit(graceMs))) return;
  signal(pid, 'SIGKILL');
  if (!(await waitExit(KILL_WAIT_MS))) throw new Error(`the Kafka JVM (pid ${pid}) did not exit after SIGKILL`);
}

async function waitUntilDead(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Whether the promise settles within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = new AbortController();
  const late = sleep(ms, false, { signal: timeout.signal }).catch(() => false);
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    timeout.abort();
  }
}

export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function lastLines(text: string | undefined, count: number): string {
  return (text ?? '').trimEnd().split('\n').slice(-count).join('\n');
}

/** The last lines of each file that has any, for an error message. */
export function tails(files: readonly string[], count = 30): string {
  return files
    .map((file) => [file, lastLines(readIfExists(file), count)] as const)
    .filter(([, text]) => text)
    .map(([file, text]) => `--- last lines of ${file}:\n${text}`)
    .join('\n');
}
