import type { ProduceOptions } from '../config/produce-options.js';

/**
 * The compare command's options as the command line gives them: every produce option (the shared workload),
 * plus what to vary and how often. Strings, unvalidated; `resolveCompareConfig` turns them into a config.
 */
export interface CompareOptions extends ProduceOptions {
  /** `key=v1,v2,...`, repeatable: the axes whose cartesian product makes the scenarios. */
  matrix?: string[];
  /** Runs per scenario; the table shows the median and the spread. */
  repeat?: string;
  /** Records of an unmeasured run before each scenario. */
  warmup?: string;
  /** The scenario the others are compared with: a 1-based number or its settings (`acks=all,batch.size=16384`). */
  baselineScenario?: string;
}
