// @ts-check
/** The Markdown report of a benchmark result (pure). */

/**
 * @param {number} x
 * @param {number} [digits]
 */
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');

/**
 * @param {{ machine: Record<string, unknown>, settings: Record<string, unknown>, summaries: import('./summary.mjs').ScenarioSummary[], failures: string[],
 *   peers?: { rdkafka?: string } }} result `peers.rdkafka` says which rdkafka_performance ran, or why none did
 * @returns {string}
 */
export function formatMarkdown(result) {
  const lines = ['# perf-test vs Apache Kafka ProducerPerformance and librdkafka rdkafka_performance', ''];
  if (result.peers?.rdkafka !== undefined) lines.push(`librdkafka: ${result.peers.rdkafka}.`, '');
  lines.push(`Machine: ${Object.entries(result.machine).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  lines.push(`Settings: ${Object.entries(result.settings).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : v}`).join('; ')}.`, '');
  const startup = result.summaries.filter((s) => s.kind === 'startup');
  /** @param {string} tool */
  const startupCpu = (tool) => startup[0]?.tools.find((t) => t.tool === tool)?.medianCpuSeconds ?? NaN;
  if (startup.length > 0) {
    lines.push('## Start-up: one record (start, connect, send, stop)', '');
    lines.push('| Tool | wall s | CPU s | peak RSS MiB |', '| --- | ---: | ---: | ---: |');
    for (const t of startup[0]?.tools ?? []) lines.push(`| ${t.tool} | ${fmt(t.medianWallMs / 1000, 2)} | ${fmt(t.medianCpuSeconds, 2)} | ${fmt(t.maxPeakRssMiB)} |`);
    lines.push('');
  }
  /**
   * CPU per million records without the start-up run's CPU.
   * @param {import('./summary.mjs').ToolFigures} t
   */
  const steadyCpu = (t) => ((t.medianCpuSeconds - startupCpu(t.tool)) / t.medianRecords) * 1e6;
  for (const [title, kinds] of /** @type {const} */ ([['Throughput, no cap', ['throughput']],
    ['Long runs, no cap: many records, and a duration (where Java\'s JIT has warmed up)', ['long', 'duration']]])) {
    const tables = result.summaries.filter((s) => /** @type {readonly string[]} */ (kinds).includes(s.kind));
    if (tables.length === 0) continue;
    // The librdkafka column only when librdkafka ran: without its binary the table stays as it was.
    const withRdkafka = tables.some((s) => s.tools.some((t) => t.tool === 'librdkafka'));
    /** @param {import('./summary.mjs').Ratio | undefined} r @param {string} self what the peer's own row shows */
    const ratioCell = (r, self) => (r ? `${fmt(r.median, 2)} (${r.perRound.map((x) => fmt(x, 2)).join(', ')})` : self);
    lines.push(`## ${title}`, '');
    lines.push(`| Scenario | Tool | records/s per round | median records/s | median ratio to Java |${withRdkafka ? ' median ratio to librdkafka |' : ''} peak RSS MiB | CPU s per M records | less start-up |`);
    lines.push(`| --- | --- | --- | ---: | ---: |${withRdkafka ? ' ---: |' : ''} ---: | ---: | ---: |`);
    for (const s of tables) {
      for (const t of s.tools) {
        const toJava = ratioCell(s.ratiosToJava.find((r) => r.tool === t.tool), t.tool === 'java' ? '1' : 'n/a');
        const toRdkafka = ratioCell(s.ratiosToRdkafka.find((r) => r.tool === t.tool), t.tool === 'librdkafka' ? '1' : '');
        lines.push(`| ${s.scenario} | ${t.tool} | ${t.recordsPerSec.map((x) => fmt(x)).join(', ')} | ${fmt(t.medianRecordsPerSec)} | ${toJava} |`
          + `${withRdkafka ? ` ${toRdkafka} |` : ''} ${fmt(t.maxPeakRssMiB)} | ${fmt(t.medianCpuSecondsPerMillion, 1)} | ${fmt(steadyCpu(t), 1)} |`);
      }
    }
    lines.push('');
  }
  const latency = result.summaries.filter((s) => s.kind === 'latency');
  if (latency.length > 0) {
    lines.push('## Latency at a fixed rate (send -> ack, ms, as each tool prints it; medians over rounds)', '');
    lines.push('| Scenario | Tool | records/s | p50 | p99 | avg | peak RSS MiB | CPU s per M records | less start-up |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of latency) {
      for (const t of s.tools) {
        lines.push(`| ${s.scenario} | ${t.tool} | ${fmt(t.medianRecordsPerSec)} | ${fmt(t.medianP50Ms)} | ${fmt(t.medianP99Ms)} | ${fmt(t.medianAvgLatencyMs, 2)} | ${fmt(t.maxPeakRssMiB)} | ${fmt(t.medianCpuSecondsPerMillion, 1)} | ${fmt(steadyCpu(t), 1)} |`);
      }
    }
    lines.push('');
  }
  if (result.failures.length > 0) lines.push('## Failed runs', '', ...result.failures.map((f) => `- ${f}`), '');
  lines.push('CPU seconds are the whole process\'s user + system time (every thread, start-up included) per million records sent; '
    + '"less start-up" subtracts the one-record run\'s CPU first. Peak RSS is the process\'s VmHWM. Latency percentiles are whole ms, '
    + 'as both Kafka tools print them. librdkafka\'s records/s is the `dr_m/s` of the last row of rdkafka_performance\'s `-u` table. '
    + 'The broker runs on the same machine, so its work competes with every tool alike.', '');
  if (result.summaries.some((s) => s.kind === 'duration')) {
    lines.push('In a duration run perf-test stops itself (`--duration`). Java\'s tool cannot: it is given endless records and killed once it '
      + 'has printed a rolling line per 5 s of the duration, and its records/s is those windows\' records over their time. librdkafka\'s '
      + 'is killed at the first row of its table past the duration, whose `dr_m/s` is its rate. CPU per million records counts '
      + 'the records each tool reported.', '');
  }
  return lines.join('\n');
}
