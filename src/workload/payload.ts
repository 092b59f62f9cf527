import type { SizeDistribution } from '../config/record-sizes.js';
import type { PayloadSpec } from '../config/types.js';

/** Gives the value of record `index`. Implementations reuse buffers: no allocation per record where possible. */
export interface PayloadSource {
  next(index: number): Buffer;
}

/** Random numbers in [0, 1); injectable so payloads are reproducible in tests. */
export type Random = () => number;

/** How many distinct views of the random pool a worker cycles through. */
const RANDOM_VIEWS = 1024;

/**
 * Builds the payload source of a spec. Random payloads are uppercase letters A-Z like Kafka's tool; instead of
 * refilling one array per record (which forces a copy per record), each record takes one of 1024 views at
 * different offsets of a random pool, so batches do not compress better than Kafka's random records would.
 */
export function createPayloadSource(spec: PayloadSpec, random: Random = Math.random): PayloadSource {
  switch (spec.kind) {
    case 'random': {
      if (spec.sizes.kind !== 'fixed' || spec.compressibility !== undefined) return shapedSource(spec, random);
      const stride = 4099; // prime, so views start at many different offsets
      const poolSize = spec.sizeBytes + stride * 64;
      const pool = Buffer.allocUnsafe(poolSize);
      for (let i = 0; i < poolSize; i++) pool[i] = 65 + Math.floor(random() * 26);
      const views = Array.from({ length: RANDOM_VIEWS }, (_, i) => {
        const offset = (i * stride) % (poolSize - spec.sizeBytes + 1);
        return pool.subarray(offset, offset + spec.sizeBytes);
      });
      return { next: (index) => views[index % RANDOM_VIEWS]! };
    }
    case 'file': {
      const payloads = spec.payloads.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength));
      return { next: () => payloads[Math.floor(random() * payloads.length)]! };
    }
    case 'monotonic':
      return { next: (index) => Buffer.from(String(index)) };
  }
}

/** Views of the shaped pool, each with its size: a stratified sample of the size distribution. */
const SHAPED_VIEWS = 8192;
/**
 * Bytes of one compressibility period, which holds the random and the constant parts in proportion: long runs,
 * so that LZ4 and Snappy, which code a run as matches of bounded length, remove about as much as gzip and zstd.
 */
const PERIOD = 512;
/** About this much pool: the records of a batch are distinct regions of it, so that no record repeats another. */
const POOL_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Values of varying sizes and/or a given compressibility, as views of one pool. With `compressibility` R, every
 * 512 bytes of the pool are round(512 (1 - R)) random bytes, then a run of zeros: each of Kafka's codecs stores
 * the random bytes as they are and the runs as almost nothing, so a batch shrinks by about R (a single small
 * value may be all random or all zeros; a batch holds the proportion). Up to 8192 consecutive records take
 * regions of the pool that do not overlap, so no record repeats another within a batch.
 */
function shapedSource(spec: Extract<PayloadSpec, { kind: 'random' }>, random: Random): PayloadSource {
  const maxBytes = spec.sizeBytes;
  const stride = maxBytes + 61; // past the largest value, and not a multiple of the period
  const regions = Math.max(4, Math.min(SHAPED_VIEWS, Math.ceil(POOL_BUDGET_BYTES / stride)));
  const poolSize = maxBytes + stride * regions;
  const pool = Buffer.allocUnsafe(poolSize);
  const r = spec.compressibility;
  if (r === undefined) {
    for (let i = 0; i < poolSize; i++) pool[i] = 65 + Math.floor(random() * 26);
  } else {
    const randomBytes = Math.round(PERIOD * (1 - r));
    for (let i = 0; i < poolSize; i++) pool[i] = i % PERIOD < randomBytes ? Math.floor(random() * 256) : 0;
  }
  const sizes = stratifiedSizes(spec.sizes, SHAPED_VIEWS, random);
  const views = sizes.map((size, i) => {
    const offset = ((i % regions) * stride) % (poolSize - size + 1);
    return pool.subarray(offset, offset + size);
  });
  return { next: (index) => views[index % SHAPED_VIEWS]! };
}

/**
 * `n` sizes whose mix is the distribution's (each size's count is its weight times n, rounded so they add up to
 * n; a uniform range spread evenly), in a random order: the mean holds over any n consecutive records.
 */
export function stratifiedSizes(d: SizeDistribution, n: number, random: Random): number[] {
  let sizes: number[];
  if (d.kind === 'fixed') return new Array<number>(n).fill(d.bytes);
  if (d.kind === 'uniform') {
    const span = d.maxBytes - d.minBytes + 1;
    sizes = Array.from({ length: n }, (_, i) => d.minBytes + Math.floor(((i + 0.5) * span) / n));
  } else {
    // Largest remainder: the counts add up to n, each within one of its exact share.
    const exact = d.choices.map((c) => c.weight * n);
    const counts = exact.map(Math.floor);
    const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
    for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[order[k % order.length]![1]]!++;
    sizes = d.choices.flatMap((c, i) => new Array<number>(counts[i]!).fill(c.bytes));
  }
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return sizes;
}
