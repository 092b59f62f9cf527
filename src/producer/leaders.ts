import type { PartitionLeader } from '../clients/port.js';

/** A leader id meaning "none known": the partition's batches wait for the next metadata. */
export const NO_LEADER = -1;

/**
 * The producer's view of which broker leads each partition of its topic, and when to look again (Java's
 * `Metadata`). An error that says the view is stale asks for an update; updates are at least `backoffMs` apart,
 * one at a time, and a failed one is tried again after the backoff.
 */
export class Leaders {
  private leaderOf: number[];
  private groups: Map<number, number[]> = new Map();
  private stale = false;
  private refreshing = false;
  private lastRefreshMs = -Infinity;
  /** Metadata updates made (Java's `metadata-refresh` count, as perf-test reports it). */
  refreshes = 0;

  constructor(
    initial: readonly PartitionLeader[],
    private readonly backoffMs: number,
    private readonly fetch: () => Promise<readonly PartitionLeader[]>,
  ) {
    this.leaderOf = [];
    this.apply(initial);
  }

  /** Every partition of the topic. */
  get partitions(): number[] {
    return this.leaderOf.flatMap((leader, partition) => (leader === undefined ? [] : [partition]));
  }

  /** The partitions of each known leader, in partition order. */
  byLeader(): ReadonlyMap<number, readonly number[]> {
    return this.groups;
  }

  leader(partition: number): number {
    return this.leaderOf[partition] ?? NO_LEADER;
  }

  /** Marks the view stale: the next `maybeRefresh` looks the leaders up again. */
  requestUpdate(): void {
    this.stale = true;
  }

  /** When the next update may start, if one is wanted (Infinity when none is). */
  nextRefreshMs(): number {
    return this.stale && !this.refreshing ? this.lastRefreshMs + this.backoffMs : Infinity;
  }

  /** Starts an update if one is wanted and due; `onDone` runs after it, successful or not. */
  maybeRefresh(nowMs: number, onDone: () => void): void {
    if (!this.stale || this.refreshing || nowMs < this.lastRefreshMs + this.backoffMs) return;
    this.refreshing = true;
    this.stale = false;
    this.lastRefreshMs = nowMs;
    this.fetch().then(
      (partitions) => {
        this.refreshes++;
        this.apply(partitions);
      },
      () => this.requestUpdate(), // the cluster did not answer: try again after the backoff
    ).finally(() => {
      this.refreshing = false;
      onDone();
    });
  }

  private apply(partitions: readonly PartitionLeader[]): void {
    const leaderOf = [...this.leaderOf];
    for (const { partition, leader } of partitions) leaderOf[partition] = leader;
    this.leaderOf = leaderOf;
    const groups = new Map<number, number[]>();
    let unknown = false;
    leaderOf.forEach((leader, partition) => {
      if (leader === undefined) return;
      if (leader === NO_LEADER) {
        unknown = true;
        return;
      }
      let group = groups.get(leader);
      if (!group) groups.set(leader, (group = []));
      group.push(partition);
    });
    this.groups = groups;
    // A partition without a leader is looked up again until it has one.
    if (unknown) this.stale = true;
  }
}
