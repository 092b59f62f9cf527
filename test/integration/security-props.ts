// Java properties files for the security tests, written as a user would write them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { OAUTH_MODULE, PLAIN_MODULE, SCRAM_MODULE, jaasQuote } from '../../harness/index.js';
import { jaasQuote } from '../../harness/index.js';

/** A sasl.jaas.config value for a login module and user. */
export function jaasConfig(module: string, username: string, password: string): string {
  return `${module} required username=${jaasQuote(username)} password=${jaasQuote(password)};`;
}

/** A value as a .properties file holds it: backslashes doubled, line breaks as \n (Java's escapes). */
function propertyValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/^ /, '\\ ');
}

/** A temp dir for the properties files of one test file. */
export class PropsFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'perf-test-security-props-'));
  private count = 0;

  /** Writes a Java properties file; returns its path. */
  write(props: Readonly<Record<string, string>>): string {
    const file = join(this.dir, `client-${this.count++}.properties`);
    writeFileSync(file, `# written by test/integration/security-props.ts\n${Object.entries(props).map(([k, v]) => `${k}=${propertyValue(v)}`).join('\n')}\n`);
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
