import { UsageError } from '../errors.js';
import type { EndToEndOptions } from '../config/e2e-options.js';

/** The named flags whose presence makes Kafka's EndToEndLatency read its arguments as named only. */
const NAMED: readonly (keyof EndToEndOptions)[] = ['bootstrapServer', 'topic', 'numRecords', 'producerAcks', 'recordSize'];

/**
 * `perf-test e2e BROKERS TOPIC NUM ACKS SIZE [CONFIG]`: EndToEndLatency's positional form (deprecated in Kafka 4.2,
 * to go in 5.0), read as its named flags, as Kafka 4.2 converts it. Without arguments the options stand as given.
 */
export function withPositionalEndToEnd(args: readonly string[], o: EndToEndOptions): EndToEndOptions {
  if (args.length === 0) return o;
  const named = NAMED.find((k) => o[k] !== undefined);
  if (named !== undefined) {
    throw new UsageError(`unexpected argument '${args[0]}': perf-test e2e takes Kafka's named flags or its positional form (BROKERS TOPIC NUM ACKS SIZE [CONFIG]), not both`, 'see perf-test e2e --help');
  }
  if (args.length !== 5 && args.length !== 6) {
    throw new UsageError(`perf-test e2e takes 5 or 6 positional arguments (BROKERS TOPIC NUM ACKS SIZE [CONFIG], Kafka's deprecated form), got ${args.length}`, 'or use the named flags: --bootstrap-server --topic --num-records --producer-acks --record-size --command-config');
  }
  const [bootstrapServer, topic, numRecords, producerAcks, recordSize, config] = args;
  const commandConfig = config !== undefined && config.trim() !== '' ? config : undefined;
  if (commandConfig !== undefined && (o.commandConfig !== undefined || o.producerConfig !== undefined)) {
    throw new UsageError('the sixth positional argument (CONFIG) and --command-config or --producer.config name the same file; give one');
  }
  return { ...o, bootstrapServer, topic, numRecords, producerAcks, recordSize, ...(commandConfig === undefined ? {} : { commandConfig }), positional: true };
}
