import { describe, expect, it } from 'vitest';
import { StickyPartitioner } from '../../../src/producer/partitioner.js';

/** The given draws in turn, then 0 (the draw for a switch after the last record asserted on). */
function sequence(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++] ?? 0;
}

describe('StickyPartitioner', () => {
  it('starts on a partition picked at random among all', () => {
    expect(new StickyPartitioner([0, 1, 2], 100, () => 0).partitionFor(1)).toBe(0);
    expect(new StickyPartitioner([0, 1, 2], 100, () => 0.5).partitionFor(1)).toBe(1);
    expect(new StickyPartitioner([0, 1, 2], 100, () => 0.99).partitionFor(1)).toBe(2);
  });

  it('stays on one partition until batch.size bytes went to it, then switches', () => {
    // initial: floor(0.5 * 3) = 1; then among the 2 others: floor(0 * 2) = 0 -> partition 0
    const p = new StickyPartitioner([0, 1, 2], 1000, sequence([0.5, 0]));
    expect([400, 400, 400].map((b) => p.partitionFor(b))).toEqual([1, 1, 1]); // the record that crosses 1000 still goes to 1
    expect(p.partitionFor(400)).toBe(0);
  });

  it('switches after exactly batch.size bytes, and counts from zero on the new partition', () => {
    const p = new StickyPartitioner([0, 1], 100, sequence([0, 0, 0]));
    expect([50, 50].map((b) => p.partitionFor(b))).toEqual([0, 0]);
    expect([50, 49, 1].map((b) => p.partitionFor(b))).toEqual([1, 1, 1]);
    expect(p.partitionFor(1)).toBe(0);
  });

  it('picks uniformly among the other partitions, never the previous one', () => {
    // previous = 1 of [0, 1, 2]: r in [0, 0.5) -> 0, r in [0.5, 1) -> 2
    const picks = [0, 0.49, 0.5, 0.99].map((r) => {
      const p = new StickyPartitioner([0, 1, 2], 1, sequence([0.5, r]));
      p.partitionFor(1); // on 1, then switch
      return p.partitionFor(1);
    });
    expect(picks).toEqual([0, 0, 2, 2]);
  });

  it('never picks the same partition twice in a row, whatever the random draws', () => {
    const draws = Array.from({ length: 400 }, (_, i) => (i * 0.618033988749895) % 1);
    const p = new StickyPartitioner([0, 1, 2, 3, 4], 1, sequence(draws));
    const seen = Array.from({ length: 300 }, () => p.partitionFor(10));
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
    expect(new Set(seen)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('works with partition numbers that are not 0..n-1', () => {
    const p = new StickyPartitioner([3, 7, 9], 1, sequence([0.4, 0.9, 0]));
    expect([1, 1, 1].map((b) => p.partitionFor(b))).toEqual([7, 9, 3]);
  });

  // BUG: pick() compares partition *numbers* with the previous partition to skip it, which only works when
  // the list is sorted; unsorted, it can pick the previous partition again.
  it('switches to another partition even when the partitions are not listed in order', () => {
    // initial floor(0.4 * 3) = index 1 -> partition 0; then floor(0 * 2) = index 0 -> partition 2 (the previous is 0)
    const p = new StickyPartitioner([2, 0, 1], 1, sequence([0.4, 0]));
    const first = p.partitionFor(1);
    expect(first).toBe(0);
    expect(p.partitionFor(1)).not.toBe(first);
  });

  it('stays on the only partition of a one-partition topic without drawing', () => {
    const p = new StickyPartitioner([5], 1, () => { throw new Error('no draw expected'); });
    expect([1, 1, 1].map((b) => p.partitionFor(b))).toEqual([5, 5, 5]);
  });

  it('rejects a topic without partitions', () => {
    expect(() => new StickyPartitioner([], 100)).toThrow(new RangeError('a topic has at least one partition'));
  });
});
