/**
 * The offsets of one partition that were read, as sorted, disjoint half-open ranges [start, end). Reads come in
 * runs of consecutive offsets, so this stays a few ranges however many records there are; a range read again
 * (a consumer that rejoined its group and started from its last commit) adds nothing.
 */
export class OffsetRanges {
  private readonly ranges: [number, number][] = [];

  /** Adds [start, end); returns how many of those offsets were not there before. */
  add(start: number, end: number): number {
    if (end <= start) return 0;
    const r = this.ranges;
    const last = r[r.length - 1];
    // The common case: the next run of a partition read in order.
    if (last === undefined || start > last[1]) {
      r.push([start, end]);
      return end - start;
    }
    if (start === last[1]) {
      last[1] = end;
      return end - start;
    }
    return this.merge(start, end);
  }

  /** Offsets covered. */
  get size(): number {
    return this.ranges.reduce((n, [s, e]) => n + e - s, 0);
  }

  private merge(start: number, end: number): number {
    const r = this.ranges;
    let i = 0;
    while (i < r.length && r[i]![1] < start) i++;
    let added = 0;
    let cursor = start;
    let j = i;
    let mergedStart = start;
    let mergedEnd = end;
    for (; j < r.length && r[j]![0] <= end; j++) {
      const [s, e] = r[j]!;
      if (s > cursor) added += s - cursor;
      cursor = Math.max(cursor, e);
      mergedStart = Math.min(mergedStart, s);
      mergedEnd = Math.max(mergedEnd, e);
    }
    if (cursor < end) added += end - cursor;
    r.splice(i, j - i, [mergedStart, mergedEnd]);
    return added;
  }
}
