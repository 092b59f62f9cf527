import type { CapacityConfig } from '../config/resolve-capacity.js';
import { CAPACITY_SCHEMA_VERSION, type CapacityResult, type CapacityStep } from '../report/capacity-result.js';
import type { IntervalResult } from '../report/result.js';
import type { Progress } from '../report/progress.js';
import { configEcho } from '../run/config-echo.js';
import type { RunningProduce } from '../run/hooks.js';
import { TOOL_VERSION } from '../run/version.js';
import type { StartRun } from '../compare/run-compare.js';
import { searchCapacity } from './search.js';
import { KEEP_UP_FRACTION, judgeStep, stepConfig } from './step.js';

/** What a capacity search tells while it runs. */
export interface CapacityHooks {
  onStepStart(index: number, targetRecordsPerSec: number): void;
  onInterval(interval: IntervalResult, progress: Progress): void;
  onStepEnd(index: number, step: CapacityStep): void;
  onNotice(line: string): void;
}

/** A search under way. */
export interface RunningCapacity {
  readonly result: Promise<CapacityResult>;
  /** Stops the current step (it is left out) and resolves with the steps done. */
  interrupt(): void;
}

/**
 * Searches for the highest rate the cluster sustains under the objective: one produce run per step, each at a
 * fixed rate for --step-warmup then --step-duration, judged on what came after the warmup.
 */
export function startCapacity(config: CapacityConfig, startRun: StartRun, hooks: CapacityHooks, now: () => number = Date.now): RunningCapacity {
  let interrupted = false;
  let current: RunningProduce | undefined;
  const result = (async (): Promise<CapacityResult> => {
    const startedAt = now();
    const found = await searchCapacity(config.search, {
      stepEstimateMs: config.stepWarmupMs + config.stepDurationMs,
      nowMs: now,
      runStep: async (target, index) => {
        if (interrupted) return undefined;
        hooks.onStepStart(index, target);
        current = startRun(stepConfig(config.produce, target, config.stepWarmupMs, config.stepDurationMs), {
          onInterval: (i, p) => hooks.onInterval(i, p),
          onNotice: (line) => hooks.onNotice(line),
        });
        const r = await current.result;
        current = undefined;
        if (interrupted || r.status === 'interrupted') return undefined;
        const step = judgeStep(target, r, config.objective, config.stepWarmupMs, config.stepDurationMs);
        hooks.onStepEnd(index, step);
        return step;
      },
    });
    const steps = found.steps.map((s) => s.outcome);
    const best = steps.filter((s) => s.passed && s.targetRecordsPerSec === found.sustainedRecordsPerSec)[0];
    return {
      schemaVersion: CAPACITY_SCHEMA_VERSION,
      tool: { name: 'perf-test', version: TOOL_VERSION },
      mode: 'capacity',
      status: found.end === 'interrupted' ? 'interrupted' : 'completed',
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(now()).toISOString(),
      objective: config.objective.map((a) => a.expression),
      keepUpFraction: KEEP_UP_FRACTION,
      precision: config.search.precision,
      stepDurationMs: config.stepDurationMs,
      stepWarmupMs: config.stepWarmupMs,
      maxDurationMs: config.search.maxDurationMs,
      sustainedRecordsPerSec: found.sustainedRecordsPerSec,
      sustainedMbPerSec: best ? best.mbPerSec : null,
      end: found.end,
      steps,
      config: configEcho(config.produce),
    };
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
