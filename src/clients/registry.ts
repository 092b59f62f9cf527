import type { ClientName } from '../config/types.js';
import type { ClientFactory } from './port.js';

/**
 * A client module: a specifier that `import()` resolves, whose default export is a `ClientFactory`. It is what a
 * run's tasks carry, so that every worker thread loads the run's client itself (a factory cannot cross a thread).
 */
export type ClientModule = string;

/** The client libraries perf-test can drive, by `--client` name: each adapter's module. */
export function clientModule(name: ClientName): ClientModule {
  switch (name) {
    case 'kafkajs':
      return new URL('./kafkajs/index.js', import.meta.url).href;
    case 'platformatic':
      return new URL('./platformatic/index.js', import.meta.url).href;
  }
}

/** Loads a client module's factory; a module without one is a bug of its author, said as such. */
export async function loadClient(module: ClientModule): Promise<ClientFactory> {
  const loaded = (await import(module)) as { default?: Partial<ClientFactory> };
  const factory = loaded.default;
  if (typeof factory?.createProducer !== 'function' || typeof factory.createConsumer !== 'function' || typeof factory.createAdmin !== 'function') {
    throw new Error(`client module ${module} has no ClientFactory as its default export`);
  }
  return factory as ClientFactory;
}
