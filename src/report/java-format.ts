/**
 * `String.format("%.Nf")` as Java prints it: Java rounds the shortest decimal form of the double HALF_UP,
 * where JavaScript's `toFixed` rounds the exact binary value (1.005 is "1.01" in Java, "1.00" in JS).
 * Kafka's lines must match Java's byte for byte.
 */
export function javaFixed(value: number, decimals: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const negative = value < 0 || Object.is(value, -0);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(value).toString());
  if (!m) throw new Error(`unexpected number form: ${value}`);
  let digits = (m[1] ?? '') + (m[2] ?? '');
  let point = (m[1] ?? '').length + Number(m[3] ?? 0);
  // Normalise so that `point` is within or at the end of `digits`.
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const keep = point + decimals;
  let kept = digits.slice(0, keep).padEnd(keep, '0');
  if (digits.length > keep && digits.charCodeAt(keep) >= 53 /* '5' */) {
    kept = incrementDecimal(kept);
    if (kept.length > keep) point++;
  }
  const intPart = kept.slice(0, kept.length - decimals) || '0';
  const fracPart = kept.slice(kept.length - decimals);
  const body = decimals > 0 ? `${stripLeadingZeros(intPart)}.${fracPart}` : stripLeadingZeros(intPart);
  return negative ? `-${body}` : body;
}

/** Java's `%d` of a whole number. */
export function javaInt(value: number): string {
  return Math.trunc(value).toString();
}

function incrementDecimal(s: string): string {
  const chars = s.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') chars[i] = '0';
    else {
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

function stripLeadingZeros(s: string): string {
  const t = s.replace(/^0+/, '');
  return t === '' ? '0' : t;
}
