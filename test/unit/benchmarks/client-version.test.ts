import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../benchmarks/client-version/run.mjs', import.meta.url));
const run = (...args: string[]) => promisify(execFile)(process.execPath, [SCRIPT, ...args], { timeout: 30_000 });

// Neither case builds, installs or starts a broker: they end before any of that.
describe('benchmarks/client-version/run.mjs', () => {
  it('--help says what it does and names every option it takes', async () => {
    const { stdout, stderr } = await run('--help');
    expect(stdout).toMatch(/^Usage: node benchmarks\/client-version\/run\.mjs/);
    for (const option of ['--candidate VERSION', '--node MAJOR', '--scale N', '--repeats N', '--results DIR', '-h, --help']) expect(stdout).toContain(option);
    expect(stderr).toBe('');
  });

  it('an unknown option is one line naming it, exit 2', async () => {
    const failed = await run('--candidat', '2.0.0').then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bench: Unknown option '--candidat'/)]);
  });
});
