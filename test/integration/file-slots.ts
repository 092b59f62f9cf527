// A setup file of the integration and cluster projects (vitest.config.ts): a test file runs only while it holds its
// project's lock, so the single-broker files run one at a time (their load tests measure, on 2 cores shared with
// the broker), the cluster files one at a time (each starts three JVMs), and one of each at the same time. The
// locks are directories named for this vitest run (its main process is every test worker's parent), made and
// removed atomically.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, inject } from 'vitest';

/** Longer than any one file takes on a loaded machine: a file waits for at most the one before it. */
const WAIT_MS = 15 * 60_000;
const POLL_MS = 200;

let held: string | undefined;

beforeAll(async () => {
  const lock = path.join(os.tmpdir(), `perf-test-vitest-${process.ppid}-${inject('serialGroup')}.lock`);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      held = lock;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 60_000} minutes for ${lock}`);
      await sleep(POLL_MS);
    }
  }
}, WAIT_MS + 60_000);

afterAll(() => {
  if (held) fs.rmSync(held, { recursive: true, force: true });
  held = undefined;
});
