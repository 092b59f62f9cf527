/** Bytes of the send-time stamp at the start of an end-to-end record's value. */
export const STAMP_BYTES = 8;

/**
 * Returns a copy of `value` whose first 8 bytes hold `sendTimeMs` (float64, little endian, on the process's
 * shared monotonic clock), so that a consumer in the same process measures end-to-end latency. A copy per
 * record, because values are otherwise shared views of one payload pool.
 */
export function stampSendTime(value: Buffer, sendTimeMs: number): Buffer {
  const out = Buffer.allocUnsafe(Math.max(STAMP_BYTES, value.length));
  value.copy(out, STAMP_BYTES, STAMP_BYTES);
  out.writeDoubleLE(sendTimeMs, 0);
  return out;
}

/** Reads a value's send-time stamp; undefined when the value is too short to hold one. */
export function readSendTime(value: Buffer | null | undefined): number | undefined {
  return value && value.length >= STAMP_BYTES ? value.readDoubleLE(0) : undefined;
}
