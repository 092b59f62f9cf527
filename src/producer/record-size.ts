/**
 * Record sizes as Kafka's record format v2 lays them out (`DefaultRecord.sizeInBytes`), used to fill batches to
 * `batch.size` and to check `max.request.size` the way the Java producer does. A key or a header value of -1 bytes
 * is null: its length varint (-1) is all it takes.
 */

import type { RecordHeader } from '../clients/port.js';

/** Bytes of a record batch's header (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`). */
export const RECORD_BATCH_OVERHEAD = 61;
/** The most bytes a record adds besides its key, value and headers (`DefaultRecord.MAX_RECORD_OVERHEAD`). */
export const MAX_RECORD_OVERHEAD = 21;
/** A null key (no key), as the producer's sizes take it. */
export const NULL_KEY = -1;
/** Bytes of an empty header list: its count varint (0). */
export const NO_HEADERS = 1;

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

/** Bytes of a byte string with its length varint; `bytes` -1 is null (one byte). */
function bytesField(bytes: number): number {
  return bytes < 0 ? 1 : varintSize(bytes) + bytes;
}

/** Bytes of a record's headers, their count included (the headers part of `DefaultRecord.sizeOf`). */
export function headersSize(headers: readonly RecordHeader[] | undefined): number {
  if (headers === undefined) return NO_HEADERS;
  let size = varintSize(headers.length);
  for (const h of headers) size += bytesField(h.key.length) + bytesField(h.value === null ? -1 : h.value.length);
  return size;
}

/**
 * Java's `estimateSizeInBytesUpperBound` for one record alone in a batch: what `max.request.size` and
 * `buffer.memory` are checked against (`RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + sizeOf(key, value, headers)`).
 */
export function recordSizeUpperBound(valueBytes: number, keyBytes = NULL_KEY, headerBytes = NO_HEADERS): number {
  return RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + bytesField(keyBytes) + bytesField(valueBytes) + headerBytes;
}

/**
 * Bytes a record takes inside a batch (`DefaultRecord.sizeInBytes`), taking the timestamp delta as two bytes
 * (under ~8 s from the batch's first record). `keyBytes` -1 is a null key; `headerBytes` is `headersSize`.
 */
export function recordSizeInBatch(valueBytes: number, offsetDelta: number, keyBytes = NULL_KEY, headerBytes = NO_HEADERS): number {
  const body = 1 /* attributes */ + 2 /* timestamp delta */ + varintSize(offsetDelta) + bytesField(keyBytes)
    + varintSize(valueBytes) + valueBytes + headerBytes;
  return varintSize(body) + body;
}
