import type { GateOutcome } from './assertions.js';

function figure(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  return Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toFixed(3)).toString();
}

/** One line per gate: PASS/FAIL, the expression, the actual value and the limit. */
export function gateLines(outcomes: readonly GateOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.gate.length));
  return outcomes
    .map((o) => `${o.passed ? 'PASS' : 'FAIL'}  ${o.gate.padEnd(width)}  actual ${figure(o.actual)} ${o.unit}, limit ${figure(o.limit)} ${o.unit}`)
    .join('\n');
}
