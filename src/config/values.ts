import { UsageError, badValue } from '../errors.js';

/** Parses a whole number for `flag`, within [min, max]. */
export function parseInteger(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) throw badValue(flag, text, 'is not a whole number');
  const n = Number(t);
  if (n < min) throw badValue(flag, text, `must be at least ${min}`);
  if (n > max) throw badValue(flag, text, `must be at most ${max}`);
  return n;
}

/** Parses a decimal number for `flag` (Java's Double syntax, without hex or NaN/Infinity). */
export function parseNumber(flag: string, text: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) throw badValue(flag, text, 'is not a number');
  return Number(t);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `500ms`, `30s`, `5m`, `1h` or a plain number of `plainUnit`s; returns milliseconds. */
export function parseDuration(flag: string, text: string, plainUnit: 'ms' | 's' = 's'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!m) throw badValue(flag, text, 'is not a duration (examples: 500ms, 30s, 5m, 1h)');
  const ms = Math.round(Number(m[1]) * DURATION_UNITS[m[2] ?? plainUnit]!);
  if (ms < 1) throw badValue(flag, text, 'must be at least 1 ms');
  return ms;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1, kb: 1000, mb: 1_000_000, gb: 1_000_000_000, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, k: 1024, m: 1024 ** 2,
};

/** Parses a byte size: `1024`, `16KiB`, `1MiB`, `10kB`; returns bytes. */
export function parseSize(flag: string, text: string): number {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = SIZE_UNITS[(m?.[2] ?? '').toLowerCase()];
  if (!m || unit === undefined) throw badValue(flag, text, 'is not a size in bytes (examples: 1024, 16KiB, 1MiB)');
  return Number(m[1]) * unit;
}

/** Parses `key=value` items (Kafka's `--producer-props`); the first `=` splits, so values may hold `=`. */
export function parseKeyValues(flag: string, items: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  // An unquoted sasl.jaas.config is split by the shell: its pieces may hold a password, so they are not echoed.
  const secrets = items.some((i) => /^(sasl\.jaas\.config|[\w.]*password)=/i.test(i));
  for (const [n, item] of items.entries()) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      if (secrets) throw new UsageError(`${flag}: item ${n + 1} of ${items.length} is not of the form key=value (not shown: the list holds secrets; quote a value with spaces, e.g. sasl.jaas.config='...')`);
      throw badValue(flag, item, 'is not of the form key=value');
    }
    out.set(item.slice(0, eq).trim(), item.slice(eq + 1));
  }
  return out;
}
