/** A `.properties` text that Java's `Properties.load` would reject too. */
export class PropertiesSyntaxError extends Error {}

/**
 * A parser for Java `.properties` files, following `java.util.Properties.load`: `#` and `!` comments,
 * `=`, `:` or white space between key and value, backslash escapes (`\t`, `\n`, `\uXXXX`, any other char
 * stands for itself) and lines continued by an odd number of trailing backslashes.
 */
export function parseJavaProperties(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const logical of logicalLines(text)) {
    const { key, value } = splitKeyValue(logical);
    result.set(unescape(key), unescape(value));
  }
  return result;
}

function* logicalLines(text: string): Generator<string> {
  const lines = text.split(/\r\n|\r|\n/);
  let pending: string | undefined;
  for (const raw of lines) {
    // Leading white space is dropped on every physical line, continuation lines included.
    const line = raw.replace(/^[ \t\f]+/, '');
    if (pending === undefined && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    const continued = endsWithOddBackslashes(line);
    const body = continued ? line.slice(0, -1) : line;
    pending = (pending ?? '') + body;
    if (!continued) {
      yield pending;
      pending = undefined;
    }
  }
  if (pending !== undefined) yield pending;
}

function endsWithOddBackslashes(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

function splitKeyValue(line: string): { key: string; value: string } {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
    i++;
  }
  const key = line.slice(0, i);
  let rest = line.slice(i);
  // The separator is white space, optionally followed by one '=' or ':' and more white space.
  rest = rest.replace(/^[ \t\f]*/, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
  return { key, value: rest };
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[++i];
    if (next === undefined) break;
    switch (next) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        const hex = s.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PropertiesSyntaxError(`'\\u${hex}' is not a \\uxxxx escape`);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default: out += next;
    }
  }
  return out;
}
