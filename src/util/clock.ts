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

/** Resolves after `ms` milliseconds (timers have ~1 ms granularity). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lets pending I/O callbacks run before the caller continues. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
