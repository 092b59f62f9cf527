/**
 * Splits `total` into `parts` whole shares that differ by at most one and add up to `total` exactly;
 * the first `total % parts` shares get the extra one.
 */
export function splitExactly(total: number, parts: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number >= 0, got ${total}`);
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number >= 1, got ${parts}`);
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Splits a rate evenly; the shares add up to `total` up to floating point. */
export function splitRate(total: number, parts: number): number[] {
  return Array.from({ length: parts }, () => total / parts);
}
