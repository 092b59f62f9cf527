import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hdr from 'hdr-histogram-js';
import { countRecords, runCli, runJson, uniqueTopic } from './helpers.js';
import { expectValid } from '../support/schema.js';


const tmp = () => mkdtempSync(join(tmpdir(), 'perf-test-gates-'));

describe('CI gates and durable results, against a real broker', () => {
  it('exits 0 when gates hold, 1 when one fails', async () => {
    const base = ['--num-records', '2000', '--record-size', '100', '--topic', uniqueTopic('gate')];
    const holding = await runCli([...base, '--assert', 'p99 < 60s', '--assert', 'errors == 0', '--assert', 'throughput > 1 rec/s']);
    expect(holding.code).toBe(0);
    expect(holding.stdout).toMatch(/PASS {2}p99 < 60s/);

    const failing = await runCli([...base, '--assert', 'throughput >= 100000000 rec/s', '--format', 'kafka']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/FAIL {2}throughput >= 100000000 rec\/s {2}actual [\d,.]+ rec\/s, limit 100,000,000 rec\/s/);
  });

  it('writes JSON that its committed schema accepts, gates included', async () => {
    const { run, result } = await runJson(['--num-records', '3000', '--record-size', '100', '--throughput', '3000', '--warmup-records', '500',
      '--topic', uniqueTopic('schema'), '--reporting-interval', '300', '--assert', 'intended.p99 < 60s']);
    expect(run.code).toBe(0);
    expectValid(result);
    expect(result.gates).toHaveLength(1);
    expect(result.steadyState.records).toBe(2500);
    expect(result.intervals.length).toBeGreaterThan(1);
  });

  it('fails a baseline that is 1000x faster than reality, naming the metric and the change', async () => {
    const dir = tmp();
    const topic = uniqueTopic('baseline');
    const first = await runJson(['--num-records', '5000', '--record-size', '100', '--topic', topic]);
    const faster = { ...first.result, throughput: { recordsPerSec: first.result.throughput.recordsPerSec * 1000, mbPerSec: first.result.throughput.mbPerSec * 1000 } };
    const path = join(dir, 'baseline.json');
    writeFileSync(path, JSON.stringify(faster));
    const again = await runCli(['--num-records', '5000', '--record-size', '100', '--topic', topic, '--baseline', path, '--max-regression', '10%']);
    expect(again.code).toBe(1);
    // -99.9% against the same speed; the second run, on a topic that exists by then, may well be faster.
    expect(again.stdout).toMatch(/FAIL {2}throughput vs baseline \d+ rec\/s \(-99\.\d%, max regression 10\.0%\)/);
    // The same result as its own baseline passes.
    writeFileSync(path, JSON.stringify(first.result));
    const same = await runCli(['--num-records', '5000', '--record-size', '100', '--topic', topic, '--baseline', path, '--max-regression', '1000%']);
    expect(same.code).toBe(0);
  });

  it('merges three concurrent processes exactly', async () => {
    const dir = tmp();
    const topic = uniqueTopic('merge');
    const shards = await Promise.all([0, 1, 2].map((i) => runJson(['--num-records', '90000', '--record-size', '100', '--topic', topic, '--shard', `${i}/3`, '--reporting-interval', '500'])));
    const files = shards.map(({ run, result }, i) => {
      expect(run.code).toBe(0);
      expect(result.records.acked).toBe(30000);
      const file = join(dir, `part-${i}.json`);
      writeFileSync(file, JSON.stringify(result));
      return file;
    });
    expect(await countRecords(topic)).toBe(90000);
    const merged = await runCli(['merge', ...files, '--json']);
    expect(merged.code).toBe(0);
    const m = JSON.parse(merged.stdout);
    expectValid(m);
    expect(m.records).toEqual({ sent: 90000, acked: 90000, failed: 0, abandoned: 0 });
    expect(m.mergedFrom).toBe(3);
    expect(m.latencyMs.max).toBe(Math.max(...shards.map((s) => s.result.latencyMs.max)));
    const h = hdr.decodeFromCompressedBase64(m.histogram, 64, false);
    expect(h.totalCount).toBe(90000);
    const starts = shards.map((s) => Date.parse(s.result.startedAt));
    const ends = shards.map((s) => Date.parse(s.result.endedAt));
    expect(m.durationMs).toBe(Math.max(...ends) - Math.min(...starts));
    expect(m.intervals.reduce((sum: number, i: { records: number }) => sum + i.records, 0)).toBe(90000);

    const text = await runCli(['merge', ...files, '--format', 'kafka']);
    expect(text.stdout).toMatch(/^90000 records sent, /);
  });

  it('writes an HdrHistogram interval log that reads back with the same total count', async () => {
    const dir = tmp();
    const log = join(dir, 'run.hlog');
    const { result } = await runJson(['--num-records', '20000', '--record-size', '100', '--throughput', '10000', '--topic', uniqueTopic('hlog'), '--reporting-interval', '500', '--hdr-log', log]);
    const text = readFileSync(log, 'utf8');
    expect(text.split('\n')[0]).toBe('#[Histogram log format version 1.3]');
    const reader = new hdr.HistogramLogReader(text);
    let total = 0;
    let intervals = 0;
    for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
      total += h.totalCount;
      intervals++;
    }
    expect(total).toBe(20000);
    expect(total).toBe(result.records.acked);
    expect(intervals).toBe(result.intervals.length);
  });

  it('prints a Markdown report with --markdown', async () => {
    const run = await runCli(['--num-records', '1000', '--record-size', '100', '--topic', uniqueTopic('md'), '--markdown', '--assert', 'errors == 0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^### perf-test: 1,000 records to `/);
    expect(run.stdout).toContain('| `errors == 0` | 0 records | 0 records | ✅ |');
  });
});
