/**
 * The produce command's options as the command line gives them: strings, unvalidated.
 * `resolveProduceConfig` turns them into a `ProduceConfig`.
 */
export interface ProduceOptions {
  bootstrapServer?: string;
  topic?: string;
  numRecords?: string;
  duration?: string;
  recordSize?: string;
  payloadFile?: string;
  payloadDelimiter?: string;
  payloadMonotonic?: boolean;
  throughput?: string;
  producerProps?: string[];
  commandProperty?: string[];
  producerConfig?: string;
  commandConfig?: string;
  printMetrics?: boolean;
  transactionalId?: string;
  transactionDurationMs?: string;
  warmupRecords?: string;
  producers?: string;
  partitions?: string;
  replicationFactor?: string;
  reportingInterval?: string;
  format?: string;
  json?: boolean;
  client?: string;
  debug?: boolean;
}
