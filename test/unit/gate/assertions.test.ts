import { describe, expect, it } from 'vitest';
import { evaluateAssertions, parseAssertion, type GateInput } from '../../../src/gate/assertions.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

const latency = (p99: number) => ({ avg: 1, min: 0.5, max: 20, p50: 1, p95: 4, p99, p999: 15 });

/** A produce run: 12,000 rec/s, 11.5 MB/s, p99 8 ms (intended 9 ms), 3 failed records. */
const produce: GateInput = {
  latencyMs: latency(8),
  intendedLatencyMs: latency(9),
  throughput: { recordsPerSec: 12_000, mbPerSec: 11.5 },
  records: { failed: 3 },
};

describe('parseAssertion', () => {
  it('reads latency gates into ms, with an optional view', () => {
    expect(parseAssertion('p99 < 50ms')).toEqual({ expression: 'p99 < 50ms', metric: { kind: 'latency', view: 'latency', stat: 'p99' }, operator: '<', limit: 50 });
    expect(parseAssertion('e2e.p99 <= 0.2s')).toMatchObject({ metric: { kind: 'latency', view: 'e2e', stat: 'p99' }, operator: '<=', limit: 200 });
    expect(parseAssertion('intended.p999 < 250us')).toMatchObject({ metric: { view: 'intended', stat: 'p999' }, limit: 0.25 });
    expect(parseAssertion('  MAX>=1µs ')).toMatchObject({ metric: { view: 'latency', stat: 'max' }, operator: '>=', limit: 0.001 });
    expect(parseAssertion('latency.avg == 2ms')).toMatchObject({ metric: { view: 'latency', stat: 'avg' }, operator: '==', limit: 2 });
  });

  it('reads throughput in rec/s or MB/s, and errors as a count', () => {
    expect(parseAssertion('throughput >= 20000 rec/s')).toMatchObject({ metric: { kind: 'throughput', unit: 'rec/s' }, operator: '>=', limit: 20_000 });
    expect(parseAssertion('throughput > 50 mb/s')).toMatchObject({ metric: { kind: 'throughput', unit: 'MB/s' }, operator: '>', limit: 50 });
    expect(parseAssertion('errors == 0')).toEqual({ expression: 'errors == 0', metric: { kind: 'errors' }, operator: '==', limit: 0 });
  });

  it.each([
    ['p99 << 5ms', '--assert: \'p99 << 5ms\' is malformed: expected METRIC OP VALUE[UNIT], e.g. "p99 < 50ms", "throughput >= 10000 rec/s", "errors == 0"'],
    ['p99 < 5', "--assert: 'p99 < 5': latency needs a unit, us, ms or s"],
    ['p99 < 5min', "--assert: 'p99 < 5min': latency needs a unit, us, ms or s"],
    ['throughput > 5', "--assert: 'throughput > 5': throughput needs a unit, rec/s or MB/s"],
    ['errors < 1ms', "--assert: 'errors < 1ms': errors take no unit"],
    ['p98 < 5ms', "--assert: 'p98 < 5ms': unknown metric 'p98' (latency: avg|min|max|p50|p95|p99|p999, optionally prefixed intended. or e2e.; throughput; errors)"],
    ['consumer.p99 < 5ms', "--assert: 'consumer.p99 < 5ms': unknown metric 'consumer.p99' (latency: avg|min|max|p50|p95|p99|p999, optionally prefixed intended. or e2e.; throughput; errors)"],
  ])('refuses %j, naming --assert and the expression', (expression, message) => {
    expect(thrown(UsageError, () => parseAssertion(expression)).message).toBe(message);
  });
});

describe('evaluateAssertions', () => {
  const judge = (expression: string, r: GateInput = produce) => evaluateAssertions([parseAssertion(expression)], r)[0]!;

  it('puts the actual value beside the limit, in the metric\'s unit', () => {
    expect(judge('p99 < 10ms')).toEqual({ gate: 'p99 < 10ms', actual: 8, limit: 10, unit: 'ms', passed: true });
    expect(judge('intended.p99 < 8.5ms')).toEqual({ gate: 'intended.p99 < 8.5ms', actual: 9, limit: 8.5, unit: 'ms', passed: false });
    expect(judge('throughput >= 12000 rec/s')).toEqual({ gate: 'throughput >= 12000 rec/s', actual: 12_000, limit: 12_000, unit: 'rec/s', passed: true });
    expect(judge('throughput > 11.5 MB/s')).toEqual({ gate: 'throughput > 11.5 MB/s', actual: 11.5, limit: 11.5, unit: 'MB/s', passed: false });
    expect(judge(' errors == 3 ')).toEqual({ gate: 'errors == 3', actual: 3, limit: 3, unit: 'records', passed: true });
  });

  it('holds at the limit only for <=, >= and ==', () => {
    expect(['<', '<=', '>', '>=', '=='].map((op) => judge(`p99 ${op} 8ms`).passed)).toEqual([false, true, false, true, true]);
  });

  it('counts an e2e run\'s missing records as errors, and judges its end-to-end latency', () => {
    const e2e: GateInput = { ...produce, records: { failed: 1 }, consumed: { missing: 4 }, endToEndLatencyMs: latency(30) };
    expect(judge('errors == 0', e2e)).toMatchObject({ actual: 5, passed: false });
    expect(judge('e2e.p99 < 25ms', e2e)).toMatchObject({ actual: 30, passed: false });
  });

  it('fails a gate on a figure the run does not have', () => {
    const consume: GateInput = { throughput: { recordsPerSec: 500, mbPerSec: 1 }, records: { consumed: 100 } };
    expect(judge('p99 < 1s', consume)).toEqual({ gate: 'p99 < 1s', actual: null, limit: 1000, unit: 'ms', passed: false });
    expect(judge('e2e.p99 < 1s')).toMatchObject({ actual: null, passed: false });
    expect(judge('errors == 0', consume)).toMatchObject({ actual: 0, passed: true });
  });
});
