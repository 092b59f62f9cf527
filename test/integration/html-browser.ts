import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). playwright-core never downloads one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where tests keep screenshots (git-ignored). */
export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** What a headless browser saw of a report page. */
export interface PageCheck {
  /** Charts the page's script reports having drawn. */
  readonly rendered: number;
  /** Each chart canvas: its id, size in CSS pixels, and how many pixels carry a series colour. */
  readonly charts: ReadonlyArray<{ id: string; width: number; height: number; seriesPixels: number }>;
  readonly consoleErrors: readonly string[];
  /** Every URL the page asked for, the page itself included. */
  readonly requests: readonly string[];
}

/**
 * Runs in the page (a string: this project compiles without the DOM's types): each chart's canvas size, and
 * the pixels drawn in one of the series' colours.
 */
const MEASURE_CHARTS = `(() => {
  const series = JSON.parse(document.getElementById('report-data').textContent).charts.percentiles.series;
  const rgb = [...new Set(series.map((s) => s.color))].map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  return [...document.querySelectorAll('.chart')].map((chart) => {
    const canvas = chart.querySelector('canvas');
    if (!canvas) return { id: chart.id, width: 0, height: 0, seriesPixels: 0 };
    const box = canvas.getBoundingClientRect();
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let seriesPixels = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] < 200) continue;
      if (rgb.some(([r, g, b]) => Math.abs(data[p] - r) < 12 && Math.abs(data[p + 1] - g) < 12 && Math.abs(data[p + 2] - b) < 12)) seriesPixels++;
    }
    return { id: chart.id, width: box.width, height: box.height, seriesPixels };
  });
})()`;

/**
 * Opens an HTML report in headless Chromium, offline, optionally clicks something, and reports what was drawn,
 * logged and requested; keeps a screenshot under test-artifacts/.
 */
export async function openReport(file: string, screenshotName: string, options: { click?: string } = {}): Promise<PageCheck> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'perf-test-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  try {
    const url = pathToFileURL(file).href;
    // Nothing but the report itself may load; anything else is recorded, then refused.
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts-rendered]', { timeout: 15_000 });
    const rendered = Number(await page.getAttribute('html', 'data-charts-rendered'));
    if (options.click) {
      await page.click(options.click);
      await page.waitForTimeout(200);
    }
    const charts = (await page.evaluate(MEASURE_CHARTS)) as PageCheck['charts'];
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL(screenshotName, ARTIFACTS).pathname, fullPage: true });
    return { rendered, charts, consoleErrors, requests };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
