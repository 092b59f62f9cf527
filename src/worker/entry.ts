import { parentPort } from 'node:worker_threads';
import { PerfTestError } from '../errors.js';
import { ProducerRole } from './producer-role.js';
import { ConsumerRole } from './consumer-role.js';
import type { FromWorker, ToWorker, WorkerErrorInfo, WorkerRole, WorkerTask } from './protocol.js';

/** A worker thread: takes one task (producer or consumer) and speaks the typed protocol with the main thread. */
const port = parentPort;
if (!port) throw new Error('worker/entry must run in a worker thread');

const post = (m: FromWorker) => port.postMessage(m);
let role: WorkerRole | undefined;
let go: ((startMs: number) => void) | undefined;
const started = new Promise<number>((resolve) => (go = resolve));

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'init':
      run(m.task).catch(reportError);
      break;
    case 'go':
      go?.(m.startMs);
      break;
    case 'snapshot': {
      const snapshot = role?.snapshot();
      if (snapshot) post({ type: 'snapshot', seq: m.seq, snapshot });
      break;
    }
    case 'stop':
      role?.stop(m.drainMs);
      break;
  }
});

function createRole(task: WorkerTask): WorkerRole {
  return task.kind === 'produce' ? new ProducerRole(task) : new ConsumerRole(task);
}

async function run(task: WorkerTask): Promise<void> {
  const r = createRole(task);
  role = r;
  await r.prepare();
  post({ type: 'ready' });
  const final = await r.run(await started);
  post({ type: 'done', final });
  await r.close();
  port!.close();
}

function reportError(e: unknown): void {
  const info: WorkerErrorInfo = {
    name: e instanceof Error ? e.name : 'Error',
    message: e instanceof Error ? e.message : String(e),
    stack: e instanceof Error ? e.stack : undefined,
    exitCode: e instanceof PerfTestError ? e.exitCode : undefined,
    hint: e instanceof PerfTestError ? e.hint : undefined,
  };
  post({ type: 'error', error: info });
  void (role?.close() ?? Promise.resolve()).catch(() => undefined).finally(() => port!.close());
}
