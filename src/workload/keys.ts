import type { KeySpec } from '../config/keys.js';
import type { Random } from './payload.js';
import { ZipfSampler } from './zipf.js';

/** Gives the key of record `ordinal` (its number over all producers). Reuses buffers where it can. */
export interface KeySource {
  next(ordinal: number): Buffer;
}

/** Keys below this number are encoded once and kept: every key of a small range, and a skew's hot keys. */
const CACHED_KEYS = 65_536;
const LETTERS = 26;

/**
 * The key source of a spec, or undefined for keyless records. Key number n is its decimal text, as Kafka's
 * ProducerPerformance writes it (KIP-1299: `range` takes the record's index modulo the range, `random` a uniform
 * draw), left-padded with zeros to `--record-key-size` when given. `letters` keys are EndToEndLatency's: the key
 * size of one random letter A-Z.
 */
export function createKeySource(spec: KeySpec, random: Random = Math.random): KeySource | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'letters': {
      const keys = Array.from({ length: LETTERS }, (_, i) => Buffer.alloc(spec.sizeBytes, 65 + i));
      return { next: () => keys[Math.floor(random() * LETTERS)]! };
    }
    case 'range': {
      const key = numberedKeys(spec.sizeBytes);
      const { range } = spec;
      return { next: (ordinal) => key(ordinal % range) };
    }
    case 'random': {
      const key = numberedKeys(spec.sizeBytes);
      const { range } = spec;
      return { next: () => key(Math.floor(random() * range)) };
    }
    case 'zipf': {
      const key = numberedKeys(spec.sizeBytes);
      const sampler = new ZipfSampler(spec.range, spec.exponent, random);
      return { next: () => key(sampler.next()) };
    }
  }
}

/** Key number n as decimal text, zero-padded to `sizeBytes`; the first keys cached. */
function numberedKeys(sizeBytes: number | undefined): (n: number) => Buffer {
  const cache: Buffer[] = [];
  const encode = (n: number) => Buffer.from(sizeBytes === undefined ? String(n) : String(n).padStart(sizeBytes, '0'), 'latin1');
  return (n) => (n < CACHED_KEYS ? (cache[n] ??= encode(n)) : encode(n));
}

/** Key number n as `createKeySource` writes it: for tests and for reading keys back. */
export function keyText(n: number, sizeBytes: number | undefined): string {
  return sizeBytes === undefined ? String(n) : String(n).padStart(sizeBytes, '0');
}
