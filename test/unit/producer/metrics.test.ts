import { describe, expect, it } from 'vitest';
import { addProducerMetrics, emptyProducerMetrics, type ProducerMetrics } from '../../../src/producer/metrics.js';

describe('producer metrics', () => {
  it('start at zero', () => {
    expect(emptyProducerMetrics()).toEqual({
      requests: 0, batches: 0, records: 0, batchBytes: 0, failedRequests: 0, recordRetries: 0, metadataRefreshes: 0, epochBumps: 0,
      requestLatencyTotalMs: 0, requestLatencyMaxMs: 0, maxInFlight: 0, bufferWaits: 0, bufferTimeouts: 0,
    });
  });

  it('add counts and sums, and take the larger maximum', () => {
    const a: ProducerMetrics = {
      requests: 10, batches: 12, records: 100, batchBytes: 5000, failedRequests: 1, recordRetries: 4, metadataRefreshes: 1, epochBumps: 0,
      requestLatencyTotalMs: 50, requestLatencyMaxMs: 9, maxInFlight: 5, bufferWaits: 2, bufferTimeouts: 0,
    };
    const b: ProducerMetrics = {
      requests: 3, batches: 4, records: 30, batchBytes: 1500, failedRequests: 2, recordRetries: 6, metadataRefreshes: 2, epochBumps: 1,
      requestLatencyTotalMs: 12.5, requestLatencyMaxMs: 11, maxInFlight: 2, bufferWaits: 1, bufferTimeouts: 1,
    };
    expect(addProducerMetrics(a, b)).toEqual({
      requests: 13, batches: 16, records: 130, batchBytes: 6500, failedRequests: 3, recordRetries: 10, metadataRefreshes: 3, epochBumps: 1,
      requestLatencyTotalMs: 62.5, requestLatencyMaxMs: 11, maxInFlight: 5, bufferWaits: 3, bufferTimeouts: 1,
    });
    expect(a.requests).toBe(10); // inputs unchanged
  });
});
