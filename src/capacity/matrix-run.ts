import { scenarioTopics } from '../config/topics.js';
import { UsageError } from '../errors.js';
import type { CapacityOptions } from '../config/capacity-options.js';
import { resolveCapacityConfig, type CapacityConfig } from '../config/resolve-capacity.js';
import type { ResolveContext } from '../config/resolve-produce.js';
import { applyScenario, parseMatrix, scenariosOf, type MatrixAxis, type Scenario } from '../compare/matrix.js';
import type { StartRun } from '../compare/run-compare.js';
import { CAPACITY_SCHEMA_VERSION, type CapacityMatrixResult } from '../report/capacity-result.js';
import { startCapacity, type CapacityHooks, type RunningCapacity } from './capacity-run.js';

/** A search per scenario of `--matrix`: which batch.size holds the most at p99 < 50 ms? */
export interface CapacityMatrix {
  readonly axes: readonly MatrixAxis[];
  readonly plans: ReadonlyArray<{ readonly scenario: Scenario; readonly config: CapacityConfig }>;
}

/**
 * Resolves every scenario up front, through the same resolution as one search, so a bad value fails before any
 * load. Each scenario gets its own topic, `<topicPrefix>-<n>`, unless `--topic` names one for all.
 */
export function resolveCapacityMatrix(o: CapacityOptions, ctx: ResolveContext, topicPrefix: string): CapacityMatrix {
  const axes = parseMatrix(o.matrix ?? []);
  const { matrix: _m, ...base } = o;
  const plans = scenariosOf(axes).map((scenario) => {
    const options = applyScenario({ ...base, ...scenarioTopics(o, `${topicPrefix}-${scenario.index + 1}`) }, axes, scenario) as CapacityOptions;
    try {
      return { scenario, config: resolveCapacityConfig(options, ctx) };
    } catch (e) {
      throw e instanceof UsageError ? new UsageError(`--matrix: scenario '${scenario.name}': ${e.message}`, e.hint) : e;
    }
  });
  return Object.freeze({ axes, plans: Object.freeze(plans) });
}

/** Runs the searches one after another; an interrupt ends the current one and starts no other. */
export function startCapacityMatrix(
  m: CapacityMatrix, startRun: StartRun, hooks: CapacityHooks & { onScenarioStart(scenario: Scenario, count: number): void },
): { readonly result: Promise<CapacityMatrixResult>; interrupt(): void } {
  let interrupted = false;
  let current: RunningCapacity | undefined;
  const result = (async (): Promise<CapacityMatrixResult> => {
    const scenarios: Array<CapacityMatrixResult['scenarios'][number]> = [];
    for (const plan of m.plans) {
      if (interrupted) break;
      hooks.onScenarioStart(plan.scenario, m.plans.length);
      current = startCapacity(plan.config, startRun, hooks);
      const r = await current.result;
      current = undefined;
      scenarios.push({ index: plan.scenario.index, name: plan.scenario.name, settings: plan.scenario.settings, result: r });
    }
    return {
      schemaVersion: CAPACITY_SCHEMA_VERSION,
      mode: 'capacity-matrix',
      status: interrupted ? 'interrupted' : 'completed',
      matrix: Object.fromEntries(m.axes.map((a) => [a.key, a.values])),
      scenarios,
    };
  })();
  return {
    result,
    interrupt: () => {
      interrupted = true;
      current?.interrupt();
    },
  };
}
