/**
 * Java's default partitioner for records with a key (`BuiltInPartitioner.partitionForKey`): the 32-bit murmur2
 * hash of the key's bytes (`Utils.murmur2`, seed 0x9747b28c), made positive (`Utils.toPositive`, which clears the
 * sign bit rather than taking the absolute value), modulo the topic's partition count. The same key lands on the
 * same partition as it would from Java's producer, librdkafka's `murmur2_random` or any client that follows Java.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** Java's `Utils.murmur2`: a signed 32-bit hash, the int Java returns. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  // Java's int arithmetic: Math.imul multiplies modulo 2^32, `| 0` and `^` keep 32-bit signed values.
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last one to three bytes, as Java's switch falls through from case 3 to case 1.
  const rest = length & 3;
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) {
    h ^= data[whole]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Java's `Utils.toPositive`: the sign bit cleared (so Integer.MIN_VALUE maps to 0, not to itself). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Java's producer picks for a record with this key, among `partitionCount` partitions. */
export function partitionForKey(key: Uint8Array, partitionCount: number): number {
  return toPositive(murmur2(key)) % partitionCount;
}
