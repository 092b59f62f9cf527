import { UsageError } from '../errors.js';

/**
 * Expands unique prefixes of long flags (`--num-record` -> `--num-records`), as Kafka's argparse4j does,
 * so Java command lines run as pasted. Exact names always win; an ambiguous prefix is a usage error.
 * Arguments after a bare `--` are left alone.
 */
export function expandFlagPrefixes(argv: readonly string[], longFlags: readonly string[]): string[] {
  const known = new Set(longFlags);
  const out: string[] = [];
  let passthrough = false;
  for (const arg of argv) {
    if (passthrough || !arg.startsWith('--') || arg === '--') {
      if (arg === '--') passthrough = true;
      out.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const rest = eq === -1 ? '' : arg.slice(eq);
    if (known.has(name)) {
      out.push(arg);
      continue;
    }
    const matches = longFlags.filter((f) => f.startsWith(name));
    if (matches.length > 1) {
      throw new UsageError(`${name}: ambiguous option, could match ${matches.join(', ')}`);
    }
    out.push(matches.length === 1 ? matches[0] + rest : arg);
  }
  return out;
}
