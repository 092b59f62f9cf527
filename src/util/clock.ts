import { performance } from 'node:perf_hooks';

/** A monotonic clock in milliseconds (fractional). Injected so that schedules are tested without sleeping. */
export interface Clock {
  nowMs(): number;
}

/**
 * A monotonic clock shared by every thread of the process: each worker's `performance.now()` counts from its
 * own start, so it is shifted onto the main thread's time origin, passed in as `originMs`.
 */
export function processClock(originMs: number = performance.timeOrigin): Clock {
  const offset = performance.timeOrigin - originMs;
  return { nowMs: () => performance.now() + offset };
}

/** The time origin to hand to workers so that their clocks agree with this thread's. */
export function clockOrigin(): number {
  return performance.timeOrigin;
}

/**
 * Resolves after `ms` milliseconds (timers have ~1 ms granularity), or at once when `signal` aborts (now or
 * during the sleep). Its abort listener goes when it resolves: a sleep never leaves a reaction behind on a
 * long-lived promise or signal (the soak's leak). Unlike `timers/promises`, it runs on the global timers, which
 * the hot loop's tests fake.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Lets pending I/O callbacks run before the caller continues. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
