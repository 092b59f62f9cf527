import * as fs from 'node:fs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { ExitCode } from '../../../src/errors.js';
import { fakeResult } from '../../support/fake-result.js';
import { runMain } from '../../support/run-main.js';

// A disk that fills up after the run: writes of files named full-disk.* fail, everything else is the real fs.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeFileSync: vi.fn((...args: Parameters<typeof real.writeFileSync>) => {
      if (String(args[0]).includes('full-disk.')) throw new Error('ENOSPC: no space left on device');
      return real.writeFileSync(...args);
    }),
  };
});

const dir = mkdtempSync(join(tmpdir(), 'perf-test-output-'));
const missingDir = join(dir, 'no-such-dir');
const aDir = join(dir, 'a-directory');
mkdirSync(aDir);
const result = join(dir, 'result.json');
writeFileSync(result, JSON.stringify(fakeResult({ latenciesUs: [100, 200, 300], durationMs: 1000 })));
// Nothing listens on port 1: a run that got as far as connecting would exit 3, not 2.
const unreachable = ['--bootstrap-server', '127.0.0.1:1', '--num-records', '10'];

beforeEach(() => {
  vi.mocked(fs.writeFileSync).mockClear();
});

describe('report files are checked before anything connects', () => {
  it.each([
    ['produce', [...unreachable, '--html', join(missingDir, 'r.html')], '--html', `cannot be written: directory ${missingDir} does not exist`],
    ['produce', [...unreachable, '--hdr-log', aDir], '--hdr-log', 'is a directory, not a file'],
    ['e2e', ['e2e', ...unreachable, '--hdr-log', join(missingDir, 'r.hdr')], '--hdr-log', `cannot be written: directory ${missingDir} does not exist`],
    ['compare', ['compare', '--matrix', 'acks=1,all', ...unreachable, '--html', join(result, 'r.html')], '--html', `cannot be written: ${result} is not a directory`],
    ['merge', ['merge', result, '--html', join(missingDir, 'm.html')], '--html', `cannot be written: directory ${missingDir} does not exist`],
    ['report', ['report', result, '--html', join(missingDir, 'r.html')], '--html', `cannot be written: directory ${missingDir} does not exist`],
  ])('%s: a bad path is a usage error naming the flag and the path', async (_command, argv, flag, why) => {
    const run = await runMain(argv);
    expect(run.code).toBe(ExitCode.Usage);
    const path = argv[argv.indexOf(flag) + 1];
    expect(run.stderr).toBe(`Error: ${flag}: '${path}' ${why}\n`);
    expect(run.stdout).toBe('');
    expect(fs.writeFileSync).not.toHaveBeenCalled();
  });

  it('refuses one file for both --hdr-log and --html, and an empty name', async () => {
    const same = join(dir, 'same');
    expect((await runMain([...unreachable, '--hdr-log', same, '--html', same])).stderr)
      .toBe(`Error: --hdr-log and --html name the same file '${same}'; give each its own\n`);
    expect((await runMain([...unreachable, '--html', ' '])).stderr).toBe("Error: --html: ' ' is not a file name\n");
  });

  it('refuses --hdr-log and --html for consume, which measures no latency', async () => {
    const run = await runMain(['consume', '--bootstrap-server', '127.0.0.1:1', '--hdr-log', join(dir, 'c.hdr')]);
    expect(run.code).toBe(ExitCode.Usage);
    expect(run.stderr).toBe('Error: --hdr-log is not available for consume (it has no latency to record): use perf-test e2e --hdr-log\n');
  });
});

describe('report files are written after the result is printed', () => {
  it('prints the result first, then writes every file', async () => {
    const events: string[] = [];
    vi.mocked(fs.writeFileSync).mockImplementationOnce(() => void events.push('write --hdr-log'));
    const hdr = join(dir, 'merged.hdr');
    const code = await main(['merge', result, '--json', '--hdr-log', hdr], {
      out: () => events.push('stdout'),
      err: (text) => events.push(`stderr ${text}`),
    });
    expect(code).toBe(ExitCode.Ok);
    expect(events).toEqual(['stdout', 'write --hdr-log']);
  });

  it('keeps the gate\'s exit code when a file cannot be written, and writes the others', async () => {
    const html = join(dir, 'ok.html');
    const run = await runMain(['merge', result, '--json', '--assert', 'p99 < 0.1ms', '--hdr-log', join(dir, 'full-disk.hdr'), '--html', html]);
    expect(run.code).toBe(ExitCode.GateFailed);
    expect(JSON.parse(run.stdout).gates[0]).toMatchObject({ gate: 'p99 < 0.1ms', passed: false });
    expect(run.stderr).toContain(`Error: --hdr-log: cannot write '${join(dir, 'full-disk.hdr')}': ENOSPC: no space left on device\n`);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('exits 3 for a file it could not write when the run itself passed', async () => {
    const run = await runMain(['merge', result, '--assert', 'p99 < 1ms', '--html', join(dir, 'full-disk.html')]);
    expect(run.code).toBe(ExitCode.Setup);
    expect(run.stdout).toContain('PASS  p99 < 1ms');
    expect(run.stderr).toBe(`Error: --html: cannot write '${join(dir, 'full-disk.html')}': ENOSPC: no space left on device\n`);
    expect(existsSync(join(dir, 'full-disk.html'))).toBe(false);
  });
});
