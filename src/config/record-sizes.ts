import { badValue } from '../errors.js';
import { parseNumber, parseSize } from './values.js';

/** How big each record's value is: one size, uniform over a range, or a weighted choice of sizes. */
export type SizeDistribution =
  | { readonly kind: 'fixed'; readonly bytes: number }
  /** Every size from `minBytes` to `maxBytes` (both included) equally likely. */
  | { readonly kind: 'uniform'; readonly minBytes: number; readonly maxBytes: number }
  /** Each size with its weight's share (weights normalized to sum to 1). */
  | { readonly kind: 'weighted'; readonly choices: readonly { readonly bytes: number; readonly weight: number }[] };

const EXAMPLES = 'examples: 1024, 100..2000, 100:0.9,10KiB:0.1';

/** Parses `--record-size`: `1024` (or `1KiB`), `100..2000` (uniform), or `100:0.9,10KiB:0.1` (weighted). */
export function parseSizeDistribution(flag: string, text: string): SizeDistribution {
  const size = (part: string) => {
    if (!/^\s*\d+\s*[a-zA-Z]*\s*$/.test(part)) throw badValue(flag, text, `is not a size, a range or a weighted list of sizes (${EXAMPLES})`);
    const bytes = parseSize(flag, part);
    if (bytes <= 0) throw badValue(flag, text, 'must hold sizes greater than zero');
    return bytes;
  };
  if (text.includes('..')) {
    const [low, high, ...rest] = text.split('..');
    if (rest.length > 0 || low === undefined || high === undefined) throw badValue(flag, text, `is not a size range (${EXAMPLES})`);
    const minBytes = size(low);
    const maxBytes = size(high);
    if (minBytes > maxBytes) throw badValue(flag, text, 'must go from the smaller size to the larger');
    return minBytes === maxBytes ? { kind: 'fixed', bytes: minBytes } : { kind: 'uniform', minBytes, maxBytes };
  }
  if (text.includes(':')) {
    const choices = text.split(',').map((item) => {
      const [bytes, weight, ...rest] = item.split(':');
      if (rest.length > 0 || bytes === undefined || weight === undefined) throw badValue(flag, text, `is not a weighted list of sizes (${EXAMPLES})`);
      if (!/^\s*(\d+\.?\d*|\.\d+)\s*$/.test(weight)) throw badValue(flag, text, `has a weight that is not a number (${EXAMPLES})`);
      const w = parseNumber(flag, weight);
      if (!(w > 0)) throw badValue(flag, text, 'must have weights greater than zero');
      return { bytes: size(bytes), weight: w };
    });
    const total = choices.reduce((sum, c) => sum + c.weight, 0);
    return { kind: 'weighted', choices: choices.map((c) => ({ bytes: c.bytes, weight: c.weight / total })) };
  }
  const bytes = parseSize(flag, text);
  if (bytes <= 0) throw badValue(flag, text, 'must be greater than zero');
  return { kind: 'fixed', bytes };
}

/** The smallest value a distribution gives. */
export function minSize(d: SizeDistribution): number {
  return d.kind === 'fixed' ? d.bytes : d.kind === 'uniform' ? d.minBytes : Math.min(...d.choices.map((c) => c.bytes));
}

/** The largest value a distribution gives. */
export function maxSize(d: SizeDistribution): number {
  return d.kind === 'fixed' ? d.bytes : d.kind === 'uniform' ? d.maxBytes : Math.max(...d.choices.map((c) => c.bytes));
}

/** The distribution's mean, in bytes. */
export function meanSize(d: SizeDistribution): number {
  return d.kind === 'fixed' ? d.bytes : d.kind === 'uniform' ? (d.minBytes + d.maxBytes) / 2 : d.choices.reduce((m, c) => m + c.bytes * c.weight, 0);
}

/** The distribution as `--record-size` takes it (weights normalized). */
export function describeSizes(d: SizeDistribution): string {
  if (d.kind === 'fixed') return String(d.bytes);
  if (d.kind === 'uniform') return `${d.minBytes}..${d.maxBytes}`;
  return d.choices.map((c) => `${c.bytes}:${Number(c.weight.toPrecision(6))}`).join(',');
}
