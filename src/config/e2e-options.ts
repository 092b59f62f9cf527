import type { ProduceOptions } from './produce-options.js';

/** The e2e command's options: the producer's, plus the consumers'. Strings, unvalidated. */
export interface EndToEndOptions extends ProduceOptions {
  consumers?: string;
  group?: string;
  consumerProps?: string[];
  consumerConfig?: string;
  drainTimeout?: string;
  backlog?: string;
  /** EndToEndLatency's `--producer-acks 1|all`. */
  producerAcks?: string;
  /** Given in EndToEndLatency's deprecated positional form (perf-test warns as Kafka does). */
  positional?: boolean;
}
