import { describe, expect, it } from 'vitest';
import { runJson, uniqueTopic } from './helpers.js';

describe('perf-test --start-at against a real broker', () => {
  it('starts the load of two shards at one instant', async () => {
    const topic = uniqueTopic('start-at');
    // Far enough ahead for both shards to connect and create the topic on a loaded machine.
    const at = new Date(Date.now() + 15_000).toISOString();
    const shard = (i: number) => runJson(['--topic', topic, '--num-records', '2000', '--throughput', '1000', '--shard', `${i}/2`, '--start-at', at]);
    const runs = await Promise.all([shard(0), shard(1)]);
    for (const { run, result } of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`Connected; starting the load at ${at.replace(/\./g, '\\.')} \\(in \\d+\\.\\d s\\)\\.`));
      const lateMs = Date.parse(result.startedAt) - Date.parse(at);
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThan(250);
      expect(result.records.acked).toBe(1000);
    }
  });
});
