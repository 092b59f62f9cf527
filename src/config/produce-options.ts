import type { ReportOptions } from './report-config.js';

/**
 * The produce command's options as the command line gives them: strings, unvalidated.
 * `resolveProduceConfig` turns them into a `ProduceConfig`.
 */
export interface ProduceOptions extends ReportOptions {
  bootstrapServer?: string;
  topic?: string;
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
  partitions?: string;
  replicationFactor?: string;
  reportingInterval?: string;
  client?: string;
  keepGoing?: boolean;
  /** `INDEX/COUNT`: this process's share of a run split over COUNT processes. */
  shard?: string;
}
