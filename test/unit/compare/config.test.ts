import { describe, expect, it } from 'vitest';
import { resolveCompareConfig } from '../../../src/compare/config.js';
import type { CompareOptions } from '../../../src/compare/options.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

function resolve(o: CompareOptions, warnings: string[] = []) {
  return resolveCompareConfig(o, { env: {}, warn: (w) => warnings.push(w) }, 'cmp-x');
}

function usageError(o: CompareOptions): UsageError {
  return thrown(UsageError, () => resolve(o));
}

describe('resolveCompareConfig', () => {
  it('resolves each scenario like a single run, on a fresh topic each', () => {
    const c = resolve({ matrix: ['acks=1,all', 'batch.size=16384,131072'], numRecords: '20000', recordSize: '512' });
    expect(c.plans).toHaveLength(4);
    expect(c.plans.map((p) => p.config.topic.name)).toEqual(['cmp-x-1', 'cmp-x-2', 'cmp-x-3', 'cmp-x-4']);
    expect(c.plans.map((p) => [p.config.producer.acks, p.config.producer.batchSizeBytes])).toEqual([
      [1, 16384], [1, 131072], [-1, 16384], [-1, 131072],
    ]);
    expect(c.plans.every((p) => p.config.stop.kind === 'count' && p.config.stop.records === 20000)).toBe(true);
    expect(c.plans.every((p) => p.warmup === undefined)).toBe(true);
    expect(c).toMatchObject({ repeat: 1, warmupRecords: 0, baselineIndex: 0 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('varies perf-test flags as well as properties', () => {
    const c = resolve({ matrix: ['record-size=100,1024', 'producers=1,2'], numRecords: '1000' });
    expect(c.plans.map((p) => [p.config.payload.kind === 'random' ? p.config.payload.sizeBytes : 0, p.config.producers])).toEqual([
      [100, 1], [100, 2], [1024, 1], [1024, 2],
    ]);
  });

  it('uses --topic for every scenario when it is given', () => {
    const c = resolve({ matrix: ['acks=1,all'], numRecords: '10', topic: 'shared' });
    expect(c.plans.map((p) => p.config.topic.name)).toEqual(['shared', 'shared']);
  });

  it('resolves --repeat, --warmup (a count run with the scenario\'s settings) and --baseline-scenario', () => {
    const c = resolve({ matrix: ['acks=1,all'], duration: '10s', repeat: '3', warmup: '500', baselineScenario: 'acks=all' });
    expect(c.repeat).toBe(3);
    expect(c.baselineIndex).toBe(1);
    expect(c.plans[1]!.warmup).toMatchObject({ stop: { kind: 'count', records: 500 }, warmupRecords: 0, producer: { acks: -1 } });
    expect(c.plans[1]!.config.stop).toEqual({ kind: 'duration', durationMs: 10_000 });
  });

  it('names --matrix and the scenario when a matrix value is bad', () => {
    expect(usageError({ matrix: ['acks=1,2'], numRecords: '10' }).message)
      .toBe("--matrix: scenario 'acks=2': producer property acks: '2' is not one of all, -1, 0, 1");
    expect(usageError({ matrix: ['record-size=100,big'], numRecords: '10' }).message)
      .toMatch(/^--matrix: scenario 'record-size=big': --record-size: 'big' is not a size in bytes/);
    expect(usageError({ matrix: ['producers=1,20'], numRecords: '10' }).message)
      .toMatch(/^--matrix: scenario 'producers=20': --producers: '20' is more than --num-records/);
  });

  it('leaves an error of the shared options as it is', () => {
    expect(usageError({ matrix: ['acks=1,all'] }).message).toBe('one of --num-records or --duration is required');
    expect(usageError({ matrix: ['acks=1,all'], numRecords: '10', throughput: '0' }).message).toMatch(/^--throughput: '0'/);
  });

  it('rejects bad compare flags by name', () => {
    expect(usageError({ matrix: ['acks=1,all'], numRecords: '10', repeat: '0' }).message).toBe("--repeat: '0' must be at least 1");
    expect(usageError({ matrix: ['acks=1,all'], numRecords: '10', warmup: 'x' }).message).toBe("--warmup: 'x' is not a whole number");
    expect(usageError({ matrix: ['acks=1,all'], numRecords: '10', producers: '4', warmup: '2' }).message).toMatch(/^--warmup: '2' is fewer than --producers/);
    expect(usageError({ matrix: ['acks=1,all'], numRecords: '10', shard: '0/2' }).message).toMatch(/^--shard cannot be used with compare/);
    expect(usageError({ numRecords: '10' }).message).toMatch(/^--matrix: '' is missing/);
  });

  it('warns once of a property every scenario shares', () => {
    const warnings: string[] = [];
    resolve({ matrix: ['acks=1,all', 'linger.ms=0,5'], numRecords: '10', producerProps: ['no.such.property=1'] }, warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('no.such.property');
  });
});
