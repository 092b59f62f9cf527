import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/errors.js';
import type { ProduceResult } from '../../../src/report/result.js';
import { fakeResult } from '../../support/fake-result.js';
import { runMain } from '../../support/run-main.js';
import { expectValid } from '../../support/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'perf-test-merge-'));
function saved(name: string, r: ProduceResult): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(r));
  return file;
}

// Two e2e shards: 3 acked and consumed, and 3 acked of which 1 was consumed (2 missing).
const c = saved('c', fakeResult({ latenciesUs: [100, 100, 100], durationMs: 1000, endToEndUs: [500, 700, 900] }));
const d = saved('d', fakeResult({ latenciesUs: [100, 100, 100], durationMs: 1000, endToEndUs: [1500] }));
const complete = saved('complete', fakeResult({ latenciesUs: [100, 100, 100], durationMs: 1000, endToEndUs: [500, 700, 900] }));

describe('perf-test merge of e2e results', () => {
  it('keeps what the consumers saw, in a valid result, and exits 4 for the missing records', async () => {
    const run = await runMain(['merge', c, d, '--json']);
    expect(run.code).toBe(ExitCode.RecordsFailed);
    const merged = JSON.parse(run.stdout);
    expectValid(merged);
    expect(merged.mode).toBe('e2e');
    expect(merged.consumed).toEqual({ records: 4, missing: 2 });
    expect(merged.endToEndLatencyMs).toEqual({ avg: 0.9, min: 0.5, max: 1.5, p50: 0.7, p95: 1.5, p99: 1.5, p999: 1.5 });
  });

  it('judges end-to-end gates on the merged figures: a failed gate exits 1, before the missing records', async () => {
    expect((await runMain(['merge', c, d, '--json', '--assert', 'e2e.p99 < 2ms'])).code).toBe(ExitCode.RecordsFailed);
    const failing = await runMain(['merge', c, d, '--json', '--assert', 'e2e.p99 < 1ms']);
    expect(failing.code).toBe(ExitCode.GateFailed);
    expect(JSON.parse(failing.stdout).gates).toEqual([{ gate: 'e2e.p99 < 1ms', actual: 1.5, limit: 1, unit: 'ms', passed: false }]);
    expect((await runMain(['merge', c, complete, '--assert', 'e2e.p99 < 1ms'])).code).toBe(ExitCode.Ok);
  });

  it('shows the consumers in the default and Markdown reports', async () => {
    expect((await runMain(['merge', c, d])).stdout).toContain('Consumed 4 records; 2 acked records were never consumed (missing).');
    expect((await runMain(['merge', c, d, '--markdown'])).stdout).toContain('Consumed 4 records, 2 missing.');
  });
});
