/**
 * Record sizes as Kafka's record format v2 lays them out, used to fill batches to `batch.size` and to check
 * `max.request.size` the way the Java producer does.
 */

/** Bytes of a record batch's header (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`). */
export const RECORD_BATCH_OVERHEAD = 61;
/** The most bytes a record adds besides its key and value (`DefaultRecord.MAX_RECORD_OVERHEAD`). */
export const MAX_RECORD_OVERHEAD = 21;

/** Java's `estimateSizeInBytesUpperBound` for one record alone in a batch: what `max.request.size` is checked against. */
export function recordSizeUpperBound(valueBytes: number, keyBytes = 0): number {
  return RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + keyBytes + valueBytes;
}

/** Bytes of a zig-zag varint. Called twice per record: comparisons first, the general loop for large values only. */
export function varintSize(value: number): number {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  let bytes = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    bytes++;
  }
  return bytes;
}

/**
 * Bytes a record with a null key and no headers takes inside a batch (`DefaultRecord.sizeInBytes`), taking the
 * timestamp delta as two bytes (under ~8 s from the batch's first record).
 */
export function recordSizeInBatch(valueBytes: number, offsetDelta: number): number {
  const body = 1 /* attributes */ + 2 /* timestamp delta */ + varintSize(offsetDelta) + 1 /* null key */
    + varintSize(valueBytes) + valueBytes + 1 /* header count */;
  return varintSize(body) + body;
}
