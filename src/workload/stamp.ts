import { STAMP_BYTES } from '../clients/port.js';

export { STAMP_BYTES };

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
