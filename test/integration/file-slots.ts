// A setup file of the integration project (vitest.config.ts): a test file runs only while it holds one of the
// project's slots (`fileSlots`, provided by the project): two files at a time, beside the failover file. The load
// tests measure on 2 cores shared with the brokers, so the slots are few. A slot is a directory named for this
// vitest run (its main process is every test worker's parent) and the slot's number, made and removed atomically.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, inject } from 'vitest';

/** Longer than any one file takes on a loaded machine: a file waits for at most the one before it. */
const WAIT_MS = 15 * 60_000;
const POLL_MS = 200;

let held: string | undefined;

/** The slot's directory if this process made it now, or undefined if another file holds it. */
function take(slot: string): string | undefined {
  try {
    fs.mkdirSync(slot);
    return slot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return undefined;
  }
}

beforeAll(async () => {
  const base = path.join(os.tmpdir(), `perf-test-vitest-${process.ppid}-${inject('serialGroup')}`);
  const slots = Array.from({ length: inject('fileSlots') }, (_, i) => `${base}-${i}.lock`);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    for (const slot of slots) {
      held = take(slot);
      if (held) return;
    }
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 60_000} minutes for one of ${slots.join(', ')}`);
    await sleep(POLL_MS);
  }
}, WAIT_MS + 60_000);

afterAll(() => {
  if (held) fs.rmSync(held, { recursive: true, force: true });
  held = undefined;
});
