import { badValue } from '../errors.js';
import { parseDuration } from './values.js';

/**
 * Parses `--start-at`: an ISO 8601 time with a zone (`2026-12-02T10:00:00Z`, `...+01:00`) or `+30s` from now;
 * returns the instant in ms since the epoch. One already past is refused: a shard that starts late would skew
 * the merged figures.
 */
export function parseStartAt(text: string, nowEpochMs: number): number {
  const t = text.trim();
  let at: number;
  if (t.startsWith('+')) {
    at = nowEpochMs + parseDuration('--start-at', t.slice(1));
  } else {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
      throw badValue('--start-at', text, 'is not an ISO 8601 time with a zone (e.g. 2026-12-02T10:00:00Z) or a delay (e.g. +30s)');
    }
    at = Date.parse(t);
    if (Number.isNaN(at)) throw badValue('--start-at', text, 'is not a valid time');
  }
  if (at < nowEpochMs) throw badValue('--start-at', text, `is ${((nowEpochMs - at) / 1000).toFixed(1)} s in the past`);
  return at;
}
