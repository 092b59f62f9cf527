import { describe, expect, it } from 'vitest';
import { evaluateCapacityAssertions, parseCapacityAssertion, parseObjective } from '../../../src/gate/objective.js';

describe('parseObjective (--slo)', () => {
  it('reads a latency without a prefix from the intended send time, and send. as Kafka\'s view', () => {
    expect(parseObjective('p99 < 50ms').metric).toEqual({ kind: 'latency', view: 'intended', stat: 'p99' });
    expect(parseObjective('intended.p999 <= 0.2s')).toMatchObject({ metric: { view: 'intended', stat: 'p999' }, limit: 200 });
    expect(parseObjective('send.p99 < 50ms')).toMatchObject({ expression: 'send.p99 < 50ms', metric: { view: 'latency', stat: 'p99' }, limit: 50 });
    expect(parseObjective('errors == 0').metric).toEqual({ kind: 'errors' });
  });

  it('names --slo in its errors, and refuses end-to-end latency', () => {
    expect(() => parseObjective('p99 < fast')).toThrow(/^--slo: 'p99 < fast'/);
    expect(() => parseObjective('e2e.p99 < 5ms')).toThrow("--slo: 'e2e.p99 < 5ms': capacity searches produce rates");
  });
});

describe('capacity gates', () => {
  it('parse sustained in rec/s or MB/s, and nothing else', () => {
    expect(parseCapacityAssertion('sustained >= 50000 rec/s')).toEqual({ expression: 'sustained >= 50000 rec/s', operator: '>=', limit: 50000, unit: 'rec/s' });
    expect(parseCapacityAssertion('sustained > 40.5 MB/s')).toMatchObject({ limit: 40.5, unit: 'MB/s' });
    expect(() => parseCapacityAssertion('p99 < 50ms')).toThrow(/^--assert: 'p99 < 50ms' is not a capacity gate/);
  });

  it('judge the answer, and fail when no rate was sustained', () => {
    const gates = [parseCapacityAssertion('sustained >= 50000 rec/s'), parseCapacityAssertion('sustained >= 40 MB/s')];
    expect(evaluateCapacityAssertions(gates, { recordsPerSec: 50000, mbPerSec: 39.9 }).map((g) => g.passed)).toEqual([true, false]);
    expect(evaluateCapacityAssertions(gates, { recordsPerSec: null, mbPerSec: null })).toEqual([
      { gate: 'sustained >= 50000 rec/s', actual: null, limit: 50000, unit: 'rec/s', passed: false },
      { gate: 'sustained >= 40 MB/s', actual: null, limit: 40, unit: 'MB/s', passed: false },
    ]);
  });
});
