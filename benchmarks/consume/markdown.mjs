// @ts-check
/** The consume and e2e benchmark's result as Markdown: the machine, a table per scenario, and the targets. */

const int = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');
const ms = (/** @type {number} */ n, /** @type {boolean} */ whole) => (whole ? `${n}` : n.toFixed(2));

/** @param {any} result */
export function formatConsumeMarkdown(result) {
  const m = result.machine;
  const lines = [
    `# Consumers and end-to-end latency: perf-test against Kafka's tools (${result.startedAt})`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.java}; Kafka ${m.kafka} (one local broker, same machine);`
      + ` @platformatic/kafka ${m.platformaticKafka}, kafkajs ${m.kafkajs}.`,
    `Rounds: ${result.settings.repeats}, the tools in turn; figures are medians. Topics of ${result.settings.partitions} partitions for consume,`
      + ' each run a new group reading from the beginning. CPU is user + system seconds of the whole process, start-up included.',
    '',
  ];
  const scenarios = [...new Set(result.summaries.map((/** @type {any} */ s) => s.scenario))];
  for (const scenario of scenarios) {
    const rows = result.summaries.filter((/** @type {any} */ s) => s.scenario === scenario);
    const java = rows.find((/** @type {any} */ r) => r.tool.startsWith('Kafka'));
    lines.push(`## ${scenario}`, '');
    if (rows[0]?.recordsPerSec !== undefined) {
      const records = result.settings.consume.find((/** @type {any} */ c) => c.id === scenario)?.records;
      lines.push(`${int(records ?? 0)} records per run.`, '');
      lines.push('| tool | records/s (median) | range | × Kafka\'s | peak RSS MiB | CPU s |', '| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const r of rows) {
        lines.push(`| ${r.tool} | ${int(r.recordsPerSec)} | ${int(r.minRecordsPerSec)}–${int(r.maxRecordsPerSec)} | ${java ? (r.recordsPerSec / java.recordsPerSec).toFixed(2) : '–'} | ${Math.round(r.peakRssMiB)} | ${r.cpuSeconds.toFixed(2)} |`);
      }
    } else {
      const e = result.settings.e2e;
      lines.push(`perf-test at ${int(e.rate)} records/s, ${e.size} B, acks=${e.acks}, linger.ms=${e.lingerMs}, ${int(e.records)} records; EndToEndLatency sends the same count one record at a time.`
        + ' Kafka\'s tool prints its percentiles as whole milliseconds (truncated).', '');
      lines.push('| tool | avg ms | p50 ms | p99 ms | p99.9 ms | peak RSS MiB |', '| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const r of rows) lines.push(`| ${r.tool} | ${r.avgMs.toFixed(2)} | ${ms(r.p50Ms, r.wholeMs)} | ${ms(r.p99Ms, r.wholeMs)} | ${ms(r.p999Ms, r.wholeMs)} | ${Math.round(r.peakRssMiB)} |`);
      const ours = rows.find((/** @type {any} */ r) => r.tool === 'perf-test e2e');
      if (java && ours) {
        const t = e2eTargets(ours, java);
        lines.push('', `Targets: perf-test's p50 at most 1 ms above EndToEndLatency's average: ${ours.p50Ms.toFixed(2)} against ${java.avgMs.toFixed(2)} ms, `
          + `${t.p50 ? 'met' : 'not met'}; its p99 at most 2× EndToEndLatency's: ${ours.p99Ms.toFixed(2)} against ${java.p99Ms} ms, ${t.p99 ? 'met' : 'not met'}.`);
      }
    }
    lines.push('');
  }
  if (result.failures.length > 0) lines.push('## Failed runs', '', ...result.failures.map((/** @type {string} */ f) => `- ${f}`), '');
  return `${lines.join('\n')}\n`;
}

/**
 * The e2e targets (issue 13): perf-test's p50 no more than 1 ms above EndToEndLatency's average, and its p99 at
 * most twice EndToEndLatency's p99 (which Kafka's tool prints truncated to whole ms).
 * @param {{ p50Ms: number, p99Ms: number }} ours
 * @param {{ avgMs: number, p99Ms: number }} java
 */
export function e2eTargets(ours, java) {
  return { p50: ours.p50Ms <= java.avgMs + 1, p99: ours.p99Ms <= 2 * java.p99Ms };
}
