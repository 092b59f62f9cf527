import type { Progress } from '../report/progress.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import type { RunTotals } from '../report/openmetrics.js';

/** What the runner tells while it runs. */
export interface RunHooks {
  /** An interval closed; `totals` are the run's counts so far (live metrics read them). */
  onInterval(interval: IntervalResult, progress: Progress, firstSteady: boolean, totals: RunTotals): void;
  /** Informational lines (topic created, interrupt received...). */
  onNotice(line: string): void;
}

/** A run under way. */
export interface RunningProduce {
  readonly result: Promise<ProduceResult>;
  /** Stops sending, waits a bounded time for acks, then resolves `result` with status `interrupted`. */
  interrupt(): void;
}
