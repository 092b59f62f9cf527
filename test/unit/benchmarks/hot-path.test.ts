import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../benchmarks/hot-path/hot-path.mjs', import.meta.url));
const ALLOC = fileURLToPath(new URL('../../../benchmarks/hot-path/alloc-profile.mjs', import.meta.url));

// The bench drives the built producer, record loop and encoder directly (no broker), so it breaks when their
// options change: a few thousand records keep it running.
describe('benchmarks/hot-path', () => {
  it('runs the record loop and the encoder of the build, and prints its table', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '5000', '--encode', 'ours', '--sizes', '100'], { timeout: 60_000 });
    expect(stdout).toMatch(/^requests encoded by perf-test's encoder: \d+ bytes$/m);
    expect(stdout).toMatch(/^\| 100 B \| no \| \d+ \| [\d,]+ \|$/m);
    expect(stdout).toMatch(/^\| 100 B \| yes \| \d+ \| [\d,]+ \|$/m);
  }, 60_000);

  it('alloc-profile.mjs runs it under the sampling heap profiler and prints bytes a record by site', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [ALLOC, '5000', '--top', '1000'], { timeout: 60_000 });
    expect(stdout).toMatch(/^\| 100 B \| no \| \d+ \| [\d,]+ \|$/m);
    expect(stdout).toMatch(/^allocated \(sampled, collected objects included\): [\d.]+ B a record$/m);
    // The record loop allocates (its clock readings, its yields): it is among the sites, by function and file.
    expect(stdout).toMatch(/^\| [\d.]+ \| runProduceLoop dist\/worker\/produce-loop\.js:\d+ \|$/m);
  }, 60_000);
});
