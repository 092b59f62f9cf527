import type { GateOutcome } from './assertions.js';

/** A gate's figure: to 3 decimals, whole and grouped from 1,000 up; n/a when there is none. */
export function gateFigure(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  return Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toFixed(3)).toString();
}

/** A gate's result: PASS or FAIL, or a baseline verdict's INCONCLUSIVE. */
export function gateResult(o: GateOutcome): 'PASS' | 'FAIL' | 'INCONCLUSIVE' {
  return o.verdict === 'inconclusive' ? 'INCONCLUSIVE' : o.passed ? 'PASS' : 'FAIL';
}

/** One line per gate: its result, the expression, the actual value (a baseline verdict's: the mean) and the limit. */
export function gateLines(outcomes: readonly GateOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.gate.length));
  const label = Math.max(...outcomes.map((o) => gateResult(o).length));
  return outcomes
    .map((o) => `${gateResult(o).padEnd(label)}  ${o.gate.padEnd(width)}  actual ${o.verdict ? 'mean ' : ''}${gateFigure(o.actual)} ${o.unit}, limit ${gateFigure(o.limit)} ${o.unit}`)
    .join('\n');
}
