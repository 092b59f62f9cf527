import type { ProduceConfig } from '../config/types.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import type { Progress } from '../report/progress.js';
import type { RunHooks, RunningProduce } from '../run/hooks.js';
import { buildCompareResult, type ScenarioRuns } from './figures.js';
import type { CompareConfig, ScenarioPlan } from './config.js';
import type { Scenario } from './matrix.js';
import type { CompareResult } from '../report/compare-result.js';
import { compareVerdicts } from './verdicts.js';

/** Starts one run: `startProduceRun` with a client, or a fake in tests. */
export type StartRun = (config: ProduceConfig, hooks: RunHooks) => RunningProduce;

/** Which run of a comparison is under way. */
export interface RunPosition {
  readonly scenario: Scenario;
  readonly scenarioCount: number;
  /** 1-based measured run of the scenario; 0 for its warmup run. */
  readonly run: number;
  readonly repeat: number;
  /** Runs (warmups included) finished before this one, and in all. */
  readonly runsDone: number;
  readonly runsTotal: number;
}

/** What a comparison tells while it runs. */
export interface CompareHooks {
  onRunStart(at: RunPosition): void;
  /** An interval of the current run, with the progress of the whole comparison. */
  onInterval(interval: IntervalResult, at: RunPosition, overall: Progress): void;
  onRunEnd(at: RunPosition, result: ProduceResult): void;
  onNotice(line: string): void;
}

/** A comparison under way. */
export interface RunningCompare {
  readonly result: Promise<CompareResult>;
  /** Stops the current run (it reports as interrupted), runs no other, and resolves with what finished. */
  interrupt(): void;
}

/** A run's expected size, to weigh progress: records for count runs, ms for duration runs. */
function weightOf(config: ProduceConfig): number {
  return config.stop.kind === 'count' ? config.stop.records : config.stop.durationMs;
}

/** The whole comparison's progress from the runs' weights, how many are done, and the current run's fraction. */
export function overallProgress(weights: readonly number[], done: number, currentFraction: number, elapsedMs: number): Progress {
  const total = weights.reduce((a, b) => a + b, 0);
  const finished = weights.slice(0, done).reduce((a, b) => a + b, 0) + (weights[done] ?? 0) * currentFraction;
  const fraction = total > 0 ? Math.min(1, finished / total) : 0;
  return { fraction, remainingMs: fraction > 0 ? (elapsedMs * (1 - fraction)) / fraction : undefined };
}

/**
 * Every run in order, interleaved: round 1 runs each scenario once (after its warmup, run 0), round 2 again, and so
 * on (A B A B...), so that a drift of the machine or the cluster spreads over every scenario instead of one.
 */
function scheduleOf(plans: readonly ScenarioPlan[], repeat: number): Array<{ plan: ScenarioPlan; run: number; config: ProduceConfig }> {
  return Array.from({ length: repeat }, (_, r) => plans.flatMap((plan) => [
    ...(r === 0 && plan.warmup ? [{ plan, run: 0, config: plan.warmup }] : []),
    { plan, run: r + 1, config: plan.config },
  ])).flat();
}

/** Runs every scenario one after another on the same workload, then builds the compare document. */
export function startCompare(config: CompareConfig, startRun: StartRun, hooks: CompareHooks, now: () => number = Date.now): RunningCompare {
  let interrupted = false;
  let current: RunningProduce | undefined;
  const result = (async () => {
    const schedule = scheduleOf(config.plans, config.repeat);
    const weights = schedule.map((s) => weightOf(s.config));
    const startMs = now();
    const finished: ScenarioRuns[] = [];
    for (const [n, step] of schedule.entries()) {
      if (interrupted) break;
      const at: RunPosition = {
        scenario: step.plan.scenario, scenarioCount: config.plans.length, run: step.run, repeat: config.repeat,
        runsDone: n, runsTotal: schedule.length,
      };
      hooks.onRunStart(at);
      current = startRun(step.config, {
        onInterval: (i, p) => hooks.onInterval(i, at, overallProgress(weights, n, p.fraction, now() - startMs)),
        onNotice: (line) => hooks.onNotice(line),
      });
      const r = await current.result;
      current = undefined;
      hooks.onRunEnd(at, r);
      if (step.run > 0) record(finished, step.plan.scenario, r);
    }
    const doc = buildCompareResult(finished, {
      matrix: Object.fromEntries(config.axes.map((a) => [a.key, a.values])),
      scenarioCount: config.plans.length,
      repeat: config.repeat,
      warmupRecords: config.warmupRecords,
      baselineIndex: config.baselineIndex,
      interrupted,
    });
    if (!config.verdicts) return doc;
    return { ...doc, verdicts: compareVerdicts(doc, new Map(finished.map((f) => [f.index, f.results])), config.verdicts) };
  })();
  return {
    result,
    interrupt: () => {
      if (interrupted) return;
      interrupted = true;
      current?.interrupt();
    },
  };
}

/** Adds a run to its scenario: completed runs count; an interrupted one only while the scenario has none. */
function record(finished: ScenarioRuns[], scenario: Scenario, r: ProduceResult): void {
  let entry = finished.find((f) => f.index === scenario.index);
  if (!entry) {
    entry = { index: scenario.index, name: scenario.name, settings: scenario.settings, results: [] };
    finished.push(entry);
  }
  const completed = entry.results.filter((x) => x.status === 'completed');
  const results = r.status === 'completed' ? [...completed, r] : completed.length > 0 ? completed : [r];
  finished[finished.indexOf(entry)] = { ...entry, results };
}
