import { badValue } from '../errors.js';
import { parseSize } from './values.js';
import type { BacklogTarget, PayloadSpec, StopCondition } from './types.js';

/** Parses `--backlog`: `2GiB`, `64MiB`, `1048576` (bytes) or `50000records` (`50000 records`). */
export function parseBacklog(text: string): BacklogTarget {
  const records = /^\s*(\d+)\s*records?\s*$/i.exec(text);
  if (records) {
    const n = Number(records[1]);
    if (!(n > 0) || !Number.isSafeInteger(n)) throw badValue('--backlog', text, 'must be at least 1 record');
    return { kind: 'records', records: n };
  }
  let bytes: number;
  try {
    bytes = parseSize('--backlog', text);
  } catch {
    throw badValue('--backlog', text, 'is not a size (examples: 2GiB, 64MiB, 50000records)');
  }
  if (bytes <= 0) throw badValue('--backlog', text, 'must be greater than zero');
  return { kind: 'bytes', bytes };
}

/**
 * Rejects a backlog a count run can never build: more records than it sends, or more bytes than its records hold
 * at their largest. (A duration run may build any backlog; one it does not reach is reported as not reached.)
 */
export function checkBacklogFits(text: string, target: BacklogTarget, stop: StopCondition, payload: PayloadSpec): void {
  if (stop.kind !== 'count') return;
  if (target.kind === 'records' && target.records >= stop.records) {
    throw badValue('--backlog', text, `must be fewer records than --num-records (${stop.records}): the drain needs records produced after it`);
  }
  if (target.kind === 'bytes' && payload.kind === 'random' && target.bytes >= stop.records * payload.sizeBytes) {
    throw badValue('--backlog', text, `is more than --num-records ${stop.records} records of at most ${payload.sizeBytes} B hold`);
  }
}
