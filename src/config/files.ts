import { readFileSync, statSync } from 'node:fs';
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
