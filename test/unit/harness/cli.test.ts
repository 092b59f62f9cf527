import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli.js';

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('the harness CLI', () => {
  it('teaches --nodes in its help, with an example', async () => {
    const { code, out, err } = await cli(['--help']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toContain('npm run kafka:start -- --nodes 3');
  });

  it('answers a bad flag with one line and exit code 2, before starting anything', async () => {
    const { code, out, err } = await cli(['start', '--nodes', 'three']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(['Error: invalid --nodes "three": expected a whole number from 1 to 9 (see --help)']);
  });
});
