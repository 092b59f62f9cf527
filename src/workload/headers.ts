import type { RecordHeader } from '../clients/port.js';
import type { HeaderSpec } from '../config/keys.js';
import type { Random } from './payload.js';

/** Gives the headers of record `ordinal`. The header lists are shared: a caller must not change them. */
export interface HeaderSource {
  next(ordinal: number): readonly RecordHeader[];
}

/** Distinct header lists a worker cycles through, at most. */
const HEADER_SETS = 64;
/** About this much memory for them, so that many or large headers do not take more. */
const BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * The header source of a spec, or undefined for records without headers. As EndToEndLatency writes them, each
 * header's key is `keyBytes` of one random letter A-Z, and its value `valueBytes` of another (null for -1). Each
 * header has its own key buffer, so that two headers of one record are never the same object (a client may keep
 * them in a Map).
 */
export function createHeaderSource(spec: HeaderSpec, random: Random = Math.random): HeaderSource | undefined {
  if (spec.count === 0) return undefined;
  const letter = () => 65 + Math.floor(random() * 26);
  const setBytes = spec.count * (spec.keyBytes + Math.max(0, spec.valueBytes)) + 1;
  const sets = Math.max(1, Math.min(HEADER_SETS, Math.floor(BUDGET_BYTES / setBytes)));
  const lists = Array.from({ length: sets }, () => Object.freeze(Array.from({ length: spec.count }, (): RecordHeader => Object.freeze({
    key: Buffer.alloc(spec.keyBytes, letter()),
    value: spec.valueBytes < 0 ? null : Buffer.alloc(spec.valueBytes, letter()),
  }))));
  return { next: (ordinal) => lists[ordinal % sets]! };
}
