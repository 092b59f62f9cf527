import type { ClientName } from '../config/types.js';
import type { ClientFactory } from './port.js';
import { kafkajsClient } from './kafkajs/index.js';
import { platformaticClient } from './platformatic/index.js';

/** The client libraries perf-test can drive, by `--client` name. */
export function clientFactory(name: ClientName): ClientFactory {
  switch (name) {
    case 'kafkajs':
      return kafkajsClient;
    case 'platformatic':
      return platformaticClient;
  }
}
