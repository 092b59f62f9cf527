/**
 * Formats a time with a Java `SimpleDateFormat` pattern, in local time, as Kafka's ConsumerPerformance prints
 * it (default `yyyy-MM-dd HH:mm:ss:SSS`). Supports y, M, d, H, h, m, s, S, a, E and quoted literals.
 */
export function javaDateFormat(pattern: string, epochMs: number): string {
  const d = new Date(epochMs);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end === -1 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    out += field(c, n, d);
    i += n;
  }
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function field(c: string, n: number, d: Date): string {
  switch (c) {
    case 'y': return n === 2 ? pad(d.getFullYear() % 100, 2) : pad(d.getFullYear(), n);
    case 'M': return n >= 3 ? MONTHS[d.getMonth()]! : pad(d.getMonth() + 1, n);
    case 'd': return pad(d.getDate(), n);
    case 'H': return pad(d.getHours(), n);
    case 'h': return pad(d.getHours() % 12 || 12, n);
    case 'm': return pad(d.getMinutes(), n);
    case 's': return pad(d.getSeconds(), n);
    case 'S': return pad(d.getMilliseconds(), n);
    case 'a': return d.getHours() < 12 ? 'AM' : 'PM';
    case 'E': return DAYS[d.getDay()]!;
    default: return c.repeat(n);
  }
}
