import { clientModule, type ClientModule } from '../clients/registry.js';
import type { ClientName } from '../config/types.js';
import { threadLauncher, type WorkerLauncher } from '../worker/launchers.js';

/**
 * What a run drives, injected: the client every thread of the run loads, and how its workers start. The CLI
 * gives the `--client` library and worker threads; unit tests give a fake client and workers in their thread.
 */
export interface RunEnvironment {
  /** The client's module (its default export is the ClientFactory); the tasks carry it to the workers. */
  readonly clientModule: ClientModule;
  readonly launcher: WorkerLauncher;
}

/** The environment of a run from the command line: the named client library, in worker threads. */
export function threadsWith(client: ClientName): RunEnvironment {
  return { clientModule: clientModule(client), launcher: threadLauncher };
}
