import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson, uniqueTopic } from './helpers.js';
import { expectValid } from '../support/schema.js';

/**
 * 6 s at 2,000 records/s in 500 ms intervals: some 10 interval figures a run, each the p99 of some 1,000 records.
 * The worse settings hold every record up to 500 ms (linger.ms=500, batches large enough not to fill first): a p99
 * far above the baseline's even on a machine busy with other tests.
 */
const workload = (props: readonly string[]) => ['--duration', '6s', '--throughput', '2000', '--record-size', '100', '--reporting-interval', '500',
  '--topic', uniqueTopic('verdict'), '--producer-props', ...props];
const BASE = ['linger.ms=0'];
const WORSE = ['linger.ms=500', 'batch.size=1048576'];

describe('--baseline against a real broker: a verdict from the interval figures', () => {
  it('passes the same settings on throughput and fails a 500 ms linger.ms on p99 (exit 0 and 1), with the verdict table in Markdown', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'perf-test-verdict-')), 'baseline.json');
    const baseline = await runJson(workload(BASE));
    expect(baseline.run.code, baseline.run.stderr).toBe(0);
    writeFileSync(path, JSON.stringify(baseline.result));
    const gate = ['--baseline', path, '--max-regression', '50%'];

    // The same settings, on throughput: a p99 of a few ms swings by tens of percent on a machine busy with other tests.
    const same = await runJson([...workload(BASE), ...gate, '--regression-metrics', 'throughput']);
    expect(same.run.code, JSON.stringify(same.result?.gates)).toBe(0);
    expectValid(same.result);
    for (const g of same.result.gates) {
      expect(g).toMatchObject({ verdict: 'pass', passed: true });
      expect(g.confidence.samples.baseline).toBeGreaterThanOrEqual(6);
      expect(g.confidence.samples.candidate).toBeGreaterThanOrEqual(6);
      expect(g.confidence.lowPct).toBeLessThanOrEqual(g.confidence.highPct);
    }

    const worse = await runCli([...workload(WORSE), ...gate, '--regression-metrics', 'throughput,p99', '--markdown']);
    expect(worse.code, worse.stdout).toBe(1);
    expect(worse.stderr).toMatch(/^FAIL {2}p99 vs baseline [\d.]+ ms: \+\d+\.\d% \(95% interval \+\d+\.\d% \.\. \+\d+\.\d%, \d+ and \d+ intervals, max regression 50\.0%\)/m);
    expect(worse.stdout).toContain('#### Verdicts against the baseline');
    expect(worse.stdout).toMatch(/^\| throughput \| [+-]\d+\.\d% \| .* \| \d+, \d+ \| .+ \|$/m);
    expect(worse.stdout).toMatch(/^\| p99 \| \+\d+\.\d% \| \+\d+\.\d% \.\. \+\d+\.\d% \| \d+, \d+ \| ❌ fail \|$/m);
  }, 120_000);
});
