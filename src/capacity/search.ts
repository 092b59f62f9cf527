import type { CapacitySearchSettings } from '../config/types.js';

/** Why a search ended. */
export type SearchEnd =
  /** The lowest failing rate is within the precision of the highest passing one. */
  | 'converged'
  /** Every step passed up to --max-rate. */
  | 'max-rate'
  /** The next step would not have ended within --max-duration. */
  | 'max-duration'
  /** Even the lowest rate tried failed. */
  | 'none-passed'
  | 'interrupted';

/** Where the search stands: the highest rate that passed and the lowest that failed, so far. */
export interface SearchState {
  readonly passedRecordsPerSec: number | undefined;
  readonly failedRecordsPerSec: number | undefined;
}

/** The lowest rate a search tries, records/s. */
const MIN_RATE = 1;

/**
 * The next rate to try, or why the search is over: up by `growth` until a step fails, then down by `growth`
 * until one passes (when the first failed), then halfway between the two until they are within `precision`.
 * Rates are whole records/s.
 */
export function nextRate(state: SearchState, s: CapacitySearchSettings): number | SearchEnd {
  const { passedRecordsPerSec: lo, failedRecordsPerSec: hi } = state;
  if (hi === undefined) {
    if (lo === undefined) return Math.round(s.startRecordsPerSec);
    if (s.maxRecordsPerSec !== undefined && lo >= s.maxRecordsPerSec) return 'max-rate';
    return Math.round(Math.min(lo * s.growth, s.maxRecordsPerSec ?? Infinity));
  }
  if (lo === undefined) {
    const down = Math.round(hi / s.growth);
    return down < MIN_RATE || down >= hi ? 'none-passed' : down;
  }
  if (hi - lo <= s.precision * lo) return 'converged';
  const mid = Math.round((lo + hi) / 2);
  return mid <= lo || mid >= hi ? 'converged' : mid;
}

/** One step of a search: its rate and how it went. */
export interface SearchStep<S> {
  readonly targetRecordsPerSec: number;
  readonly outcome: S;
}

/** What a search found: every step in order, the highest rate that passed (null if none), and why it ended. */
export interface SearchResult<S> {
  readonly steps: ReadonlyArray<SearchStep<S>>;
  readonly sustainedRecordsPerSec: number | null;
  readonly end: SearchEnd;
}

/** How the search runs a step and tells time; `runStep` resolves undefined when the step was interrupted. */
export interface SearchDriver<S extends { readonly passed: boolean }> {
  runStep(targetRecordsPerSec: number, index: number): Promise<S | undefined>;
  nowMs(): number;
  /** How long a step is expected to take before any has run (warmup + step duration). */
  readonly stepEstimateMs: number;
}

/**
 * Searches for the highest rate that passes. A step starts only if it is expected to end within
 * `maxDurationMs` of the search's start, judged by the longest step so far (connecting and draining included).
 */
export async function searchCapacity<S extends { readonly passed: boolean }>(s: CapacitySearchSettings, driver: SearchDriver<S>): Promise<SearchResult<S>> {
  const steps: Array<SearchStep<S>> = [];
  const startMs = driver.nowMs();
  let state: SearchState = { passedRecordsPerSec: undefined, failedRecordsPerSec: undefined };
  let longestMs = driver.stepEstimateMs;
  let end: SearchEnd;
  for (;;) {
    const next = nextRate(state, s);
    if (typeof next !== 'number') {
      end = next;
      break;
    }
    const stepStartMs = driver.nowMs();
    if (steps.length > 0 && stepStartMs - startMs + longestMs > s.maxDurationMs) {
      end = 'max-duration';
      break;
    }
    const outcome = await driver.runStep(next, steps.length);
    if (outcome === undefined) {
      end = 'interrupted';
      break;
    }
    longestMs = Math.max(longestMs, driver.nowMs() - stepStartMs);
    steps.push({ targetRecordsPerSec: next, outcome });
    state = outcome.passed
      ? { ...state, passedRecordsPerSec: Math.max(next, state.passedRecordsPerSec ?? 0) }
      : { ...state, failedRecordsPerSec: Math.min(next, state.failedRecordsPerSec ?? Infinity) };
  }
  return { steps, sustainedRecordsPerSec: state.passedRecordsPerSec ?? null, end };
}
