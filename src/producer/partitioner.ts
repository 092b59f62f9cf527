/**
 * Java's sticky partitioner for records without a key: all records go to one partition until `batch.size`
 * bytes were produced to it, then another partition is picked at random. Batches fill up instead of
 * spreading one record at a time over every partition.
 */
export class StickyPartitioner {
  private current: number;
  private producedBytes = 0;

  constructor(
    private readonly partitions: readonly number[],
    private readonly batchSizeBytes: number,
    private readonly random: () => number = Math.random,
  ) {
    if (partitions.length === 0) throw new RangeError('a topic has at least one partition');
    this.current = this.pick(-1);
  }

  /** The partition of the next record of `bytes` bytes. */
  partitionFor(bytes: number): number {
    const partition = this.current;
    this.producedBytes += bytes;
    if (this.producedBytes >= this.batchSizeBytes) {
      this.producedBytes = 0;
      this.current = this.pick(partition);
    }
    return partition;
  }

  private pick(previous: number): number {
    const n = this.partitions.length;
    if (n === 1) return this.partitions[0]!;
    // Another partition than the previous one, uniformly among the rest (positions, not partition numbers).
    const prev = this.partitions.indexOf(previous);
    let i = Math.floor(this.random() * (prev === -1 ? n : n - 1));
    if (prev !== -1 && i >= prev) i++;
    return this.partitions[i]!;
  }
}
