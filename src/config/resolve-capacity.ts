import { UsageError, badValue } from '../errors.js';
import { parseObjective } from '../gate/objective.js';
import type { Assertion } from '../gate/assertions.js';
import type { CapacityOptions } from './capacity-options.js';
import { resolveProduceConfig, type ResolveContext } from './resolve-produce.js';
import type { CapacitySearchSettings, ProduceConfig } from './types.js';
import { parseDuration, parseNumber } from './values.js';

/** Everything `perf-test capacity` needs, fully defaulted and frozen. */
export interface CapacityConfig {
  readonly mode: 'capacity';
  /** The workload of every step; each step sets its own rate, duration and warmup. */
  readonly produce: ProduceConfig;
  /** What a step must meet, besides keeping up with its rate. */
  readonly objective: readonly Assertion[];
  readonly search: CapacitySearchSettings;
  readonly stepDurationMs: number;
  readonly stepWarmupMs: number;
}

export const DEFAULT_OBJECTIVE = 'p99 < 50ms';

/** Validates the capacity options and resolves them into one frozen config. */
export function resolveCapacityConfig(o: CapacityOptions, ctx: ResolveContext): CapacityConfig {
  for (const [flag, value] of [['--throughput', o.throughput], ['--num-records', o.numRecords], ['--duration', o.duration], ['--warmup-records', o.warmupRecords]] as const) {
    if (value !== undefined) {
      throw new UsageError(`${flag} cannot be used with capacity: each step sets its own rate, duration and warmup`, 'see --start-rate, --step-duration, --step-warmup');
    }
  }
  const stepDurationMs = parseDuration('--step-duration', o.stepDuration ?? '10s');
  const stepWarmupMs = o.stepWarmup === undefined ? 2000 : parseWarmup(o.stepWarmup);
  const objective = (o.slo ?? [DEFAULT_OBJECTIVE]).map(parseObjective);
  const startRecordsPerSec = parseRateFlag('--start-rate', o.startRate ?? '1000');
  const maxRecordsPerSec = o.maxRate === undefined ? undefined : parseRateFlag('--max-rate', o.maxRate);
  if (maxRecordsPerSec !== undefined && maxRecordsPerSec < startRecordsPerSec) {
    throw badValue('--max-rate', o.maxRate, `is below --start-rate (${startRecordsPerSec})`);
  }
  const maxDurationMs = parseDuration('--max-duration', o.maxDuration ?? '10m');
  if (maxDurationMs < stepDurationMs + stepWarmupMs) {
    throw badValue('--max-duration', o.maxDuration, `leaves no time for one step (--step-warmup + --step-duration = ${(stepDurationMs + stepWarmupMs) / 1000}s)`);
  }
  // The workload is resolved (and validated) as a run of one step at the first rate.
  const produce = resolveProduceConfig({ ...o, throughput: String(startRecordsPerSec), duration: `${stepDurationMs + stepWarmupMs}ms` }, ctx);
  return Object.freeze({
    mode: 'capacity',
    produce,
    objective: Object.freeze(objective),
    search: Object.freeze({ startRecordsPerSec, maxRecordsPerSec, growth: 2, precision: parsePrecision(o.precision ?? '5%'), maxDurationMs }),
    stepDurationMs,
    stepWarmupMs,
  });
}

function parseWarmup(text: string): number {
  if (/^\s*0+\s*(ms|s|m)?\s*$/.test(text)) return 0;
  return parseDuration('--step-warmup', text);
}

function parseRateFlag(flag: string, text: string): number {
  const value = parseNumber(flag, text);
  if (!(value >= 1)) throw badValue(flag, text, 'must be at least 1 record/s');
  return value;
}

function parsePrecision(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (!m) throw badValue('--precision', text, 'is not a percentage (e.g. 5%)');
  const value = Number(m[1]) / 100;
  if (!(value > 0) || value >= 1) throw badValue('--precision', text, 'must be more than 0% and less than 100%');
  return value;
}
