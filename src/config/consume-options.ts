import type { ReportOptions } from './report-config.js';

/** The consume command's options as the command line gives them: strings, unvalidated. */
export interface ConsumeOptions extends ReportOptions {
  bootstrapServer?: string;
  topic?: string;
  include?: string;
  messages?: string;
  numRecords?: string;
  duration?: string;
  group?: string;
  fetchSize?: string;
  fromLatest?: boolean;
  showDetailedStats?: boolean;
  reportingInterval?: string;
  timeout?: string;
  dateFormat?: string;
  hideHeader?: boolean;
  consumerConfig?: string;
  commandConfig?: string;
  commandProperty?: string[];
  consumers?: string;
  workerYoungGenerationMb?: string;
  client?: string;
}
