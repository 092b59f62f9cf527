import { describe, expect, it } from 'vitest';
import { parseStartAt } from '../../../src/config/start-at.js';
import { UsageError } from '../../../src/errors.js';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');

describe('parseStartAt (--start-at)', () => {
  it('reads an ISO 8601 time with a zone, or a delay from now', () => {
    expect(parseStartAt('2026-12-02T10:00:30Z', NOW)).toBe(NOW + 30_000);
    expect(parseStartAt('2026-12-02T11:01:00.250+01:00', NOW)).toBe(NOW + 60_250);
    expect(parseStartAt('2026-12-02T10:05Z', NOW)).toBe(NOW + 300_000);
    expect(parseStartAt('+30s', NOW)).toBe(NOW + 30_000);
    expect(parseStartAt('+1500ms', NOW)).toBe(NOW + 1500);
    expect(parseStartAt('+2m', NOW)).toBe(NOW + 120_000);
  });

  it('refuses a time without a zone, a bad delay, and a time already past', () => {
    const cases: Array<[string, string]> = [
      ['2026-12-02T10:00:30', "--start-at: '2026-12-02T10:00:30' is not an ISO 8601 time with a zone"],
      ['tomorrow', "--start-at: 'tomorrow' is not an ISO 8601 time"],
      ['+soon', "--start-at: 'soon' is not a duration"],
      ['2026-12-02T09:59:58Z', "--start-at: '2026-12-02T09:59:58Z' is 2.0 s in the past"],
      ['2026-13-02T10:00:00Z', "--start-at: '2026-13-02T10:00:00Z' is not a valid time"],
    ];
    for (const [text, message] of cases) {
      expect(() => parseStartAt(text, NOW), text).toThrow(UsageError);
      expect(() => parseStartAt(text, NOW), text).toThrow(message);
    }
  });
});
