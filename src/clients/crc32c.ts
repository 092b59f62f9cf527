import { createRequire } from 'node:module';

/** CRC32C (Castagnoli) of a byte range, as Kafka's record batches carry it. */
export type Crc32c = (bytes: Uint8Array) => number;

/*
 * Record format v2 checksums every batch with CRC32C. @node-rs/crc32 computes it natively (SSE4.2 / ARMv8 CRC
 * instructions), called here on the batch's bytes where they lie: `node benchmarks/hot-path/crc32c.mjs` found it
 * twice as fast as @platformatic/kafka's export of the same library (which copies the bytes into a new Uint8Array
 * first), three times its WASM one and thirteen times a table in JavaScript (best of five rounds, on a busy
 * 2-core machine: ratios, not times). It is already installed as that client's optional dependency and ours, with
 * prebuilt binaries on the npm registry; where it cannot load, the table below does the same work, slower.
 */

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The portable implementation: one table lookup per byte. */
export function crc32cJs(bytes: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function loadNative(): Crc32c | undefined {
  try {
    const native = createRequire(import.meta.url)('@node-rs/crc32') as { crc32c(input: Uint8Array): number };
    // Trust it only once it agrees with the definition (the standard check value of "123456789").
    return native.crc32c(Buffer.from('123456789')) === 0xe3069283 ? (bytes) => native.crc32c(bytes) : undefined;
  } catch {
    return undefined;
  }
}

const native = loadNative();

/** The fastest CRC32C this platform has. */
export const crc32c: Crc32c = native ?? crc32cJs;

/** Which implementation `crc32c` is: for benchmarks and `--debug`. */
export const crc32cImplementation: 'native' | 'js' = native ? 'native' : 'js';
