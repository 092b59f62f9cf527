import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson, uniqueTopic } from './helpers.js';
import { openReport } from './html-browser.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'perf-test-html-'));

describe('--html reports of single runs, in headless Chromium', () => {
  it('draws a rate-capped run: percentiles with the intended-send view, throughput and p99 over time', async () => {
    const dir = tmp();
    const html = join(dir, 'run.html');
    const { run, result } = await runJson(['--num-records', '6000', '--record-size', '200', '--throughput', '3000',
      '--topic', uniqueTopic('html'), '--reporting-interval', '300', '--html', html]);
    expect(run.code, run.stderr).toBe(0);
    expect(result.records.acked).toBe(6000);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain(`<title>perf-test: 6,000 records to ${result.config.topic}</title>`);
    expect(text).toContain('(from intended send)');

    // With the latency axis switched to log scale, which redraws the percentile chart.
    const page = await openReport(html, 'single-run.png', { click: '#latency-scale' });
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([`file://${html}`]);
    // One run: no per-scenario bars, the other three charts drawn.
    expect(page.rendered).toBe(3);
    expect(page.charts.map((c) => c.id)).toEqual(['chart-percentiles', 'chart-throughput-time', 'chart-p99-time']);
    for (const c of page.charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(100);
      expect(c.seriesPixels, c.id).toBeGreaterThan(50);
    }
  });

  it('perf-test report puts saved results side by side, named by their files', async () => {
    const dir = tmp();
    const files = [];
    for (const [name, size] of [['small', '100'], ['large', '4000']] as const) {
      const { run } = await runJson(['--num-records', '3000', '--record-size', size, '--throughput', '3000', '--topic', uniqueTopic('html'), '--reporting-interval', '300']);
      expect(run.code, run.stderr).toBe(0);
      const file = join(dir, `${name}.json`);
      writeFileSync(file, run.stdout);
      files.push(file);
    }
    const html = join(dir, 'both.html');
    const report = await runCli(['report', ...files, '--html', html]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/│ # │ scenario │ records\/s/);
    expect(report.stdout).toMatch(/│ 1 │ small +│/);
    // Both runs are capped at the same rate, so their records/s may differ by nothing at all ("0.0%", unsigned).
    expect(report.stdout).toMatch(/│ 2 │ large +│ .*│ [+-]?\d+\.\d% +│ [+-]?\d+\.\d% +│/);

    const page = await openReport(html, 'report-two-results.png');
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([`file://${html}`]);
    expect(page.rendered).toBe(4);
    expect(page.charts.every((c) => c.width > 300 && c.seriesPixels > 50)).toBe(true);
  });
});
