import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, badValue } from '../errors.js';
import { PropertiesSyntaxError, parseJavaProperties } from './java-properties.js';

/** Reads a file named by a flag, turning every failure into a usage error naming the flag. */
export function readTextFile(flag: string, path: string, allowEmpty = false): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw badValue(flag, path, 'is a directory, not a file');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(e)})`;
    throw badValue(flag, path, why);
  }
  if (!allowEmpty && text.length === 0) throw badValue(flag, path, 'is empty');
  return text;
}

/** Reads and parses a Java properties file named by a flag; a syntax error is a usage error naming the flag. */
export function readPropertiesFile(flag: string, path: string): Map<string, string> {
  try {
    return parseJavaProperties(readTextFile(flag, path, true));
  } catch (e) {
    if (e instanceof PropertiesSyntaxError) throw badValue(flag, path, `has a malformed escape: ${e.message}`);
    throw e;
  }
}

/** Reads and parses a JSON file named by a flag; invalid JSON is a usage error naming the flag. */
export function readJsonFile(flag: string, path: string): unknown {
  const text = readTextFile(flag, path);
  try {
    return JSON.parse(text);
  } catch {
    throw badValue(flag, path, 'is not valid JSON');
  }
}

/**
 * Checks, without writing anything, that a file named by a flag (--html, --hdr-log) can be written once the run
 * is over: a usage error naming the flag when it is a directory, read-only, or in a directory that does not
 * exist or cannot be written. A run of an hour must not find that out at its end.
 */
export function checkWritableFile(flag: string, path: string): void {
  if (path.trim() === '') throw badValue(flag, path, 'is not a file name');
  const target = statOf(path);
  if (target.kind === 'error') throw badValue(flag, path, `cannot be written (${target.code})`);
  if (target.kind === 'exists') {
    if (target.directory) throw badValue(flag, path, 'is a directory, not a file');
    if (!writable(path)) throw badValue(flag, path, 'cannot be written (permission denied)');
    return;
  }
  const dir = dirname(resolve(path));
  const parent = statOf(dir);
  if (parent.kind === 'missing') throw badValue(flag, path, `cannot be written: directory ${dir} does not exist`);
  if (parent.kind === 'error' || !parent.directory) throw badValue(flag, path, `cannot be written: ${dir} is not a directory`);
  if (!writable(dir)) throw badValue(flag, path, `cannot be written: directory ${dir} is not writable (permission denied)`);
}

type Stat = { kind: 'exists'; directory: boolean } | { kind: 'missing' } | { kind: 'error'; code: string };

function statOf(path: string): Stat {
  try {
    return { kind: 'exists', directory: statSync(path).isDirectory() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    // ENOTDIR: a directory on the way is a file, so this path does not exist either.
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'error', code };
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
