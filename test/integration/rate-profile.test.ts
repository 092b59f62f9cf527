import { describe, expect, it } from 'vitest';
import { runJson, uniqueTopic } from './helpers.js';

describe('perf-test --throughput with a rate profile, against a real broker', () => {
  it('follows the steps and the ramp: each interval acks its target rate and says so', async () => {
    const topic = uniqueTopic('profile');
    const { run, result } = await runJson([
      '--throughput', '1000:2s,ramp:1000..5000:2s', '--record-size', '100', '--topic', topic, '--reporting-interval', '1000',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(result.config.throughputProfile).toBe('1000:2s,ramp:1000..5000:2s');
    expect(result.config.durationMs).toBe(4000);
    // 2 s at 1000, then 2 s from 1000 to 5000 (6000 records): 8000 records in all, give or take the last ms.
    expect(result.records.acked).toBeGreaterThan(7900);
    expect(result.records.acked).toBeLessThanOrEqual(8001);
    // Whole intervals before the run's end: at the end, the workers' last acks may come with their final report,
    // as an interval of a few ms just after the last whole one, which then counts none of them (a known artefact
    // of interval reporting, in the note; the run's totals, above, count them all).
    const endMs = result.intervals.at(-1).elapsedMs as number;
    const full = result.intervals.filter((i: { durationMs: number; elapsedMs: number }) => i.durationMs >= 900 && i.elapsedMs < endMs - 100);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const i of full) {
      const endS = i.elapsedMs / 1000;
      const startS = endS - i.durationMs / 1000;
      // The target's integral over the interval: 1000/s up to 2 s, then 1000 + 2000 (t - 2) per second, then
      // 5000/s (the last rate holds: the run's last interval may end a little after the profile).
      const due = (t: number) => (t <= 2 ? 1000 * t : t <= 4 ? 2000 + 1000 * (t - 2) + 1000 * (t - 2) ** 2 : 8000 + 5000 * (t - 4));
      const expected = (due(endS) - due(startS)) / (endS - startS);
      // Within a quarter: a stall of the host (a fifth of a second here is common in CI) moves acks from one
      // interval to the next; a wrong shape is off by far more (a flat 3000/s: 3x the first second's 1000, a step
      // for the ramp: 5000 for its first second's 2000).
      expect(i.targetRecordsPerSec).toBeCloseTo(expected, 3);
      expect(Math.abs(i.throughput.recordsPerSec - i.targetRecordsPerSec) / i.targetRecordsPerSec, JSON.stringify(result.intervals.map((x: { elapsedMs: number; records: number }) => [Math.round(x.elapsedMs), x.records]))).toBeLessThan(0.25);
    }
    // The stderr progress shows the target on every rolling line.
    const rolling = run.stderr.split('\n').filter((l) => l.startsWith('  ') && l.includes('% done'));
    expect(rolling.length).toBeGreaterThanOrEqual(3);
    for (const l of rolling) expect(l).toMatch(/^ {2}target [\d,]+ rec\/s \| /);
  });
});
