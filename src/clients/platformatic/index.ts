import { UsageError } from '../../errors.js';
import type { ClientFactory } from '../port.js';
import { PlatformaticAdmin } from './admin.js';
import { PlatformaticProducer } from './producer.js';

/** The @platformatic/kafka client behind perf-test's ports (producing; consuming is kafkajs' for now). */
export const platformaticClient: ClientFactory = {
  createProducer: (connection, settings) => new PlatformaticProducer(connection, settings),
  createAdmin: (connection) => new PlatformaticAdmin(connection),
  createConsumer: () => {
    throw new UsageError('--client platformatic: consuming is not supported with this client yet', 'use --client kafkajs for consume and e2e runs');
  },
};
