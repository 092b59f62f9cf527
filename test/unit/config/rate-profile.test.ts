import { describe, expect, it } from 'vitest';
import { formatProfile, parseRate, profileDurationMs } from '../../../src/config/rate-profile.js';
import { UsageError } from '../../../src/errors.js';

describe('parseRate (--throughput)', () => {
  it('reads a plain rate, no cap, and rejects 0 as before', () => {
    expect(parseRate('2500.5')).toEqual({ kind: 'uniform', recordsPerSec: 2500.5 });
    expect(parseRate('-1')).toEqual({ kind: 'unlimited' });
    expect(parseRate(undefined)).toEqual({ kind: 'unlimited' });
    expect(() => parseRate('0')).toThrow(UsageError);
  });

  it('reads steps and ramps, in order', () => {
    const rate = parseRate('1000:30s,5000:30s,ramp:5000..20000:5m,20000:500ms');
    expect(rate).toEqual({
      kind: 'profile',
      segments: [
        { fromRecordsPerSec: 1000, toRecordsPerSec: 1000, durationMs: 30_000 },
        { fromRecordsPerSec: 5000, toRecordsPerSec: 5000, durationMs: 30_000 },
        { fromRecordsPerSec: 5000, toRecordsPerSec: 20_000, durationMs: 300_000 },
        { fromRecordsPerSec: 20_000, toRecordsPerSec: 20_000, durationMs: 500 },
      ],
    });
    expect(profileDurationMs(rate)).toBe(360_500);
    expect(profileDurationMs(parseRate('100'))).toBeUndefined();
    expect(formatProfile(rate.kind === 'profile' ? rate.segments : [])).toBe('1000:30s,5000:30s,ramp:5000..20000:5m,20000:500ms');
    expect(parseRate('ramp:1000..20000:5m')).toEqual({ kind: 'profile', segments: [{ fromRecordsPerSec: 1000, toRecordsPerSec: 20_000, durationMs: 300_000 }] });
  });

  it('names the flag, the profile and the bad part', () => {
    const cases: Array<[string, string]> = [
      ['1000:30s,fast:10s', "--throughput: '1000:30s,fast:10s' has the rate 'fast', which is not a number"],
      ['1000:soon', "--throughput: '1000:soon' has the duration 'soon', which is not a duration"],
      ['0:30s', "--throughput: '0:30s' has the rate '0': a profile's rates must be greater than 0"],
      ['ramp:0..100:1m', "--throughput: 'ramp:0..100:1m' has the rate '0'"],
      ['ramp:100:1m', "--throughput: 'ramp:100:1m' has 'ramp:100:1m', which is neither RATE:DURATION nor ramp:FROM..TO:DURATION"],
      ['1000:30s,', "--throughput: '1000:30s,' has '', which is neither"],
    ];
    for (const [text, message] of cases) {
      expect(() => parseRate(text), text).toThrow(UsageError);
      expect(() => parseRate(text), text).toThrow(message);
    }
  });
});
