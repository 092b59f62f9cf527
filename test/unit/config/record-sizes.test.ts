import { describe, expect, it } from 'vitest';
import { describeSizes, maxSize, meanSize, minSize, parseSizeDistribution } from '../../../src/config/record-sizes.js';
import { describeValues, type ConfigEcho } from '../../../src/report/result.js';

const parse = (text: string) => parseSizeDistribution('--record-size', text);

describe('record size distributions', () => {
  it('reads one size, a range and a weighted list, with units', () => {
    expect(parse('1KiB')).toEqual({ kind: 'fixed', bytes: 1024 });
    expect(parse('100..100')).toEqual({ kind: 'fixed', bytes: 100 });
    expect(parse(' 100 .. 2KiB ')).toEqual({ kind: 'uniform', minBytes: 100, maxBytes: 2048 });
    expect(parse('100:0.9,10KiB:0.1')).toEqual({ kind: 'weighted', choices: [{ bytes: 100, weight: 0.9 }, { bytes: 10240, weight: 0.1 }] });
  });

  it('gives the bounds and the mean of each kind', () => {
    const d = parse('100:0.9,10KiB:0.1');
    expect([minSize(d), maxSize(d), meanSize(d)]).toEqual([100, 10240, 1114]);
    const u = parse('100..2000');
    expect([minSize(u), maxSize(u), meanSize(u)]).toEqual([100, 2000, 1050]);
  });

  it('says itself as --record-size takes it, weights normalized', () => {
    expect(describeSizes(parse('100..2000'))).toBe('100..2000');
    expect(describeSizes(parse('100:3,10KiB:1'))).toBe('100:0.75,10240:0.25');
    expect(describeSizes(parse('1:1,2:1,3:1'))).toBe('1:0.333333,2:0.333333,3:0.333333');
  });

  it('reports say which values a run sent', () => {
    const echo = (over: Partial<ConfigEcho>) => ({ payload: 'random', recordSizeBytes: 1024, ...over }) as ConfigEcho;
    expect(describeValues(echo({}))).toBe('1024 B');
    expect(describeValues(echo({ recordSizeBytes: null, recordSizes: '100..2000' }))).toBe('100..2000 B');
    expect(describeValues(echo({ payloadCompressibility: 0.5 }))).toBe('1024 B, compressibility 0.5');
    expect(describeValues(echo({ payload: 'monotonic', recordSizeBytes: null }))).toBe('monotonic');
  });
});
