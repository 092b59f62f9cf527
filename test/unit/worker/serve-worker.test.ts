import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveProduceConfig } from '../../../src/config/resolve-produce.js';
import { producerTasks } from '../../../src/run/tasks.js';
import type { FromWorker, WorkerTask } from '../../../src/worker/protocol.js';
import { serveWorker } from '../../../src/worker/serve-worker.js';
import { fakeCluster } from '../../support/fake-client.js';
import { FAKE_ENV, resolveContext } from '../../support/runs.js';

const config = resolveProduceConfig({ topic: 't', numRecords: '20', partitions: '2', bootstrapServer: 'fake:9092' }, resolveContext());

beforeEach(() => fakeCluster.reset());

/** The main thread's end of a served worker: what it was told, and whether the worker closed the channel. */
function served(): { main: MessagePort; messages: FromWorker[]; closed: Promise<void>; next(type: FromWorker['type']): Promise<FromWorker> } {
  const { port1: main, port2: worker } = new MessageChannel();
  const messages: FromWorker[] = [];
  const waiters: Array<{ type: FromWorker['type']; resolve: (m: FromWorker) => void }> = [];
  main.on('message', (m: FromWorker) => {
    messages.push(m);
    const at = waiters.findIndex((w) => w.type === m.type);
    if (at >= 0) waiters.splice(at, 1)[0]!.resolve(m);
  });
  const closed = new Promise<void>((resolve) => main.once('close', () => resolve()));
  serveWorker(worker);
  return { main, messages, closed, next: (type) => new Promise((resolve) => waiters.push({ type, resolve })) };
}

/** Serves `task` to the end: init, ready, go, done. */
async function serve(w: ReturnType<typeof served>, task: WorkerTask): Promise<FromWorker> {
  const ready = w.next('ready');
  const done = w.next('done');
  w.main.postMessage({ type: 'init', task });
  await ready;
  w.main.postMessage({ type: 'go', startMs: 0 });
  return done;
}

describe('a worker serves its tasks over one port', () => {
  it('after a set-up job, stays open for the run\'s producer, and closes once that is done', async () => {
    const w = served();
    let closed = false;
    void w.closed.then(() => (closed = true));
    const admin: WorkerTask = { kind: 'admin', workerIndex: 0, config, clientModule: FAKE_ENV.clientModule, job: { kind: 'ensure-topics', topics: [config.topic], endOffsets: false } };
    const adminDone = await serve(w, admin);
    expect(adminDone).toMatchObject({ type: 'done', final: { kind: 'admin', outcome: { kind: 'ensure-topics' } } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);

    const [producer] = producerTasks(config, FAKE_ENV, false);
    const produced = await serve(w, producer!);
    expect(produced).toMatchObject({ type: 'done', final: { kind: 'produce', abandoned: 0 } });
    await w.closed;
    expect(fakeCluster.topics.get('t')!.reduce((n, p) => n + p.length, 0)).toBe(20);
    expect(w.messages.filter((m) => m.type === 'error')).toEqual([]);
  });
});
