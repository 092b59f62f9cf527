import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { unlessAborted } from '../../../src/util/abort.js';
import { sleep } from '../../../src/util/clock.js';

// The soak's property: a long-lived signal collects no listener per sleep or per step.
describe('sleeping and waiting on an AbortSignal', () => {
  it('sleep leaves no listener on the signal, whether it ran out or was woken', async () => {
    const stop = new AbortController();
    for (let i = 0; i < 100; i++) await sleep(0, stop.signal);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    const woken = sleep(60_000, stop.signal);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
    stop.abort();
    await woken;
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    await sleep(60_000, stop.signal); // at once: already aborted
  });

  it('unlessAborted gives the step\'s outcome, or the reason once the signal aborts first, and leaves no listener', async () => {
    const deadline = new AbortController();
    for (let i = 0; i < 100; i++) expect(await unlessAborted(Promise.resolve(i), deadline.signal, () => new Error('late'))).toBe(i);
    await expect(unlessAborted(Promise.reject(new Error('refused')), deadline.signal, () => new Error('late'))).rejects.toThrow('refused');
    expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(0);
    const pending = unlessAborted(new Promise(() => undefined), deadline.signal, () => new Error('late'));
    deadline.abort();
    await expect(pending).rejects.toThrow('late');
    await expect(unlessAborted(Promise.resolve(1), deadline.signal, () => new Error('late'))).rejects.toThrow('late');
  });
});
