import { badValue } from '../errors.js';
import type { ProduceOptions } from '../config/produce-options.js';

/** perf-test flags a matrix may vary, by name (without `--`), and the option each one sets. */
const VARIABLE_FLAGS = {
  'record-size': 'recordSize',
  'producers': 'producers',
  'client': 'client',
  'throughput': 'throughput',
  'num-records': 'numRecords',
  'duration': 'duration',
  'partitions': 'partitions',
  'replication-factor': 'replicationFactor',
  'warmup-records': 'warmupRecords',
  'transaction-duration-ms': 'transactionDurationMs',
} as const satisfies Record<string, keyof ProduceOptions>;

type VariableFlag = keyof typeof VARIABLE_FLAGS;

/** More scenarios than this is almost surely a typo, and would run for hours. */
export const MAX_SCENARIOS = 256;

/** One axis of a comparison: a setting and the values it takes, in the order given. */
export interface MatrixAxis {
  /** The setting as written, without a leading `--`: `acks`, `batch.size`, `record-size`. */
  readonly key: string;
  /** A perf-test flag (`record-size`, `producers`...), or a Java producer property (everything else). */
  readonly target: 'flag' | 'property';
  readonly values: readonly string[];
}

/** One combination of the matrix's values. */
export interface Scenario {
  /** 0-based position in the run order. */
  readonly index: number;
  /** The settings as `key=value` pairs joined by spaces, e.g. `acks=1 batch.size=16384`. */
  readonly name: string;
  /** Each axis's value in this scenario, in axis order. */
  readonly settings: Readonly<Record<string, string>>;
}

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9._]*$/;

function isVariableFlag(key: string): key is VariableFlag {
  return Object.hasOwn(VARIABLE_FLAGS, key);
}

/** Parses `--matrix key=v1,v2` items into axes; every malformed item is a UsageError naming it. */
export function parseMatrix(items: readonly string[]): readonly MatrixAxis[] {
  if (items.length === 0) throw badValue('--matrix', '', 'is missing: give at least one, e.g. --matrix acks=1,all');
  const axes: MatrixAxis[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw badValue('--matrix', item, 'is not of the form key=value1,value2,... (e.g. acks=1,all)');
    const key = item.slice(0, eq).trim().replace(/^--/, '');
    const values = item.slice(eq + 1).split(',').map((v) => v.trim());
    if (values.some((v) => v === '')) throw badValue('--matrix', item, 'has an empty value (values are separated by commas)');
    const repeated = values.find((v, i) => values.indexOf(v) !== i);
    if (repeated !== undefined) throw badValue('--matrix', item, `gives the value '${repeated}' twice`);
    if (axes.some((a) => a.key === key)) throw badValue('--matrix', item, `varies '${key}' a second time; give all its values in one --matrix`);
    if (isVariableFlag(key)) {
      axes.push(Object.freeze({ key, target: 'flag', values: Object.freeze(values) }));
    } else if (key.includes('-') || !PROPERTY_NAME.test(key)) {
      throw badValue('--matrix', item, `names neither a producer property nor a perf-test setting that can vary (${Object.keys(VARIABLE_FLAGS).join(', ')})`);
    } else {
      axes.push(Object.freeze({ key, target: 'property', values: Object.freeze(values) }));
    }
  }
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_SCENARIOS) throw badValue('--matrix', items.join(' '), `makes ${count} scenarios, more than ${MAX_SCENARIOS}`);
  return Object.freeze(axes);
}

/** The cartesian product of the axes, the first axis varying slowest (as nested loops in the order given). */
export function scenariosOf(axes: readonly MatrixAxis[]): readonly Scenario[] {
  let combos: Array<Array<[string, string]>> = [[]];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v): Array<[string, string]> => [...c, [axis.key, v]]));
  return Object.freeze(combos.map((pairs, index) => Object.freeze({
    index,
    name: pairs.map(([k, v]) => `${k}=${v}`).join(' '),
    settings: Object.freeze(Object.fromEntries(pairs)),
  })));
}

/**
 * The produce options of one scenario: the shared options with the scenario's values on top. A property
 * goes after every other property given (so it wins, as the later of Kafka's command-line properties does).
 */
export function applyScenario(base: ProduceOptions, axes: readonly MatrixAxis[], scenario: Scenario): ProduceOptions {
  const options: ProduceOptions = { ...base };
  const props: string[] = [];
  for (const axis of axes) {
    const value = scenario.settings[axis.key];
    if (value === undefined) continue;
    if (axis.target === 'property') props.push(`${axis.key}=${value}`);
    else if (isVariableFlag(axis.key)) options[VARIABLE_FLAGS[axis.key]] = value;
  }
  if (props.length > 0) {
    // --command-property is read after --producer-props, so the scenario's values go last in it when it is used.
    if (base.commandProperty !== undefined) options.commandProperty = [...base.commandProperty, ...props];
    else options.producerProps = [...(base.producerProps ?? []), ...props];
  }
  return options;
}

/**
 * Finds `--baseline-scenario`: a 1-based number, or settings such as `acks=all,batch.size=16384` (commas or
 * spaces, any order, a subset if it matches one scenario only).
 */
export function findScenario(scenarios: readonly Scenario[], text: string): Scenario {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const found = scenarios[Number(t) - 1];
    if (!found) throw badValue('--baseline-scenario', text, `is not a scenario number (1 to ${scenarios.length})`);
    return found;
  }
  const wanted = t.split(/[\s,]+/).filter((p) => p.length > 0).map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw badValue('--baseline-scenario', text, 'is neither a scenario number nor settings such as acks=all,batch.size=16384');
    return [p.slice(0, eq).replace(/^--/, ''), p.slice(eq + 1)] as const;
  });
  const matches = scenarios.filter((s) => wanted.every(([k, v]) => s.settings[k] === v));
  if (matches.length === 0) throw badValue('--baseline-scenario', text, 'matches no scenario');
  if (matches.length > 1) throw badValue('--baseline-scenario', text, `matches ${matches.length} scenarios; give more settings`);
  return matches[0]!;
}
