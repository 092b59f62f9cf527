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
 * thread): takes a task, loads the task's client module, runs the producer, consumer or admin role, and reports.
 * The port is closed when the worker is done, which a thread takes as its end; after a set-up job (an admin task)
 * it stays open for the next task, the run's first producer or consumer (see WorkerLauncher.release), which finds
 * the client module already loaded.
 */
export function serveWorker(port: MessagePort): ServedWorker {
  const post = (m: FromWorker) => port.postMessage(m);
  /** The task being served: its role once made, and what starts it. */
  let current: { role: WorkerRole | undefined; go: (startMs: number) => void } | undefined;
  let terminated = false;

  const close = async (): Promise<void> => {
    await (current?.role?.close() ?? Promise.resolve()).catch(() => undefined);
    port.close();
  };

  const run = async (task: WorkerTask): Promise<void> => {
    let go!: (startMs: number) => void;
    const started = new Promise<number>((resolve) => (go = resolve));
    const served: { role: WorkerRole | undefined; go: (startMs: number) => void } = { role: undefined, go };
    current = served;
    const client = await loadClient(task.clientModule);
    const r: WorkerRole = task.kind === 'produce' ? new ProducerRole(task) : task.kind === 'consume' ? new ConsumerRole(task) : new AdminRole(task);
    served.role = r;
    await r.prepare(client);
    // Terminated while connecting: close what this connected, since terminate found nothing to close yet.
    if (terminated) return void (await r.close().catch(() => undefined));
    post({ type: 'ready' });
    const final = await r.run(await started);
    if (terminated) return;
    post({ type: 'done', final });
    if (task.kind !== 'admin') return void (await close());
    await r.close().catch(() => undefined);
    if (current === served) current = undefined;
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
        current?.go(m.startMs);
        break;
      case 'snapshot': {
        const snapshot = current?.role?.snapshot();
        if (snapshot) post({ type: 'snapshot', seq: m.seq, snapshot });
        break;
      }
      case 'stop':
        current?.role?.stop(m.drainMs);
        break;
      case 'resume':
        current?.role?.resume?.();
        break;
    }
  });

  return {
    terminate: async () => {
      if (terminated) return;
      terminated = true;
      current?.role?.stop(0);
      await close();
    },
  };
}
