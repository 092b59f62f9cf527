/** Client-side figures of one producer, summed over workers for `--print-metrics`. */
export interface ProducerMetrics {
  /** Produce requests sent. */
  requests: number;
  /** Batches sent (one per partition per request at most). */
  batches: number;
  /** Records sent in requests. */
  records: number;
  /** Estimated bytes of the batches sent (uncompressed). */
  batchBytes: number;
  /** Requests that failed, wholly or for some partitions (each try counts). */
  failedRequests: number;
  /** Records sent again after a retriable error (Java's `record-retry-total`). */
  recordRetries: number;
  /** Times the leaders were looked up again (after start-up). */
  metadataRefreshes: number;
  /** Idempotent producer epochs bumped after a sequence gap. */
  epochBumps: number;
  /** Sum and max of request round trips, send to response. */
  requestLatencyTotalMs: number;
  requestLatencyMaxMs: number;
  /** Most requests in flight to one broker at once. */
  maxInFlight: number;
  /** Times `send` blocked on a full `buffer.memory`, and times it gave up after `max.block.ms`. */
  bufferWaits: number;
  bufferTimeouts: number;
}

export function emptyProducerMetrics(): ProducerMetrics {
  return {
    requests: 0, batches: 0, records: 0, batchBytes: 0, failedRequests: 0, recordRetries: 0, metadataRefreshes: 0, epochBumps: 0,
    requestLatencyTotalMs: 0, requestLatencyMaxMs: 0, maxInFlight: 0, bufferWaits: 0, bufferTimeouts: 0,
  };
}

/** Adds `b` into `a` (maxima take the larger). */
export function addProducerMetrics(a: ProducerMetrics, b: ProducerMetrics): ProducerMetrics {
  return {
    requests: a.requests + b.requests,
    batches: a.batches + b.batches,
    records: a.records + b.records,
    batchBytes: a.batchBytes + b.batchBytes,
    failedRequests: a.failedRequests + b.failedRequests,
    recordRetries: a.recordRetries + b.recordRetries,
    metadataRefreshes: a.metadataRefreshes + b.metadataRefreshes,
    epochBumps: a.epochBumps + b.epochBumps,
    requestLatencyTotalMs: a.requestLatencyTotalMs + b.requestLatencyTotalMs,
    requestLatencyMaxMs: Math.max(a.requestLatencyMaxMs, b.requestLatencyMaxMs),
    maxInFlight: Math.max(a.maxInFlight, b.maxInFlight),
    bufferWaits: a.bufferWaits + b.bufferWaits,
    bufferTimeouts: a.bufferTimeouts + b.bufferTimeouts,
  };
}
