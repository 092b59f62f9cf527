import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The charting library the report inlines: uPlot's minified browser build and its stylesheet. */
export interface ChartAssets {
  readonly script: string;
  readonly style: string;
}

let cached: ChartAssets | undefined;

/**
 * Reads uPlot from node_modules (it is a dependency, so an installed perf-test has it): the report inlines it,
 * so the file opens offline and makes no request.
 */
export function chartAssets(): ChartAssets {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8');
    cached = Object.freeze({ script: read('uPlot.iife.min.js'), style: read('uPlot.min.css') });
  }
  return cached;
}
