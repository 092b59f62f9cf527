import { describe, expect, it } from 'vitest';
import { gateLines } from '../../../src/gate/report.js';

describe('gateLines', () => {
  it('gives each gate a line: PASS or FAIL, the gate padded to the widest, the actual value and the limit', () => {
    expect(gateLines([
      { gate: 'p99 < 50ms', actual: 12.34567, limit: 50, unit: 'ms', passed: true },
      { gate: 'throughput >= 20000 rec/s', actual: 18_765.4, limit: 20_000, unit: 'rec/s', passed: false },
    ])).toBe([
      'PASS  p99 < 50ms                 actual 12.346 ms, limit 50 ms',
      'FAIL  throughput >= 20000 rec/s  actual 18,765 rec/s, limit 20,000 rec/s',
    ].join('\n'));
  });

  it('shows a missing figure as n/a', () => {
    expect(gateLines([{ gate: 'e2e.p99 < 5ms', actual: null, limit: 5, unit: 'ms', passed: false }])).toBe('FAIL  e2e.p99 < 5ms  actual n/a ms, limit 5 ms');
    expect(gateLines([{ gate: 'p99 vs baseline (no baseline figure)', actual: 3, limit: Number.NaN, unit: 'ms', passed: true }]))
      .toBe('PASS  p99 vs baseline (no baseline figure)  actual 3 ms, limit n/a ms');
  });
});
