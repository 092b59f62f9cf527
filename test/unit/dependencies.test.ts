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
