import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { startBroker } from '../../harness/index.js';
import { PROGRESS_LINE, afterIntervals, bootstrap, countRecords, createTopic, runCli, runJson, uniqueTopic, whenPrinted } from './helpers.js';
import type { ProduceOptions } from '../../src/config/produce-options.js';
import { resolveProduceConfig } from '../../src/config/resolve-produce.js';
import { WorkerCrashError } from '../../src/errors.js';
import { startProduceRun } from '../../src/run/produce-run.js';
import { workerThreads } from '../../src/worker/launchers.js';

const BUILT_ENTRY = new URL('../../dist/worker/entry.js', import.meta.url);

/** Every record is accounted for exactly once. */
function expectAccounted(result: { records: { sent: number; acked: number; failed: number; abandoned: number } }): void {
  const r = result.records;
  expect(r.sent).toBe(r.acked + r.failed + r.abandoned);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('faults end cleanly, with what was done reported and nothing miscounted', () => {
  it('fails fast with the address when the cluster refuses connections', async () => {
    const started = Date.now();
    const run = await runCli(['--num-records', '10', '--bootstrap-server', '127.0.0.1:1']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toMatch(/^Error: cannot connect to Kafka at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives up on a silent cluster after max.block.ms', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => sockets.push(s)); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => { sockets.forEach((s) => s.destroy()); server.close(() => r()); }));
    const port = (server.address() as { port: number }).port;
    const started = Date.now();
    const run = await runCli(['--num-records', '10', '--bootstrap-server', `127.0.0.1:${port}`, '--producer-props', 'max.block.ms=3000']);
    const elapsed = Date.now() - started;
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Error: cannot connect to Kafka at 127.0.0.1:${port}: no answer within max.block.ms (3000 ms)`);
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(12_000);
  });

  it('counts records the broker rejects as too large as failed, by error name, without hanging', async () => {
    const topic = uniqueTopic('toolarge');
    await createTopic(topic, 1, [{ name: 'max.message.bytes', value: '2000' }]);
    const { run, result } = await runJson(['--num-records', '50', '--record-size', '5000', '--topic', topic]);
    expect(run.code).toBe(4);
    expect(result.records).toEqual({ sent: 50, acked: 0, failed: 50, abandoned: 0 });
    expect(result.errors).toEqual({ MESSAGE_TOO_LARGE: 50 });
    expect(await countRecords(topic)).toBe(0);
  });

  it('ends a run whose broker was killed, once delivery.timeout.ms has passed, and reports the failures', async () => {
    const broker = await startBroker({ port: 0, sharedMachine: true });
    cleanups.push(() => broker.stop());
    const topic = uniqueTopic('killed');
    const started = Date.now();
    const { run, result } = await runJson(['--num-records', '1000000', '--record-size', '100', '--throughput', '2000', '--topic', topic,
      '--bootstrap-server', broker.bootstrapServers, '--reporting-interval', '1000',
      '--producer-props', 'delivery.timeout.ms=6000', 'request.timeout.ms=2000', 'linger.ms=0'], {
      timeoutMs: 60_000,
      onSpawn: afterIntervals(2, () => process.kill(broker.pid, 'SIGKILL')),
    });
    expect(run.code).toBe(4);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(result.records.acked).toBeGreaterThan(2000);
    expect(result.records.failed).toBeGreaterThan(0);
    // Retries back off up to delivery.timeout.ms, as Java's do, so records expire rather than fail on the first
    // refused connection.
    expect(result.errors['TimeoutException']).toBeGreaterThan(result.records.failed / 2);
    expectAccounted(result);
    expect(run.stderr).toContain('Stopped sending: records expired');
  });

  it('on SIGINT stops, drains, prints the summary and exits 130; the topic holds exactly the acked records', async () => {
    const topic = uniqueTopic('sigint');
    const { run, result } = await runJson(['--duration', '60s', '--record-size', '100', '--throughput', '5000', '--topic', topic,
      '--reporting-interval', '1000'], { onSpawn: afterIntervals(2, (child) => child.kill('SIGINT')) });
    expect(run.code).toBe(130);
    expect(result.status).toBe('interrupted');
    expect(result.durationMs).toBeLessThan(15_000);
    expectAccounted(result);
    expect(result.records.abandoned).toBe(0);
    expect(result.records.acked).toBeGreaterThan(5000);
    expect(await countRecords(topic)).toBe(result.records.acked);
  });

  it('prints Kafka\'s final line and the table on SIGTERM too', async () => {
    const run = await runCli(['--duration', '60s', '--record-size', '100', '--throughput', '2000', '--topic', uniqueTopic('sigterm'),
      '--reporting-interval', '1000'], { onSpawn: afterIntervals(1, (child) => child.kill('SIGTERM')) });
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/^\d+ records sent, \d+\.\d{6} records\/sec/m);
    expect(run.stdout).toContain('Interrupted: the figures cover the records handled before the stop.');
  });

  it('exits at once on a second Ctrl-C while it waits for a frozen broker', async () => {
    const broker = await startBroker({ port: 0, sharedMachine: true });
    cleanups.push(() => broker.stop());
    cleanups.push(() => { try { process.kill(broker.pid, 'SIGCONT'); } catch { /* gone */ } });
    let secondAt = 0;
    // The broker freezes after two intervals; the first Ctrl-C comes with the next interval line (records sent since
    // the freeze wait for acks), the second once the run says it is waiting for them.
    const run = await runCli(['--duration', '60s', '--record-size', '100', '--throughput', '1000', '--topic', uniqueTopic('frozen'),
      '--bootstrap-server', broker.bootstrapServers, '--reporting-interval', '1000'], {
      onSpawn: (child) => {
        whenPrinted(child, PROGRESS_LINE, 2, () => process.kill(broker.pid, 'SIGSTOP'));
        whenPrinted(child, PROGRESS_LINE, 3, () => child.kill('SIGINT'));
        whenPrinted(child, /Ctrl-C again to quit at once/, 1, () => { secondAt = Date.now(); child.kill('SIGINT'); });
      },
    });
    expect(run.code).toBe(130);
    expect(Date.now() - secondAt).toBeLessThan(2000);
    expect(run.stderr).toContain('Interrupted twice: exiting without a summary.');
  });

  it('stops the run with the worker\'s error when a worker thread crashes, and ends the other', async () => {
    // The run of src/ in this process, its workers in threads of the build, their client a crashing kafkajs.
    const config = resolveProduceConfig({
      numRecords: '200000', recordSize: '100', throughput: '20000', producers: '2', topic: uniqueTopic('crash'), bootstrapServer: bootstrap(),
    } as ProduceOptions, { env: {}, warn: () => undefined });
    const env = { clientModule: new URL('./crashing-client.mjs', import.meta.url).href, launcher: workerThreads(BUILT_ENTRY) };
    const started = Date.now();
    const error = await startProduceRun(config, env, { onInterval: () => undefined, onNotice: () => undefined }).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as WorkerCrashError).message).toMatch(/^worker \d crashed: injected fault: worker crash$/);
    expect((error as WorkerCrashError).exitCode).toBe(5);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
