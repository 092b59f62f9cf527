/** The report page's stylesheet: system fonts only, so nothing is fetched. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --best: #e6f4ea; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 2px; }
.notes { color: var(--muted); margin: 2px 0 10px; font-size: 13px; }
.workload { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 10px 0 18px; }
.workload div { display: flex; gap: 6px; }
.workload dt { color: var(--muted); }
.workload dd { margin: 0; font-weight: 600; }
table.summary { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.summary th, table.summary td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; white-space: nowrap; }
table.summary th { font-weight: 600; border-bottom-width: 2px; }
table.summary td.num { text-align: right; }
table.summary td.best { font-weight: 700; background: var(--best); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; }
.chart { width: 100%; min-height: 300px; }
button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid var(--line); border-radius: 4px; background: #f6f8fa; cursor: pointer; }
@media print { button { display: none; } }
.uplot { font-family: inherit; }
@media print { body { padding: 0; } section { break-inside: avoid; } }
`;
