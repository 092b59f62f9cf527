import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../benchmarks/hot-path/hot-path.mjs', import.meta.url));

// The bench drives the built producer, record loop and encoder directly (no broker), so it breaks when their
// options change: a few thousand records keep it running.
describe('benchmarks/hot-path', () => {
  it('runs the record loop and the encoder of the build, and prints its table', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '5000', '--encode', 'ours', '--sizes', '100'], { timeout: 60_000 });
    expect(stdout).toMatch(/^requests encoded by perf-test's encoder: \d+ bytes$/m);
    expect(stdout).toMatch(/^\| 100 B \| no \| \d+ \| [\d,]+ \|$/m);
    expect(stdout).toMatch(/^\| 100 B \| yes \| \d+ \| [\d,]+ \|$/m);
  });
});
