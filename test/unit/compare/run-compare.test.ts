import { describe, expect, it } from 'vitest';
import { resolveCompareConfig } from '../../../src/compare/config.js';
import type { CompareOptions } from '../../../src/compare/options.js';
import { overallProgress, startCompare, type CompareHooks, type StartRun } from '../../../src/compare/run-compare.js';
import type { ProduceConfig } from '../../../src/config/types.js';
import type { ProduceResult } from '../../../src/report/result.js';
import { fakeResult, latencies } from '../../support/fake-result.js';

function config(o: Partial<CompareOptions>) {
  return resolveCompareConfig({ matrix: ['acks=1,all', 'batch.size=16384,131072'], numRecords: '1000', ...o }, { env: {}, warn: () => {} }, 'cmp');
}

/** A fake runner: each run reports one interval at half way, then completes with `records` acked. */
function fakeRunner(log: string[], opts: { hang?: (n: number) => boolean } = {}): StartRun {
  let n = 0;
  return (c: ProduceConfig, hooks) => {
    const run = n++;
    const records = c.stop.kind === 'count' ? c.stop.records : 1;
    log.push(`start ${c.topic.name} acks=${c.producer.acks} batch=${c.producer.batchSizeBytes} records=${records}`);
    const done = (status: ProduceResult['status']) => ({ ...fakeResult({ latenciesUs: latencies(records, 1000, 2000 + run), durationMs: 100 + run, topic: c.topic.name }), status });
    let finish: (r: ProduceResult) => void = () => {};
    const result = new Promise<ProduceResult>((resolve) => (finish = resolve));
    hooks.onInterval(done('completed').intervals[0]!, { fraction: 0.5, remainingMs: 50 }, false, { sent: 1, acked: 1, failed: 0, retried: 0, errors: {} });
    if (!opts.hang?.(run)) queueMicrotask(() => finish(done('completed')));
    return { result, interrupt: () => finish(done('interrupted')) };
  };
}

function recordingHooks(log: string[]): CompareHooks {
  return {
    onRunStart: (at) => log.push(`run ${at.scenario.index + 1}/${at.scenarioCount} #${at.run} done=${at.runsDone}/${at.runsTotal}`),
    onInterval: (_i, at, p) => log.push(`interval ${at.scenario.index + 1} ${p.fraction.toFixed(4)}`),
    onRunEnd: (at, r) => log.push(`end ${at.scenario.index + 1} ${r.status}`),
    onNotice: (line) => log.push(line),
  };
}

describe('startCompare', () => {
  it('interleaves the repeats (A B C D A B C D), each scenario\'s warmup before its first run, and builds the document', async () => {
    const log: string[] = [];
    const c = config({ repeat: '2', warmup: '100' });
    const doc = await startCompare(c, fakeRunner(log), recordingHooks(log), () => 0).result;
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start cmp-1 acks=1 batch=16384 records=100', 'start cmp-1 acks=1 batch=16384 records=1000',
      'start cmp-2 acks=1 batch=131072 records=100', 'start cmp-2 acks=1 batch=131072 records=1000',
      'start cmp-3 acks=-1 batch=16384 records=100', 'start cmp-3 acks=-1 batch=16384 records=1000',
      'start cmp-4 acks=-1 batch=131072 records=100', 'start cmp-4 acks=-1 batch=131072 records=1000',
      'start cmp-1 acks=1 batch=16384 records=1000', 'start cmp-2 acks=1 batch=131072 records=1000',
      'start cmp-3 acks=-1 batch=16384 records=1000', 'start cmp-4 acks=-1 batch=131072 records=1000',
    ]);
    expect(log.filter((l) => l.startsWith('run')).slice(0, 4)).toEqual(['run 1/4 #0 done=0/12', 'run 1/4 #1 done=1/12', 'run 2/4 #0 done=2/12', 'run 2/4 #1 done=3/12']);
    expect(doc.status).toBe('completed');
    expect(doc.scenarios.map((s) => s.name)).toEqual(['acks=1 batch.size=16384', 'acks=1 batch.size=131072', 'acks=all batch.size=16384', 'acks=all batch.size=131072']);
    expect(doc.scenarios.every((s) => s.runs.length === 2 && s.figures.acked === 2000)).toBe(true);
    expect(doc.matrix).toEqual({ 'acks': ['1', 'all'], 'batch.size': ['16384', '131072'] });
    expect(doc).toMatchObject({ repeat: 2, warmupRecords: 100, scenarioCount: 4, baselineIndex: 0 });
  });

  it('weighs progress by records: the warmup counts for its share', async () => {
    const log: string[] = [];
    await startCompare(config({ warmup: '1000' }), fakeRunner(log), recordingHooks(log), () => 0).result;
    // 8 runs of 1000 records each; the first interval is half of the first run.
    expect(log.filter((l) => l.startsWith('interval')).slice(0, 3)).toEqual(['interval 1 0.0625', 'interval 1 0.1875', 'interval 2 0.3125']);
  });

  it('stops at an interrupt and reports what finished, the interrupted run included when its scenario has nothing else', async () => {
    const log: string[] = [];
    const running = startCompare(config({}), fakeRunner(log, { hang: (n) => n === 2 }), recordingHooks(log), () => 0);
    await new Promise((r) => setTimeout(r, 10));
    running.interrupt();
    const doc = await running.result;
    expect(doc.status).toBe('interrupted');
    expect(doc.scenarios.map((s) => [s.name, s.result.status])).toEqual([
      ['acks=1 batch.size=16384', 'completed'], ['acks=1 batch.size=131072', 'completed'], ['acks=all batch.size=16384', 'interrupted'],
    ]);
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(3);
  });
});

describe('overallProgress', () => {
  it('adds finished runs and the current one\'s fraction, and estimates the time left from the pace so far', () => {
    expect(overallProgress([100, 300], 1, 0.5, 5000)).toEqual({ fraction: 0.625, remainingMs: 3000 });
    expect(overallProgress([100, 300], 0, 0, 0)).toEqual({ fraction: 0, remainingMs: undefined });
    expect(overallProgress([100], 1, 0, 1000)).toEqual({ fraction: 1, remainingMs: 0 });
  });
});
