import { describe, expect, it } from 'vitest';
import { buildCompareResult } from '../../../src/compare/figures.js';
import { fakeResult, latencies } from '../../support/fake-result.js';
import { validatorOf } from '../../support/schema.js';

describe('schema/compare.schema.json', () => {
  const validate = validatorOf('compare');
  const doc = buildCompareResult([
    { index: 0, name: 'acks=1', settings: { acks: '1' }, results: [fakeResult({ latenciesUs: latencies(100, 1000, 2000), durationMs: 100, capped: true, intervalRecords: [50, 50] })] },
    { index: 1, name: 'acks=all', settings: { acks: 'all' }, results: [fakeResult({ latenciesUs: [], durationMs: 100, failed: 3, status: 'interrupted' })] },
  ], { matrix: { acks: ['1', 'all'] }, scenarioCount: 3, repeat: 1, warmupRecords: 10, baselineIndex: 0, interrupted: true });

  it('accepts a compare document, its runs valid results, gates included', () => {
    const gates = [{ gate: 'p99 < 5ms', actual: 1.9, limit: 5, unit: 'ms', passed: true }];
    const withGates = { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, gates })) };
    for (const d of [doc, withGates]) {
      expect(validate(d), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('rejects what is not a compare document', () => {
    expect(validate({ ...doc, kind: 'produce' })).toBe(false);
    expect(validate({ ...doc, scenarios: [{ ...doc.scenarios[0], result: { ...doc.scenarios[0]!.result, histogram: 1 } }] })).toBe(false);
    expect(validate({ ...doc, scenarios: [{ ...doc.scenarios[0], extra: true }] })).toBe(false);
  });
});
