import { describe, expect, it } from 'vitest';
import { throughputOf } from '../../../src/report/result.js';

describe('throughputOf', () => {
  it('gives records/s and MB/s with MB = 2^20 bytes, as Kafka\'s tools count', () => {
    expect(throughputOf(500, 1024 * 1024, 1000)).toEqual({ recordsPerSec: 500, mbPerSec: 1 });
    expect(throughputOf(10, 5 * 1024 * 1024, 2000)).toEqual({ recordsPerSec: 5, mbPerSec: 2.5 });
    expect(throughputOf(1, 1, 4)).toEqual({ recordsPerSec: 250, mbPerSec: 250 / (1024 * 1024) });
  });

  it('is zero over an empty or negative span instead of Infinity or NaN', () => {
    expect(throughputOf(100, 100, 0)).toEqual({ recordsPerSec: 0, mbPerSec: 0 });
    expect(throughputOf(100, 100, -5)).toEqual({ recordsPerSec: 0, mbPerSec: 0 });
  });
});
