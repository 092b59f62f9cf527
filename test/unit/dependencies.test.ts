import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the layers of src/ (.dependency-cruiser.mjs)', () => {
  it('has no import cycle, no import of test/ and no import upward', async () => {
    const options = await extractDepcruiseOptions(`${ROOT}.dependency-cruiser.mjs`);
    const { output } = await cruise(['src'], { ...options, baseDir: ROOT }, undefined, { tsConfig: extractTSConfig(`${ROOT}tsconfig.json`) });
    const { summary } = output as ICruiseResult;
    const violations = summary.violations.map((v) =>
      `${v.rule.name}: ${v.from} -> ${v.cycle ? v.cycle.map((c) => c.name).join(' -> ') : v.to}`);
    expect(violations).toEqual([]);
    // The rules looked at the whole of src/, not at nothing.
    expect(summary.totalCruised).toBeGreaterThan(90);
  }, 30_000);
});

describe('the files of src/', () => {
  it('are at most 300 lines each: a file that grows past it is split by concern', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const long = files.map((f) => ({ f, lines: readFileSync(join(ROOT, 'src', f), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300).map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
    expect(files.length).toBeGreaterThan(90);
  });
});
