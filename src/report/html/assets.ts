import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the report inlines: uPlot's minified browser build and its stylesheet, and the page's own script. */
export interface ChartAssets {
  readonly script: string;
  readonly style: string;
  /** client/charts.ts, compiled: it draws the page's charts with uPlot. */
  readonly pageScript: string;
}

let cached: ChartAssets | undefined;

/**
 * Reads uPlot from node_modules (it is a dependency, so an installed perf-test has it) and the page's script
 * from beside this module: the report inlines them, so the file opens offline and makes no request.
 */
export function chartAssets(): ChartAssets {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8');
    cached = Object.freeze({ script: read('uPlot.iife.min.js'), style: read('uPlot.min.css'), pageScript: pageScript() });
  }
  return cached;
}

/** client/charts.js, which `npm run build` compiles from client/charts.ts (see client/tsconfig.json). */
function pageScript(): string {
  const built = new URL('./client/charts.js', import.meta.url);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  // Run from the sources (the tests run src/ as it is): compile the script as the build does. Only a source
  // checkout gets here, and it has TypeScript; an installed perf-test has the built file.
  const source = fileURLToPath(new URL('./client/charts.ts', import.meta.url));
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const options = { target: ts.ScriptTarget.ES2017, alwaysStrict: true };
  return ts.transpileModule(readFileSync(source, 'utf8'), { fileName: source, compilerOptions: options }).outputText;
}
