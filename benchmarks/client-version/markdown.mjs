// @ts-check
/** The client-version benchmark's result as Markdown: the machine, one row per scenario and version, and the choice. */

const int = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');

/**
 * How a scenario reads: `candidate` when the candidate's slowest round beats the current version's fastest,
 * `current` for the reverse, `tie` when the rounds' ranges overlap (the machine's noise is larger than the gap).
 * @param {any} current @param {any} candidate
 * @returns {'current' | 'candidate' | 'tie'}
 */
export function scenarioVerdict(current, candidate) {
  if (candidate.minRecordsPerSec > current.maxRecordsPerSec) return 'candidate';
  if (current.minRecordsPerSec > candidate.maxRecordsPerSec) return 'current';
  return 'tie';
}

/**
 * The choice: the candidate only when some scenario favours it and none favours the current version; otherwise
 * the current version stays (an upgrade that measures no better is not worth its risk).
 * @param {readonly ('current' | 'candidate' | 'tie')[]} verdicts
 */
export function choose(verdicts) {
  return verdicts.includes('candidate') && !verdicts.includes('current') ? 'candidate' : 'current';
}

/** @param {any} result */
export function formatClientVersionMarkdown(result) {
  const m = result.machine;
  const { current, candidate } = result.settings;
  const lines = [
    `# @platformatic/kafka ${current} against ${candidate}, the default client's library (${result.startedAt})`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node} (both versions); Kafka ${m.kafka} (one local broker, same machine).`,
    `The same perf-test build installed twice, differing only in @platformatic/kafka. Rounds: ${result.settings.repeats}, the versions in turn;`
      + ` figures are medians. Topics of ${result.settings.partitions} partitions, ${result.settings.producerProps}. CPU is user + system seconds of the`
      + ' whole process per million records, start-up included.',
    '',
    '| scenario | @platformatic/kafka | records/s (median) | range | CPU s / M records | peak RSS MiB | reads as |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  /** @type {('current' | 'candidate' | 'tie')[]} */
  const verdicts = [];
  for (const scenario of [...new Set(result.summaries.map((/** @type {any} */ s) => s.scenario))]) {
    const a = result.summaries.find((/** @type {any} */ s) => s.scenario === scenario && s.version === current);
    const b = result.summaries.find((/** @type {any} */ s) => s.scenario === scenario && s.version === candidate);
    const verdict = a && b && a.rounds > 0 && b.rounds > 0 ? scenarioVerdict(a, b) : undefined;
    if (verdict) verdicts.push(verdict);
    for (const r of [a, b].filter(Boolean)) {
      const reads = verdict === undefined ? 'no result' : verdict === 'tie' ? 'a tie' : (verdict === 'current') === (r === a) ? 'faster' : 'slower';
      lines.push(`| ${scenario} | ${r.version} | ${int(r.recordsPerSec)} | ${int(r.minRecordsPerSec)}–${int(r.maxRecordsPerSec)} | ${r.cpuSecondsPerMillion.toFixed(2)} | ${Math.round(r.peakRssMiB)} | ${reads} |`);
    }
  }
  const chosen = verdicts.length === 0 ? undefined : choose(verdicts) === 'candidate' ? candidate : current;
  lines.push('', chosen === undefined
    ? 'No scenario ran on both versions: no choice.'
    : `Choice: **${chosen}**. A scenario favours a version when its slowest round beats the other's fastest; the candidate is chosen only`
      + ' when some scenario favours it and none favours the current version.');
  if (result.failures.length > 0) lines.push('', '## Failed runs', '', ...result.failures.map((/** @type {string} */ f) => `- ${f}`));
  return `${lines.join('\n')}\n`;
}
