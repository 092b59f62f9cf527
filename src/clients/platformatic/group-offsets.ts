import type { Consumer, GroupAssignment } from './library.js';

/** Kafka's ListOffsets timestamps: the log's start and its end. */
const EARLIEST = -2n;
const LATEST = -1n;

/** "topic:partition" back into its parts (split at the last ':'). */
export function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

/**
 * Where each assigned partition starts, per "topic:partition": the group's committed offset, or else the log's
 * start (`auto.offset.reset=earliest`) or end (`latest`), as Java's consumer starts.
 */
export async function startPositions(client: Consumer, groups: readonly GroupAssignment[], fromBeginning: boolean): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  if (groups.length === 0) return positions;
  const committed = await client.listCommittedOffsets({ topics: [...groups] });
  const missing = groups.filter(({ topic, partitions }) => partitions.some((p) => (committed.get(topic)?.[p] ?? -1n) < 0n));
  const reset = missing.length === 0 ? new Map<string, bigint[]>()
    : await client.listOffsets({ topics: missing.map((g) => g.topic), timestamp: fromBeginning ? EARLIEST : LATEST });
  for (const { topic, partitions } of groups) {
    for (const p of partitions) {
      const at = committed.get(topic)?.[p] ?? -1n;
      positions.set(`${topic}:${p}`, Number(at >= 0n ? at : (reset.get(topic)?.[p] ?? 0n)));
    }
  }
  return positions;
}

/**
 * {@link startPositions}, read again after `backoffMs(attempt)` while they cannot be read (a broker lost meanwhile)
 * and `wanted()` says they are still wanted; undefined once they are not.
 */
export async function startPositionsRetried(client: Consumer, groups: readonly GroupAssignment[], fromBeginning: boolean,
  wanted: () => boolean, backoffMs: (attempt: number) => number): Promise<Map<string, number> | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPositions(client, groups, fromBeginning);
    } catch {
      if (!wanted()) return undefined;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/** A partition's offset after OFFSET_OUT_OF_RANGE, by `auto.offset.reset`. */
export async function resetOffset(client: Consumer, topic: string, partition: number, fromBeginning: boolean): Promise<number> {
  const offsets = await client.listOffsets({ topics: [topic], partitions: { [topic]: [partition] }, timestamp: fromBeginning ? EARLIEST : LATEST });
  return Number(offsets.get(topic)?.[partition] ?? 0n);
}

/** Commits the positions (the next offset to read, per "topic:partition") for the group. */
export async function commitPositions(client: Consumer, positions: ReadonlyMap<string, number>): Promise<void> {
  const offsets = [...positions].map(([key, offset]) => {
    const [topic, partition] = splitKey(key);
    return { topic, partition, offset: BigInt(offset), leaderEpoch: -1 };
  });
  if (offsets.length > 0) await client.commit({ offsets });
}
