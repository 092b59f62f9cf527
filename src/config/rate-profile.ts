import { badValue } from '../errors.js';
import { parseDuration, parseNumber } from './values.js';
import type { RateLimit, RateSegment } from './types.js';

const EXAMPLES = 'e.g. 20000, -1, 1000:30s,5000:30s or ramp:1000..20000:5m';

/**
 * Parses `--throughput`: a rate in records/s (negative: no cap; 0 is rejected, as it blocks forever in Java), or
 * a profile of comma-separated steps `RATE:DURATION` and ramps `ramp:FROM..TO:DURATION`, run in order.
 */
export function parseRate(text: string | undefined): RateLimit {
  const t = (text ?? '-1').trim();
  if (!t.includes(':')) {
    const value = parseNumber('--throughput', t);
    if (value < 0) return Object.freeze({ kind: 'unlimited' });
    if (value === 0) throw badValue('--throughput', text, 'must be greater than 0, or -1 for no cap');
    return Object.freeze({ kind: 'uniform', recordsPerSec: value });
  }
  const segments = t.split(',').map((item) => Object.freeze(parseSegment(text!, item.trim())));
  return Object.freeze({ kind: 'profile', segments: Object.freeze(segments) });
}

function parseSegment(text: string, item: string): RateSegment {
  const ramp = /^ramp:([^.:]+)\.\.([^:]+):(.+)$/.exec(item);
  const step = /^([^:]+):(.+)$/.exec(item);
  const [from, to, duration] = ramp ? [ramp[1]!, ramp[2]!, ramp[3]!] : step ? [step[1]!, step[1]!, step[2]!] : [];
  if (from === undefined || to === undefined || duration === undefined || (!ramp && item.startsWith('ramp'))) {
    throw badValue('--throughput', text, `has '${item}', which is neither RATE:DURATION nor ramp:FROM..TO:DURATION (${EXAMPLES})`);
  }
  return { fromRecordsPerSec: profileRate(text, from), toRecordsPerSec: profileRate(text, to), durationMs: profileDuration(text, duration) };
}

function profileRate(text: string, rate: string): number {
  let value: number;
  try {
    value = parseNumber('--throughput', rate);
  } catch {
    throw badValue('--throughput', text, `has the rate '${rate}', which is not a number (${EXAMPLES})`);
  }
  if (!(value > 0)) throw badValue('--throughput', text, `has the rate '${rate}': a profile's rates must be greater than 0`);
  return value;
}

function profileDuration(text: string, duration: string): number {
  try {
    return parseDuration('--throughput', duration);
  } catch {
    throw badValue('--throughput', text, `has the duration '${duration}', which is not a duration (examples: 500ms, 30s, 5m)`);
  }
}

/** How long a profile lasts, ms; undefined for a plain rate. */
export function profileDurationMs(rate: RateLimit): number | undefined {
  return rate.kind === 'profile' ? rate.segments.reduce((sum, s) => sum + s.durationMs, 0) : undefined;
}

/** A profile as `--throughput` takes it, for echoes and reports. */
export function formatProfile(segments: readonly RateSegment[]): string {
  const ms = (d: number) => (d % 60_000 === 0 ? `${d / 60_000}m` : d % 1000 === 0 ? `${d / 1000}s` : `${d}ms`);
  return segments.map((s) => (s.fromRecordsPerSec === s.toRecordsPerSec
    ? `${s.fromRecordsPerSec}:${ms(s.durationMs)}`
    : `ramp:${s.fromRecordsPerSec}..${s.toRecordsPerSec}:${ms(s.durationMs)}`)).join(',');
}
