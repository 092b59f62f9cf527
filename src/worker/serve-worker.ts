import type { MessagePort } from 'node:worker_threads';
import { loadClient } from '../clients/registry.js';
import { PerfTestError } from '../errors.js';
import { ProducerRole } from './producer-role.js';
import { ConsumerRole } from './consumer-role.js';
import { AdminRole } from './admin-role.js';
import type { FromWorker, ToWorker, WorkerErrorInfo, WorkerRole, WorkerTask } from './protocol.js';

/** A worker being served: `terminate` stops it where a thread would be killed (in-process workers). */
export interface ServedWorker {
  terminate(): Promise<void>;
}

/**
 * The worker's side of the typed protocol, over `port` (a thread's parentPort, or one end of a channel in this
 * thread): takes one task, loads the task's client module, runs the producer, consumer or admin role, and reports.
 * The port is closed when the worker is done, which a thread takes as its end.
 */
export function serveWorker(port: MessagePort): ServedWorker {
  const post = (m: FromWorker) => port.postMessage(m);
  let role: WorkerRole | undefined;
  let terminated = false;
  let go: ((startMs: number) => void) | undefined;
  const started = new Promise<number>((resolve) => (go = resolve));

  const close = async (): Promise<void> => {
    await (role?.close() ?? Promise.resolve()).catch(() => undefined);
    port.close();
  };

  const run = async (task: WorkerTask): Promise<void> => {
    const client = await loadClient(task.clientModule);
    const r: WorkerRole = task.kind === 'produce' ? new ProducerRole(task) : task.kind === 'consume' ? new ConsumerRole(task) : new AdminRole(task);
    role = r;
    await r.prepare(client);
    // Terminated while connecting: close what this connected, since terminate found nothing to close yet.
    if (terminated) return void (await r.close().catch(() => undefined));
    post({ type: 'ready' });
    const final = await r.run(await started);
    if (terminated) return;
    post({ type: 'done', final });
    await close();
  };

  const reportError = (e: unknown): void => {
    if (terminated) return;
    const info: WorkerErrorInfo = {
      name: e instanceof Error ? e.name : 'Error',
      message: e instanceof Error ? e.message : String(e),
      stack: e instanceof Error ? e.stack : undefined,
      exitCode: e instanceof PerfTestError ? e.exitCode : undefined,
      hint: e instanceof PerfTestError ? e.hint : undefined,
    };
    post({ type: 'error', error: info });
    void close();
  };

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
      case 'resume':
        role?.resume?.();
        break;
    }
  });

  return {
    terminate: async () => {
      if (terminated) return;
      terminated = true;
      role?.stop(0);
      await close();
    },
  };
}
