import { scenarioTopics } from '../config/topics.js';
import { PerfTestError, UsageError, badValue } from '../errors.js';
import { parseInteger } from '../config/values.js';
import { resolveProduceConfig, type ResolveContext } from '../config/resolve-produce.js';
import type { ProduceConfig } from '../config/types.js';
import { applyScenario, findScenario, parseMatrix, scenariosOf, type MatrixAxis, type Scenario } from './matrix.js';
import type { CompareOptions } from './options.js';
import { parseMaxRegression, parseRegressionMetrics } from '../gate/baseline.js';
import type { VerdictSettings } from './verdicts.js';

/** One scenario ready to run: its settings, and the configs of its runs. */
export interface ScenarioPlan {
  readonly scenario: Scenario;
  /** The config of each measured run. */
  readonly config: ProduceConfig;
  /** The unmeasured run before it (`--warmup`), if any. */
  readonly warmup: ProduceConfig | undefined;
}

/** Everything a comparison needs, validated up front so that a bad value fails before any load. */
export interface CompareConfig {
  readonly axes: readonly MatrixAxis[];
  readonly plans: readonly ScenarioPlan[];
  /** Measured runs per scenario. */
  readonly repeat: number;
  /** Records of the unmeasured run before each scenario; 0 for none. */
  readonly warmupRecords: number;
  /** Index of the scenario the others are compared with. */
  readonly baselineIndex: number;
  /** Verdicts against the baseline scenario (`--max-regression`); undefined for none. */
  readonly verdicts: VerdictSettings | undefined;
}

/**
 * Resolves the compare options: the matrix into scenarios, and each scenario through the same resolution as a
 * single run, so every value is checked as it would be there. Scenarios get their own topic, `<topicPrefix>-<n>`,
 * unless `--topic` names one for all.
 */
export function resolveCompareConfig(o: CompareOptions, ctx: ResolveContext, topicPrefix: string): CompareConfig {
  if (o.shard !== undefined) throw new UsageError('--shard cannot be used with compare; run each scenario with perf-test --shard instead');
  const axes = parseMatrix(o.matrix ?? []);
  const scenarios = scenariosOf(axes);
  const repeat = parseInteger('--repeat', o.repeat ?? '1', 1, 1000);
  const warmupRecords = parseInteger('--warmup', o.warmup ?? '0', 0);
  const baselineIndex = o.baselineScenario === undefined ? 0 : findScenario(scenarios, o.baselineScenario).index;
  // Each scenario warns of the same unknown property: say it once.
  const warned = new Set<string>();
  const once: ResolveContext = {
    env: ctx.env,
    warn: (line) => {
      if (!warned.has(line)) ctx.warn(line);
      warned.add(line);
    },
  };
  const { matrix: _m, repeat: _r, warmup: _w, baselineScenario: _b, maxRegression: _x, regressionMetrics: _y, ...base } = o;
  const plans = scenarios.map((scenario): ScenarioPlan => {
    const options = applyScenario({ ...base, ...scenarioTopics(o, `${topicPrefix}-${scenario.index + 1}`) }, axes, scenario);
    const config = resolveScenario(options, once, scenario, base);
    return Object.freeze({ scenario, config, warmup: warmupRecords > 0 ? warmupConfig(config, warmupRecords) : undefined });
  });
  const verdicts = o.maxRegression === undefined
    ? (o.regressionMetrics === undefined ? undefined : badMetricsAlone())
    : Object.freeze({ maxRegression: parseMaxRegression(o.maxRegression), metrics: parseRegressionMetrics(o.regressionMetrics ?? 'throughput,p99') });
  if (verdicts && scenarios.length < 2) throw new UsageError('--max-regression needs two scenarios or more in --matrix: it judges each against the baseline scenario');
  return Object.freeze({ axes, plans: Object.freeze(plans), repeat, warmupRecords, baselineIndex, verdicts });
}

/** Resolves a scenario; an error its values cause names --matrix and the scenario, others stay as they are. */
function resolveScenario(options: CompareOptions, ctx: ResolveContext, scenario: Scenario, base: CompareOptions): ProduceConfig {
  try {
    return resolveProduceConfig(options, ctx);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (sameErrorWithout(base, ctx, e.message)) throw e;
    throw new UsageError(`--matrix: scenario '${scenario.name}': ${e.message}`, e.hint);
  }
}

/** Whether the shared options alone fail with the same message (then the matrix is not to blame). */
function sameErrorWithout(base: CompareOptions, ctx: ResolveContext, message: string): boolean {
  try {
    resolveProduceConfig(base, { env: ctx.env, warn: () => undefined });
    return false;
  } catch (e) {
    return e instanceof PerfTestError && e.message === message;
  }
}

function badMetricsAlone(): never {
  throw new UsageError('--regression-metrics needs --max-regression');
}

function warmupConfig(config: ProduceConfig, records: number): ProduceConfig {
  if (config.producers > records) {
    throw badValue('--warmup', records, `is fewer than --producers (${config.producers}); each producer needs a record`);
  }
  return Object.freeze({ ...config, stop: Object.freeze({ kind: 'count', records }), warmupRecords: 0 });
}
