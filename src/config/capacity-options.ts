import type { ProduceOptions } from './produce-options.js';

/**
 * The capacity command's options as the command line gives them: every produce option (the workload of each
 * step) but the rate and the stop, plus the objective and the search. Strings, unvalidated.
 */
export interface CapacityOptions extends ProduceOptions {
  /** Objectives, repeatable: `p99 < 50ms` (any --assert expression). */
  slo?: string[];
  /** `5%`: how close the answer must come to the lowest failing rate. */
  precision?: string;
  stepDuration?: string;
  stepWarmup?: string;
  maxDuration?: string;
  startRate?: string;
  maxRate?: string;
  /** `key=v1,v2`, repeatable: one search per combination, as compare's scenarios. */
  matrix?: string[];
}
