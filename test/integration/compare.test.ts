import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRecords, runCli, uniqueTopic } from './helpers.js';
import { openReport } from './html-browser.js';
import { expectValid } from '../support/schema.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'perf-test-compare-'));

const MATRIX = ['--matrix', 'acks=1,all', '--matrix', 'batch.size=16384,131072'];
const SETTINGS = [
  { 'acks': '1', 'batch.size': '16384' }, { 'acks': '1', 'batch.size': '131072' },
  { 'acks': 'all', 'batch.size': '16384' }, { 'acks': 'all', 'batch.size': '131072' },
];

describe('perf-test compare, against a real broker', () => {
  it('runs a 2x2 matrix of 20,000 records each: 4 scenarios, all acked, in JSON and HTML', async () => {
    const dir = tmp();
    const html = join(dir, 'compare.html');
    // A cap keeps each run several reporting intervals long whatever the client's speed: the over-time charts need points.
    const run = await runCli(['compare', ...MATRIX, '--num-records', '20000', '--record-size', '512', '--throughput', '10000', '--reporting-interval', '500',
      '--json', '--html', html], { timeoutMs: 110_000 });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expectValid(doc, 'compare');
    expect(doc.scenarios).toHaveLength(4);
    expect(doc.scenarios.map((s: { settings: object }) => s.settings)).toEqual(SETTINGS);
    for (const s of doc.scenarios) {
      expect(s.result.records).toEqual({ sent: 20000, acked: 20000, failed: 0, abandoned: 0 });
      expect(s.figures.acked).toBe(20000);
      expect(s.result.config.producer['acks']).toBe(s.settings.acks === 'all' ? -1 : 1);
      expect(s.result.config.producer['batch.size']).toBe(Number(s.settings['batch.size']));
    }
    // Each scenario on a fresh topic of its own, holding exactly its records.
    const topics = doc.scenarios.map((s: { result: { config: { topic: string } } }) => s.result.config.topic);
    expect(new Set(topics).size).toBe(4);
    for (const t of topics) expect(await countRecords(t)).toBe(20000);
    expect(doc.scenarios[0].vsBaseline).toBeNull();
    expect(doc.scenarios[1].vsBaseline.recordsPerSecPct).toBeTypeOf('number');
    // Progress named each scenario and what was left.
    expect(run.stderr).toContain('Comparing 4 scenario(s) of acks (1, all) x batch.size (16384, 131072).');
    expect(run.stderr).toContain('[1/4] acks=1 batch.size=16384; 3 run(s) after this one');
    expect(run.stderr).toContain('[4/4] acks=all batch.size=131072; the last run');

    // The HTML report draws every chart in a real browser, with no error and no request.
    expect(existsSync(html)).toBe(true);
    const page = await openReport(html, 'compare-2x2.png');
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([`file://${html}`]);
    expect(page.rendered).toBe(4);
    expect(page.charts.map((c) => c.id)).toEqual(['chart-throughput', 'chart-percentiles', 'chart-throughput-time', 'chart-p99-time']);
    for (const c of page.charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(100);
      expect(c.seriesPixels, c.id).toBeGreaterThan(50);
    }

    // The saved document renders again with perf-test report: the same table.
    const file = join(dir, 'compare.json');
    writeFileSync(file, run.stdout);
    const again = await runCli(['report', file, '--html', join(dir, 'again.html')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/│ 4 │ all +│ 131072 +│/);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toContain('perf-test compare: acks × batch.size');
  });

  it('prints a table with repeats, a warmup and another baseline, on one topic when --topic is given', async () => {
    const topic = uniqueTopic('cmp');
    const run = await runCli(['compare', '--matrix', 'record-size=100,1000', '--num-records', '3000', '--topic', topic,
      '--repeat', '3', '--warmup', '500', '--baseline-scenario', 'record-size=1000', '--reporting-interval', '500']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toMatch(/│ # │ record-size │ records\/s +│ MB\/s +│ p50 ms +│ p95 ms +│ p99 ms +│ p99\.9 ms +│ max ms +│ errors │ Δ records\/s │ Δ p99 +│/);
    expect(run.stdout).toMatch(/│ 1 │ 100 +│ [\d,]+ ±\d+\.\d%( \*)? +│/);
    expect(run.stdout).toMatch(/│ 2 │ 1000 +│ .*│ baseline +│ baseline │/);
    expect(run.stdout).toContain('Changes (Δ) are against scenario 2 (record-size=1000).');
    expect(run.stdout).toContain('Figures are medians of 3 runs');
    expect(run.stderr).toContain('[1/2] record-size=100 (warmup run); 7 run(s) after this one');
    expect(run.stderr).toContain('[2/2] record-size=1000 (run 3 of 3); the last run');
    // 2 scenarios x (500 warmup + 3 x 3000) records, all on the one topic.
    expect(await countRecords(topic)).toBe(2 * (500 + 3 * 3000));
  });

  it('judges each scenario by --assert, and exits 1 when one fails', async () => {
    const run = await runCli(['compare', '--matrix', 'linger.ms=0,5', '--num-records', '2000', '--assert', 'errors == 0',
      '--assert', 'throughput >= 100000000 rec/s', '--markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^### perf-test compare: 2 scenario\(s\)/);
    expect(run.stdout).toMatch(/^\| 1 \| `0` \|/m);
    expect(run.stderr).toMatch(/Gates of scenario 2 \(linger\.ms=5\):\nPASS {2}errors == 0 .*\nFAIL {2}throughput >= 100000000 rec\/s/);
  });

  it('stops at Ctrl-C, reports what ran (the interrupted scenario marked as such), and exits 130', async () => {
    // Ctrl-C once the first scenario has reported two intervals.
    const run = await runCli(['compare', '--matrix', 'acks=1,all', '--duration', '20s', '--throughput', '2000', '--reporting-interval', '500', '--json'], {
      onSpawn: (child) => {
        let progress = '';
        child.stderr?.on('data', (d: Buffer) => {
          const before = progress.match(/\[1\/2\] [\d,]+ records\/s/g)?.length ?? 0;
          progress += d.toString();
          if (before < 2 && (progress.match(/\[1\/2\] [\d,]+ records\/s/g)?.length ?? 0) >= 2) child.kill('SIGINT');
        });
      },
    });
    expect(run.code).toBe(130);
    const doc = JSON.parse(run.stdout);
    expect(doc.status).toBe('interrupted');
    expect(doc.scenarioCount).toBe(2);
    expect(doc.scenarios).toHaveLength(1);
    expect(doc.scenarios[0].result.status).toBe('interrupted');
    expect(doc.scenarios[0].result.records.acked).toBeGreaterThan(500);
    expect(run.stderr).toContain('Interrupted: stopping');
    expectValid(doc, 'compare');
  });
});
