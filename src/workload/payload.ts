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
