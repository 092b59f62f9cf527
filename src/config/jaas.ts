/**
 * Java's `sasl.jaas.config` syntax, as Kafka's `JaasConfig` reads it with a `java.io.StreamTokenizer`:
 *
 *   <LoginModuleClass> <required|requisite|sufficient|optional> (<key>=<value>)* ;
 *
 * Values are words (letters, digits, `. - _ $`) or quoted strings (`"..."` or `'...'`) with Java's escapes;
 * `//` and `/* *\/` are comments. Kafka takes exactly one entry.
 */

/** The control flags of a JAAS entry (perf-test, like Kafka's client, does not act on them). */
export type JaasControlFlag = 'required' | 'requisite' | 'sufficient' | 'optional';

/** One parsed JAAS login module entry. Option values may be secrets: never print them. */
export interface JaasEntry {
  /** The login module's class name, e.g. `org.apache.kafka.common.security.scram.ScramLoginModule`. */
  readonly loginModule: string;
  readonly controlFlag: JaasControlFlag;
  /** Options in the order given; a repeated key keeps its last value, as in Java. */
  readonly options: ReadonlyMap<string, string>;
}

/**
 * A malformed JAAS config. The message says where and what, but never quotes the text: it holds passwords.
 */
export class JaasSyntaxError extends Error {}

type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'quoted'; readonly text: string }
  | { readonly kind: 'char'; readonly char: string };

const FLAGS: readonly JaasControlFlag[] = ['required', 'requisite', 'sufficient', 'optional'];

/** Option names that are safe to name in an error message (others could be a misplaced secret). */
const NAMEABLE_OPTIONS = /^(username|password|user_[A-Za-z0-9_.-]{1,64}|tokenauth|serviceName|unsecuredLoginStringClaim_sub|clientId|clientSecret|scope)$/;

/** Parses a `sasl.jaas.config` value into its single login module entry. */
export function parseJaasConfig(text: string): JaasEntry {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new JaasSyntaxError('it names no login module');
  let i = 0;
  const entries: JaasEntry[] = [];
  while (i < tokens.length) {
    const { entry, next } = parseEntry(tokens, i, entries.length + 1);
    entries.push(entry);
    i = next;
  }
  if (entries.length !== 1) throw new JaasSyntaxError(`it holds ${entries.length} login modules; Kafka takes exactly 1`);
  return entries[0]!;
}

function parseEntry(tokens: readonly Token[], start: number, ordinal: number): { entry: JaasEntry; next: number } {
  const moduleToken = tokens[start]!;
  if (moduleToken.kind !== 'word') throw new JaasSyntaxError(`entry ${ordinal} does not start with a login module class name`);
  const flagToken = tokens[start + 1];
  if (flagToken === undefined || flagToken.kind !== 'word') {
    throw new JaasSyntaxError('the login module control flag (required, requisite, sufficient or optional) is missing');
  }
  const controlFlag = FLAGS.find((f) => f === flagToken.text.toLowerCase());
  if (controlFlag === undefined) {
    throw new JaasSyntaxError('the login module control flag is not one of required, requisite, sufficient, optional');
  }
  const options = new Map<string, string>();
  let i = start + 2;
  for (;;) {
    const t = tokens[i];
    if (t === undefined) throw new JaasSyntaxError('the entry does not end with a semicolon (;)');
    if (t.kind === 'char' && t.char === ';') break;
    const optionNumber = options.size + 1;
    if (t.kind !== 'word') throw new JaasSyntaxError(`option ${optionNumber} does not start with a name (key=value)`);
    const key = t.text;
    const named = NAMEABLE_OPTIONS.test(key) ? `option '${key}'` : `option ${optionNumber}`;
    const eq = tokens[i + 1];
    if (eq === undefined || eq.kind !== 'char' || eq.char !== '=') throw new JaasSyntaxError(`${named} has no '=' after its name`);
    const value = tokens[i + 2];
    if (value === undefined || value.kind === 'char') throw new JaasSyntaxError(`${named} has no value`);
    options.set(key, value.text);
    i += 3;
  }
  return { entry: { loginModule: moduleToken.text, controlFlag, options }, next: i + 1 };
}

const isWordChar = (c: string): boolean => /[A-Za-z0-9._$-]/.test(c) || c.charCodeAt(0) >= 0xa0;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c.charCodeAt(0) <= 0x20) {
      i++;
    } else if (text.startsWith('//', i)) {
      const end = text.slice(i).search(/[\r\n]/);
      i = end < 0 ? text.length : i + end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new JaasSyntaxError('a /* comment is not closed');
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const { value, next } = readQuoted(text, i + 1, c);
      tokens.push({ kind: 'quoted', text: value });
      i = next;
    } else if (isWordChar(c)) {
      let end = i;
      while (end < text.length && isWordChar(text[end]!)) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end) });
      i = end;
    } else {
      tokens.push({ kind: 'char', char: c });
      i++;
    }
  }
  return tokens;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A quoted string from just after its opening quote, with StreamTokenizer's escapes (\n, \", \\, octal...). */
function readQuoted(text: string, start: number, quote: string): { value: string; next: number } {
  let out = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value: out, next: i + 1 };
    if (c === '\n' || c === '\r') break;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) break;
    const octal = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(text.slice(i + 1, i + 4));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i += 1 + octal[0].length;
    } else {
      out += SIMPLE_ESCAPES[e] ?? e;
      i += 2;
    }
  }
  throw new JaasSyntaxError('a quoted value is not closed on its line');
}
