import { describe, expect, it } from 'vitest';
import { OffsetRanges } from '../../../src/metrics/offset-ranges.js';

describe('OffsetRanges', () => {
  it('counts offsets read in order once each', () => {
    const r = new OffsetRanges();
    expect(r.add(0, 100)).toBe(100);
    expect(r.add(100, 150)).toBe(50);
    expect(r.add(200, 210)).toBe(10);
    expect(r.size).toBe(160);
  });

  it('adds nothing for offsets read again, and only the new ones of a partly new range', () => {
    const r = new OffsetRanges();
    r.add(0, 100);
    r.add(200, 300);
    expect(r.add(50, 100)).toBe(0); // a consumer that rejoined its group re-reads from its last commit
    expect(r.add(80, 120)).toBe(20);
    expect(r.add(90, 250)).toBe(80); // fills 120..200 and joins the two ranges
    expect(r.add(0, 300)).toBe(0);
    expect(r.size).toBe(300);
    expect(r.add(299, 301)).toBe(1);
    expect(r.add(5, 5)).toBe(0);
  });
});
