import { UsageError, badValue } from '../errors.js';
import { parseInteger, parseNumber } from './values.js';
import { DEFAULT_ZIPF_EXPONENT, KEY_DISTRIBUTIONS, NO_HEADER_SPEC, type HeaderSpec, type KeySpec } from './keys.js';
import { NULL_KEY, varintSize } from '../producer/record-size.js';

/** The key and header options as the command line gives them. */
export interface KeyHeaderOptions {
  keyDistribution?: string;
  recordKeyRange?: string;
  keyZipfExponent?: string;
  recordKeySize?: string;
  numHeaders?: string;
  recordHeaderKeySize?: string;
  recordHeaderSize?: string;
}

/** Java's int: Kafka's tools take these flags as Integer. */
const MAX_INT = 2 ** 31 - 1;
const KEYED = KEY_DISTRIBUTIONS.filter((d) => d !== 'none').join(', ');

/**
 * `--key-distribution`, `--record-key-range`, `--key-zipf-exponent` and `--record-key-size`. As in Kafka (KIP-1299),
 * `range` and `random` need `--record-key-range` and `none` takes none; `zipf` is perf-test's, with an exponent of
 * 1 unless given. `--record-key-size` alone gives EndToEndLatency's keys.
 */
export function resolveKeys(o: KeyHeaderOptions): KeySpec {
  const sizeBytes = o.recordKeySize === undefined ? undefined : parseInteger('--record-key-size', o.recordKeySize, 0, MAX_INT);
  const given = o.keyDistribution?.trim();
  const distribution = KEY_DISTRIBUTIONS.find((d) => d === given);
  if (given !== undefined && distribution === undefined) {
    throw badValue('--key-distribution', o.keyDistribution!, `is not a key distribution (${KEY_DISTRIBUTIONS.join(', ')})`);
  }
  if (distribution !== 'zipf' && o.keyZipfExponent !== undefined) {
    throw badValue('--key-zipf-exponent', o.keyZipfExponent, 'needs --key-distribution zipf');
  }
  if (distribution === undefined || distribution === 'none') {
    if (o.recordKeyRange !== undefined) {
      throw badValue('--record-key-range', o.recordKeyRange, `needs --key-distribution ${KEYED} (Kafka: the range of keys they pick from)`);
    }
    if (sizeBytes === undefined) return Object.freeze({ kind: 'none' });
    if (distribution === 'none') throw badValue('--record-key-size', o.recordKeySize!, 'gives records keys, and --key-distribution none sends none');
    return Object.freeze({ kind: 'letters', sizeBytes });
  }
  if (o.recordKeyRange === undefined) {
    throw new UsageError(`--key-distribution ${distribution} needs --record-key-range N: how many distinct keys (e.g. --record-key-range 1000)`);
  }
  const range = parseInteger('--record-key-range', o.recordKeyRange, 1, MAX_INT);
  const digits = String(range - 1).length;
  if (sizeBytes !== undefined && sizeBytes < digits) {
    throw badValue('--record-key-size', o.recordKeySize!, `is too small for key ${range - 1} (--record-key-range ${range}): keys are decimal text, ${digits} bytes or more`);
  }
  if (distribution !== 'zipf') return Object.freeze({ kind: distribution, range, sizeBytes });
  const exponent = o.keyZipfExponent === undefined ? DEFAULT_ZIPF_EXPONENT : parseNumber('--key-zipf-exponent', o.keyZipfExponent);
  if (!(exponent > 0 && exponent <= 100)) {
    throw badValue('--key-zipf-exponent', o.keyZipfExponent!, 'must be above 0 and at most 100 (1: key k has a share proportional to 1/(k+1))');
  }
  return Object.freeze({ kind: 'zipf', range, exponent, sizeBytes });
}

/** `--num-headers`, `--record-header-key-size` and `--record-header-size` (-1: a null value), as EndToEndLatency's. */
export function resolveHeaders(o: KeyHeaderOptions): HeaderSpec {
  const count = o.numHeaders === undefined ? 0 : parseInteger('--num-headers', o.numHeaders, 0, MAX_INT);
  if (count === 0) {
    for (const [flag, text] of [['--record-header-key-size', o.recordHeaderKeySize], ['--record-header-size', o.recordHeaderSize]] as const) {
      if (text !== undefined) throw badValue(flag, text, 'has no effect without --num-headers N (N of at least 1)');
    }
    return NO_HEADER_SPEC;
  }
  const keyBytes = parseInteger('--record-header-key-size', o.recordHeaderKeySize ?? '0', 0, MAX_INT);
  const valueText = o.recordHeaderSize ?? '0';
  const valueBytes = parseInteger('--record-header-size', valueText, -MAX_INT, MAX_INT);
  if (valueBytes < -1) throw badValue('--record-header-size', valueText, 'must be at least 0, or -1 for a null value');
  return Object.freeze({ count, keyBytes, valueBytes });
}

/** The longest key a spec gives, in bytes; -1 (`NULL_KEY`) when records have none. */
export function maxKeyBytes(keys: KeySpec): number {
  if (keys.kind === 'none') return NULL_KEY;
  if (keys.kind === 'letters') return keys.sizeBytes;
  return keys.sizeBytes ?? String(keys.range - 1).length;
}

/** Bytes of every record's headers in a batch, their count included (as `headersSize` sizes them). */
export function headerSpecBytes(h: HeaderSpec): number {
  const one = varintSize(h.keyBytes) + h.keyBytes + (h.valueBytes < 0 ? 1 : varintSize(h.valueBytes) + h.valueBytes);
  return varintSize(h.count) + h.count * one;
}
