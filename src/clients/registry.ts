import type { ClientName } from '../config/types.js';
import type { ClientFactory } from './port.js';
import { kafkajsClient } from './kafkajs/index.js';

/** The client libraries perf-test can drive, by `--client` name. */
export function clientFactory(name: ClientName): ClientFactory {
  switch (name) {
    case 'kafkajs':
      return kafkajsClient;
  }
}
