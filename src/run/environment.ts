import { clientModule, type ClientModule } from '../clients/registry.js';
import type { ClientName } from '../config/types.js';
import type { WorkerLimits } from '../config/worker-limits.js';
import { workerThreads, type WorkerLauncher } from '../worker/launchers.js';

/**
 * What a run drives, injected: the client every thread of the run loads, and how its workers start. The CLI
 * gives the `--client` library and worker threads; unit tests give a fake client and workers in their thread.
 */
export interface RunEnvironment {
  /** The client's module (its default export is the ClientFactory); the tasks carry it to the workers. */
  readonly clientModule: ClientModule;
  readonly launcher: WorkerLauncher;
}

/**
 * The environment of a run from the command line: the named client library, in worker threads with the run's heap
 * limits. `entry` is the workers' module (the built one; tests name another).
 */
export function threadsWith(config: { readonly client: ClientName; readonly workerLimits: WorkerLimits }, entry?: URL): RunEnvironment {
  return { clientModule: clientModule(config.client), launcher: workerThreads(entry, config.workerLimits) };
}
