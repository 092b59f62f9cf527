import { describe, expect, it } from 'vitest';
import { startCapacity } from '../../../src/capacity/capacity-run.js';
import { resolveCapacityMatrix, startCapacityMatrix } from '../../../src/capacity/matrix-run.js';
import { resolveCapacityConfig } from '../../../src/config/resolve-capacity.js';
import type { CapacityOptions } from '../../../src/config/capacity-options.js';
import type { ProduceConfig } from '../../../src/config/types.js';
import type { StartRun } from '../../../src/compare/run-compare.js';
import { createMergedHistogram, encodeHistogram, summarizeLatency } from '../../../src/metrics/histogram.js';
import { capacityAnswer, capacityMarkdown, capacityMatrixReport, capacityReport } from '../../../src/report/capacity-text.js';
import { capacityHtml, curvePoints } from '../../../src/report/html/capacity-html.js';
import type { ProduceResult } from '../../../src/report/result.js';
import { fakeResult, latencies } from '../../support/fake-result.js';
import { resolveContext } from '../../support/runs.js';
import { expectValid } from '../../support/schema.js';

function config(o: CapacityOptions = {}) {
  return resolveCapacityConfig({ bootstrapServer: 'fake:9092', recordSize: '1000', stepDuration: '2s', stepWarmup: '1s', ...o }, resolveContext());
}

const summary = (us: number) => {
  const h = createMergedHistogram();
  h.recordValue(us);
  return { h: encodeHistogram(h), l: summarizeLatency(h)! };
};

/**
 * A fake cluster that acks at most `capacity` records/s: a step at or under it acks at its target with 5 ms
 * latency; one over it acks at `capacity` and its latency grows to 800 ms. Every run it was given is kept.
 */
function fakeCluster(capacityOf: number | ((c: ProduceConfig) => number)) {
  const configs: ProduceConfig[] = [];
  /** A clock that a step moves on by its run's duration: steps take no real time here. */
  const clock = { ms: 0, now: () => clock.ms };
  const startRun: StartRun = (c) => {
    configs.push(c);
    clock.ms += c.stop.kind === 'duration' ? c.stop.durationMs : 0;
    const capacity = typeof capacityOf === 'number' ? capacityOf : capacityOf(c);
    const target = c.rate.kind === 'uniform' ? c.rate.recordsPerSec : 0;
    const acked = Math.min(target, capacity);
    const latency = summary(target <= capacity ? 5000 : 800_000);
    const widthMs = c.reportingIntervalMs;
    const base = fakeResult({ latenciesUs: latencies(10, 5000, 5000), durationMs: 3000, capped: true });
    const n = Math.round((c.stop.kind === 'duration' ? c.stop.durationMs : 0) / widthMs);
    const intervals = Array.from({ length: n }, (_, k) => ({
      ...base.intervals[0]!, elapsedMs: (k + 1) * widthMs, durationMs: widthMs, records: (acked * widthMs) / 1000,
      bytes: (acked * widthMs), throughput: { recordsPerSec: acked, mbPerSec: (acked * 1000) / 2 ** 20 }, targetRecordsPerSec: target,
    }));
    const result: ProduceResult = {
      ...base,
      config: { ...base.config, reportingIntervalMs: widthMs, throughputLimit: target },
      intervals,
      steadyState: { records: 0, bytes: 0, durationMs: 2000, throughput: { recordsPerSec: acked, mbPerSec: 0 }, latencyMs: latency.l, intendedLatencyMs: latency.l },
    };
    return { result: Promise.resolve(result), interrupt: () => {} };
  };
  return { configs, startRun, clock };
}

const hooks = { onStepStart: () => {}, onInterval: () => {}, onStepEnd: () => {}, onNotice: () => {} };

describe('a capacity search over fake runs', () => {
  it('runs each step at its rate after its warmup, and finds the highest rate that holds the objective', async () => {
    const cluster = fakeCluster(7300);
    const r = await startCapacity(config({ slo: ['p99 < 50ms'] }), cluster.startRun, hooks).result;
    expect(r.steps.map((s) => [s.targetRecordsPerSec, s.passed])).toEqual([
      [1000, true], [2000, true], [4000, true], [8000, false], [6000, true], [7000, true], [7500, false], [7250, true],
    ]);
    expect(r).toMatchObject({ sustainedRecordsPerSec: 7250, end: 'converged', status: 'completed', objective: ['p99 < 50ms'] });
    expect(r.sustainedMbPerSec).toBeCloseTo((7250 * 1000) / 2 ** 20, 9);
    // Each run: the step's rate, warmup + step, a warmup of one second's records, intervals of a quarter step.
    expect(cluster.configs[3]).toMatchObject({
      rate: { kind: 'uniform', recordsPerSec: 8000 }, stop: { kind: 'duration', durationMs: 3000 }, warmupRecords: 8000, reportingIntervalMs: 500,
    });
    // 8000 fell behind (7300 acked) and missed the objective (p99 800 ms).
    expect(r.steps[3]).toMatchObject({ keptUp: false, recordsPerSec: 7300, objective: [{ gate: 'p99 < 50ms', passed: false, limit: 50 }] });
    expect(r.steps[3]!.latencyMs!.p99).toBeGreaterThan(799);
    expectValid(r, 'capacity');
  });

  it('fails a step that keeps up but misses the objective', async () => {
    const cluster = fakeCluster(1e9);
    const r = await startCapacity(config({ slo: ['p99 < 4ms'], maxDuration: '3s' }), cluster.startRun, hooks, cluster.clock.now).result;
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ keptUp: true, passed: false });
    expect(r).toMatchObject({ sustainedRecordsPerSec: null, sustainedMbPerSec: null, end: 'max-duration' });
    expect(capacityAnswer(r)).toBe('No rate sustained p99 < 4ms (lowest tried: 1,000 records/s; stopped by --max-duration before reaching the precision).');
  });

  it('reports the steps, the answer, Markdown and an HTML curve with the knee', async () => {
    const r = await startCapacity(config({ maxRate: '4000', precision: '40%' }), fakeCluster(3000).startRun, hooks).result;
    expect(r.steps.map((s) => [s.targetRecordsPerSec, s.passed])).toEqual([[1000, true], [2000, true], [4000, false], [3000, true]]);
    expect(capacityAnswer(r)).toBe('Sustained: 3,000 records/s (2.86 MB/sec) at p99 < 50ms, 4,000 records/s did not (within the precision; precision 40%).');
    const text = capacityReport(r);
    expect(text).toMatch(/│ 3\s+│ 4,000\s+│ 3,000\s+│ 800\.\d\s+│ 800\.\d\s+│ 800\.\d\s+│ 800\.\d\s+│ no \(fell behind\) │/);
    expect(text.split('\n').at(-1)).toBe(capacityAnswer(r));
    expect(capacityMarkdown(r)).toContain('| 4 | 3,000 | 3,000 | 5.003 | 5.003 | 5.003 | yes |');
    expect(curvePoints(r.steps, 'p99').map((p) => [p.targetRecordsPerSec, p.passed])).toEqual([[1000, true], [2000, true], [3000, true], [4000, false]]);
    const html = capacityHtml(r);
    expect(html).toContain('knee: 3,000 records/s');
    expect(html.match(/<circle class="passed"/g)).toHaveLength(3);
    expect(html.match(/<circle class="failed"/g)).toHaveLength(1);
    expect(html).toContain('class="objective"');
    expect(html).not.toMatch(/<script/);
  });

  it('ends with the steps done when interrupted, the current one left out', async () => {
    const cluster = fakeCluster(1e9);
    let running: ReturnType<typeof startCapacity> | undefined;
    let n = 0;
    running = startCapacity(config(), (c, h) => {
      if (++n === 3) running!.interrupt();
      return cluster.startRun(c, h);
    }, hooks);
    const r = await running.result;
    expect(r.status).toBe('interrupted');
    expect(r.steps.map((s) => s.targetRecordsPerSec)).toEqual([1000, 2000]);
    expect(r.sustainedRecordsPerSec).toBe(2000);
  });
});

describe('capacity --matrix: a search per scenario', () => {
  it('finds which batch.size holds the most, each scenario on its own topic', async () => {
    // The fake cluster holds batch.size / 8 records/s: 2048 and 16384.
    const cluster = fakeCluster((c) => c.producer.batchSizeBytes / 8);
    const m = resolveCapacityMatrix({ bootstrapServer: 'fake:9092', stepDuration: '2s', stepWarmup: '1s', precision: '10%', matrix: ['batch.size=16384,131072'] },
      resolveContext(), 'cap');
    expect(m.plans.map((p) => [p.scenario.name, p.config.produce.topic.name, p.config.produce.producer.batchSizeBytes]))
      .toEqual([['batch.size=16384', 'cap-1', 16384], ['batch.size=131072', 'cap-2', 131072]]);
    const started: string[] = [];
    const r = await startCapacityMatrix(m, cluster.startRun, { ...hooks, onScenarioStart: (s) => started.push(s.name) }).result;
    expect(started).toEqual(['batch.size=16384', 'batch.size=131072']);
    expect(r.scenarios.map((s) => s.result.sustainedRecordsPerSec)).toEqual([2000, 16000]);
    expect(r.matrix).toEqual({ 'batch.size': ['16384', '131072'] });
    expectValid(r, 'capacityMatrix');
    const text = capacityMatrixReport(r);
    expect(text).toMatch(/│ 2 +│ batch\.size=131072 │ 16,000 \* +│/);
    expect(text).toMatch(/│ 1 +│ batch\.size=16384 +│ 2,000 +│/);
    expect(capacityHtml(r).match(/<svg/g)).toHaveLength(2);
  });

  it('names the scenario whose values cannot be searched', () => {
    expect(() => resolveCapacityMatrix({ bootstrapServer: 'fake:9092', matrix: ['throughput=100,200'] }, resolveContext(), 'cap'))
      .toThrow("--matrix: scenario 'throughput=100': --throughput cannot be used with capacity");
  });
});
