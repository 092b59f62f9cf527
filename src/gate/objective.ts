import { UsageError } from '../errors.js';
import { parseAssertion, type Assertion, type GateOutcome, type Operator } from './assertions.js';

/**
 * Parses a `--slo` expression: any `--assert` expression, where a latency without a prefix reads the latency from
 * the intended send time (free of coordinated omission, which a rate-capped step must be judged by) and `send.`
 * names Kafka's send -> ack view.
 */
export function parseObjective(expression: string): Assertion {
  const send = /^\s*send\./i.test(expression);
  let a: Assertion;
  try {
    a = parseAssertion(send ? expression.replace(/^\s*send\./i, '') : expression);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(e.message.replace(/^--assert:/, '--slo:'), e.hint) : e;
  }
  if (a.metric.kind === 'latency' && a.metric.view === 'e2e') {
    throw new UsageError(`--slo: '${expression}': capacity searches produce rates; end-to-end latency is not measured (use e2e --throughput)`);
  }
  if (send || a.metric.kind !== 'latency' || a.metric.view !== 'latency') return { ...a, expression };
  return { ...a, expression, metric: { ...a.metric, view: 'intended' } };
}

/** A capacity gate: `sustained >= 50000 rec/s` or `sustained >= 40 MB/s`. */
export interface CapacityAssertion {
  readonly expression: string;
  readonly unit: 'rec/s' | 'MB/s';
  readonly operator: Operator;
  readonly limit: number;
}

/** Parses `--assert` of `perf-test capacity`. */
export function parseCapacityAssertion(expression: string): CapacityAssertion {
  const m = /^\s*sustained\s*(<=|>=|==|<|>)\s*(\d+(?:\.\d+)?)\s*(rec\/s|mb\/s)\s*$/i.exec(expression);
  if (!m) throw new UsageError(`--assert: '${expression}' is not a capacity gate: expected e.g. "sustained >= 50000 rec/s" or "sustained >= 40 MB/s"`);
  return { expression, operator: m[1] as Operator, limit: Number(m[2]), unit: m[3]!.toLowerCase() === 'rec/s' ? 'rec/s' : 'MB/s' };
}

/** Judges a search's answer; no sustained rate at all fails every gate. */
export function evaluateCapacityAssertions(
  gates: readonly CapacityAssertion[], sustained: { readonly recordsPerSec: number | null; readonly mbPerSec: number | null },
): GateOutcome[] {
  return gates.map((g) => {
    const actual = g.unit === 'rec/s' ? sustained.recordsPerSec : sustained.mbPerSec;
    const value = actual ?? 0;
    const passed = g.operator === '<' ? value < g.limit : g.operator === '<=' ? value <= g.limit : g.operator === '>' ? value > g.limit
      : g.operator === '>=' ? value >= g.limit : value === g.limit;
    return { gate: g.expression.trim(), actual, limit: g.limit, unit: g.unit, passed: actual !== null && passed };
  });
}
