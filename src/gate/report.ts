import type { GateOutcome } from './assertions.js';

/** A gate's figure: to 3 decimals, whole and grouped from 1,000 up; n/a when there is none. */
export function gateFigure(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  return Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toFixed(3)).toString();
}

/** One line per gate: PASS/FAIL, the expression, the actual value and the limit. */
export function gateLines(outcomes: readonly GateOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.gate.length));
  return outcomes
    .map((o) => `${o.passed ? 'PASS' : 'FAIL'}  ${o.gate.padEnd(width)}  actual ${gateFigure(o.actual)} ${o.unit}, limit ${gateFigure(o.limit)} ${o.unit}`)
    .join('\n');
}
