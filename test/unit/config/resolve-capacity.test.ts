import { describe, expect, it } from 'vitest';
import { resolveCapacityConfig } from '../../../src/config/resolve-capacity.js';
import type { CapacityOptions } from '../../../src/config/capacity-options.js';
import { UsageError } from '../../../src/errors.js';
import { resolveContext } from '../../support/runs.js';

const resolve = (o: CapacityOptions) => resolveCapacityConfig({ bootstrapServer: 'fake:9092', ...o }, resolveContext());

describe('resolveCapacityConfig', () => {
  it('defaults: p99 < 50ms from the intended send time, from 1000 records/s, steps of 10 s after 2 s, to 5%, within 10 minutes', () => {
    const c = resolve({});
    expect(c.objective.map((a) => [a.expression, a.metric])).toEqual([['p99 < 50ms', { kind: 'latency', view: 'intended', stat: 'p99' }]]);
    expect(c.search).toEqual({ startRecordsPerSec: 1000, maxRecordsPerSec: undefined, growth: 2, precision: 0.05, maxDurationMs: 600_000 });
    expect([c.stepDurationMs, c.stepWarmupMs]).toEqual([10_000, 2000]);
    expect(c.produce.payload).toEqual({ kind: 'random', sizeBytes: 1024, sizes: { kind: 'fixed', bytes: 1024 }, compressibility: undefined });
  });

  it('takes every producer flag for the workload, and the search\'s own', () => {
    const c = resolve({
      slo: ['p99 < 20ms', 'errors == 0'], precision: '2.5%', stepDuration: '30s', stepWarmup: '0', maxDuration: '1h',
      startRate: '500', maxRate: '100000', producers: '2', producerProps: ['linger.ms=10'], recordSize: '100',
    });
    expect(c.objective).toHaveLength(2);
    expect(c.search).toMatchObject({ startRecordsPerSec: 500, maxRecordsPerSec: 100_000, precision: 0.025, maxDurationMs: 3_600_000 });
    expect([c.stepDurationMs, c.stepWarmupMs]).toEqual([30_000, 0]);
    expect(c.produce).toMatchObject({ producers: 2, producer: { lingerMs: 10 }, payload: { sizeBytes: 100 } });
  });

  it('names the flag and the value of bad input', () => {
    const cases: Array<[CapacityOptions, string]> = [
      [{ throughput: '1000' }, '--throughput cannot be used with capacity'],
      [{ numRecords: '10' }, '--num-records cannot be used with capacity'],
      [{ duration: '10s' }, '--duration cannot be used with capacity'],
      [{ precision: '5' }, "--precision: '5' is not a percentage"],
      [{ precision: '0%' }, "--precision: '0%' must be more than 0%"],
      [{ stepDuration: 'long' }, "--step-duration: 'long' is not a duration"],
      [{ startRate: '0' }, "--start-rate: '0' must be at least 1 record/s"],
      [{ startRate: '2000', maxRate: '1000' }, "--max-rate: '1000' is below --start-rate (2000)"],
      [{ maxDuration: '5s' }, "--max-duration: '5s' leaves no time for one step"],
      [{ slo: ['p99 < fast'] }, "--slo: 'p99 < fast'"],
    ];
    for (const [o, message] of cases) {
      expect(() => resolve(o), message).toThrow(UsageError);
      expect(() => resolve(o), message).toThrow(message);
    }
  });
});
