import type { ReportOptions } from './report-config.js';
import type { MetricsOptions } from './resolve-metrics.js';

/**
 * The produce command's options as the command line gives them: strings, unvalidated.
 * `resolveProduceConfig` turns them into a `ProduceConfig`.
 */
export interface ProduceOptions extends ReportOptions, MetricsOptions {
  bootstrapServer?: string;
  /** One topic, or several separated by commas. */
  topic?: string;
  /** `--topics N`: N topics named from `--topic-prefix`. */
  topics?: string;
  topicPrefix?: string;
  numRecords?: string;
  duration?: string;
  recordSize?: string;
  payloadCompressibility?: string;
  payloadFile?: string;
  payloadDelimiter?: string;
  payloadMonotonic?: boolean;
  throughput?: string;
  producerProps?: string[];
  commandProperty?: string[];
  producerConfig?: string;
  commandConfig?: string;
  transactionalId?: string;
  transactionDurationMs?: string;
  warmupRecords?: string;
  producers?: string;
  workerYoungGenerationMb?: string;
  partitions?: string;
  replicationFactor?: string;
  reportingInterval?: string;
  client?: string;
  keepGoing?: boolean;
  /** An ISO 8601 time or `+30s`: when the load starts, on every shard at once. */
  startAt?: string;
}
