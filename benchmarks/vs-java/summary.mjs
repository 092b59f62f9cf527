// @ts-check
/** Figures per scenario and tool from the runs, and the ratios of each tool to Java and to librdkafka (pure). */

/**
 * @typedef {object} RunRecord one run of one tool
 * @property {string} scenario
 * @property {string} tool
 * @property {number} round 0-based: the runs of one round ran one after another
 * @property {string} topic
 * @property {string} command
 * @property {number | null} exitCode
 * @property {boolean} [stoppedByHarness] killed at the end of a duration, as planned (Java, librdkafka)
 * @property {number} wallMs
 * @property {number} cpuSeconds
 * @property {number} peakRssMiB
 * @property {import('./parse.mjs').KafkaSummary | undefined} summary
 * @property {number} loadAverage1m the machine's 1-minute load average before the run
 * @property {string | undefined} error
 */

/**
 * @typedef {object} ToolFigures
 * @property {string} tool
 * @property {number} runs that succeeded
 * @property {number[]} recordsPerSec per round, in order
 * @property {number} medianRecords acknowledged records per run (a duration run's vary)
 * @property {number} medianRecordsPerSec
 * @property {number} medianCpuSeconds CPU seconds of the process, start-up included
 * @property {number} medianCpuSecondsPerMillion the same per million records
 * @property {number} medianWallMs
 * @property {number} maxPeakRssMiB
 * @property {number} medianP50Ms
 * @property {number} medianP99Ms
 * @property {number} medianAvgLatencyMs
 */

/**
 * @typedef {object} ScenarioSummary
 * @property {string} scenario
 * @property {import('./scenarios.mjs').ScenarioKind} kind
 * @property {number} records per run (0 for a duration run)
 * @property {ToolFigures[]} tools
 * @property {Ratio[]} ratiosToJava records/s of every other tool over Java's, round by round
 * @property {Ratio[]} ratiosToRdkafka records/s of each perf-test client over librdkafka's (none without librdkafka runs)
 */

/**
 * @typedef {{ tool: string, perRound: number[], median: number }} Ratio
 */

/** @param {readonly number[]} xs */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}

/**
 * @param {{ id: string, kind: import('./scenarios.mjs').ScenarioKind, records: number }} scenario
 * @param {readonly string[]} toolNames in run order, Java first
 * @param {readonly RunRecord[]} runs
 * @returns {ScenarioSummary}
 */
export function summarize(scenario, toolNames, runs) {
  // A run stopped by the harness (a duration run of Java or librdkafka) has no exit code but succeeded.
  const ok = runs.filter((r) => r.scenario === scenario.id && r.summary !== undefined && r.error === undefined);
  const tools = toolNames.map((tool) => {
    const mine = ok.filter((r) => r.tool === tool).sort((a, b) => a.round - b.round);
    const sums = mine.map((r) => /** @type {import('./parse.mjs').KafkaSummary} */ (r.summary));
    return {
      tool,
      runs: mine.length,
      recordsPerSec: sums.map((s) => s.recordsPerSec),
      medianRecords: median(sums.map((s) => s.records)),
      medianRecordsPerSec: median(sums.map((s) => s.recordsPerSec)),
      medianCpuSeconds: median(mine.map((r) => r.cpuSeconds)),
      medianWallMs: median(mine.map((r) => r.wallMs)),
      medianCpuSecondsPerMillion: median(mine.map((r, i) => (r.cpuSeconds / /** @type {import('./parse.mjs').KafkaSummary} */ (sums[i]).records) * 1e6)),
      maxPeakRssMiB: mine.length === 0 ? NaN : Math.max(...mine.map((r) => r.peakRssMiB)),
      medianP50Ms: median(sums.map((s) => s.p50Ms)),
      medianP99Ms: median(sums.map((s) => s.p99Ms)),
      medianAvgLatencyMs: median(sums.map((s) => s.avgLatencyMs)),
    };
  });
  const ratiosToJava = ratiosTo('java', toolNames.filter((t) => t !== 'java'), ok);
  const ratiosToRdkafka = toolNames.includes('librdkafka') ? ratiosTo('librdkafka', toolNames.filter((t) => t.startsWith('perf-test/')), ok) : [];
  return { scenario: scenario.id, kind: scenario.kind, records: scenario.records, tools, ratiosToJava, ratiosToRdkafka };
}

/**
 * Each tool's records/s over the peer's in the same round (rounds where either failed are left out), and the median.
 * @param {string} peer
 * @param {readonly string[]} tools
 * @param {readonly RunRecord[]} ok the successful runs of one scenario
 * @returns {Ratio[]}
 */
function ratiosTo(peer, tools, ok) {
  const peerRuns = ok.filter((r) => r.tool === peer);
  return tools.map((tool) => {
    const perRound = [];
    for (const j of peerRuns) {
      const p = ok.find((r) => r.tool === tool && r.round === j.round);
      if (p?.summary && j.summary) perRound.push(p.summary.recordsPerSec / j.summary.recordsPerSec);
    }
    return { tool, perRound, median: median(perRound) };
  });
}
