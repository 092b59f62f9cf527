import { describe, expect, it } from 'vitest';
import {
  KAFKA_IN_STEADY_STATE, kafkaIntervalLine, kafkaSteadyStateLine, kafkaTotalLine, kafkaWarmupLine,
} from '../../../src/report/kafka-lines.js';
import type { IntervalResult, LatencySummary, ProduceResult, SteadyStateResult } from '../../../src/report/result.js';

/** Kafka's own example of its final line (docs of kafka-producer-perf-test). */
const KAFKA_EXAMPLE = '500000 records sent, 9997.200784 records/sec (9.76 MB/sec), 0.84 ms avg latency, 184.00 ms max latency, 1 ms 50th, 1 ms 95th, 2 ms 99th, 42 ms 99.9th.';

function latency(l: Partial<LatencySummary>): LatencySummary {
  return { avg: 0, min: 0, max: 0, p50: 0, p95: 0, p99: 0, p999: 0, ...l };
}

function interval(over: Partial<IntervalResult>): IntervalResult {
  return {
    elapsedMs: 5000, durationMs: 5000, records: 0, failed: 0, bytes: 0,
    throughput: { recordsPerSec: 0, mbPerSec: 0 }, latencyMs: null, intendedLatencyMs: null, histogram: '', ...over,
  };
}

/** The figures of a result that Kafka's total line reads; the rest of the result plays no part. */
type TotalFigures = Pick<ProduceResult, 'records' | 'throughput' | 'latencyMs'>;

function produceResult(over: Partial<TotalFigures>): ProduceResult {
  const figures: TotalFigures = {
    records: { sent: 0, acked: 0, failed: 0, abandoned: 0 },
    throughput: { recordsPerSec: 0, mbPerSec: 0 },
    latencyMs: null,
    ...over,
  };
  return figures as ProduceResult;
}

describe('kafkaIntervalLine', () => {
  it('follows "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency."', () => {
    const line = kafkaIntervalLine(interval({
      records: 49987,
      throughput: { recordsPerSec: 9997.4, mbPerSec: 9.763086 },
      latencyMs: latency({ avg: 0.84, max: 184 }),
    }));
    expect(line).toBe('49987 records sent, 9997.4 records/sec (9.76 MB/sec), 0.8 ms avg latency, 184.0 ms max latency.');
  });

  it('rounds each figure HALF_UP like Java', () => {
    const line = kafkaIntervalLine(interval({
      records: 3,
      throughput: { recordsPerSec: 99.95, mbPerSec: 1.005 },
      latencyMs: latency({ avg: 0.15, max: 9.96 }),
    }));
    expect(line).toBe('3 records sent, 100.0 records/sec (1.01 MB/sec), 0.2 ms avg latency, 10.0 ms max latency.');
  });

  it('prints zero latency when the interval has no latency figures', () => {
    const line = kafkaIntervalLine(interval({ records: 0 }));
    expect(line).toBe('0 records sent, 0.0 records/sec (0.00 MB/sec), 0.0 ms avg latency, 0.0 ms max latency.');
  });
});

describe('kafkaTotalLine', () => {
  it('reproduces Kafka\'s example byte for byte from the same figures', () => {
    const line = kafkaTotalLine(produceResult({
      records: { sent: 500000, acked: 500000, failed: 0, abandoned: 0 },
      throughput: { recordsPerSec: 9997.200784, mbPerSec: (9997.200784 * 1024) / (1024 * 1024) },
      latencyMs: latency({ avg: 0.84, max: 184, p50: 1, p95: 1, p99: 2, p999: 42 }),
    }));
    expect(line).toBe(KAFKA_EXAMPLE);
  });

  it('counts acknowledged records, not records sent', () => {
    const line = kafkaTotalLine(produceResult({
      records: { sent: 600, acked: 500, failed: 100, abandoned: 0 },
      throughput: { recordsPerSec: 250, mbPerSec: 0.25 },
      latencyMs: latency({ avg: 3, max: 7, p50: 3, p95: 6, p99: 7, p999: 7 }),
    }));
    expect(line).toBe('500 records sent, 250.000000 records/sec (0.25 MB/sec), 3.00 ms avg latency, 7.00 ms max latency, 3 ms 50th, 6 ms 95th, 7 ms 99th, 7 ms 99.9th.');
  });

  it('rounds percentiles to whole milliseconds (half up) and prints %f with six decimals', () => {
    const line = kafkaTotalLine(produceResult({
      records: { sent: 7, acked: 7, failed: 0, abandoned: 0 },
      throughput: { recordsPerSec: 1 / 3, mbPerSec: 0.005 },
      latencyMs: latency({ avg: 1.005, max: 2.675, p50: 0.5, p95: 1.49, p99: 2.5, p999: 2.675 }),
    }));
    expect(line).toBe('7 records sent, 0.333333 records/sec (0.01 MB/sec), 1.01 ms avg latency, 2.68 ms max latency, 1 ms 50th, 1 ms 95th, 3 ms 99th, 3 ms 99.9th.');
  });

  it('prints NaN average latency when nothing was acknowledged, as Kafka does (0 / 0.0)', () => {
    const line = kafkaTotalLine(produceResult({}));
    expect(line).toBe('0 records sent, 0.000000 records/sec (0.00 MB/sec), NaN ms avg latency, 0.00 ms max latency, 0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th.');
  });
});

describe('kafkaSteadyStateLine', () => {
  it('is the total line with " steady state" after the count', () => {
    const s: SteadyStateResult = {
      records: 450000,
      bytes: 450000 * 1024,
      durationMs: 45000,
      throughput: { recordsPerSec: 10000, mbPerSec: 9.765625 },
      latencyMs: latency({ avg: 0.755, max: 42.004, p50: 1, p95: 1, p99: 2, p999: 11.6 }),
    };
    expect(kafkaSteadyStateLine(s)).toBe('450000 steady state records sent, 10000.000000 records/sec (9.77 MB/sec), 0.76 ms avg latency, 42.00 ms max latency, 1 ms 50th, 1 ms 95th, 2 ms 99th, 12 ms 99.9th.');
  });
});

describe('warmup lines', () => {
  it('announces the warmup as Kafka 4.2 does', () => {
    expect(kafkaWarmupLine(1000)).toBe('Warmup first 1000 records. Steady state results will print after the complete test summary.');
  });

  it('marks the start of steady state', () => {
    expect(KAFKA_IN_STEADY_STATE).toBe('In steady state.');
  });
});

describe('compatibility with scripts that split Kafka\'s final line on ", "', () => {
  /** Each field of Kafka's format, in order. */
  const FIELDS = [
    /^\d+( steady state)? records sent$/,
    /^\d+\.\d{6} records\/sec \(\d+\.\d{2} MB\/sec\)$/,
    /^\d+\.\d{2} ms avg latency$/,
    /^\d+\.\d{2} ms max latency$/,
    /^\d+ ms 50th$/,
    /^\d+ ms 95th$/,
    /^\d+ ms 99th$/,
    /^\d+ ms 99\.9th\.$/,
  ];
  const shape = (line: string) => line.split(', ').map((f) => f.replace(/\d+(\.\d+)?/g, 'N'));

  it('Kafka\'s example matches the field patterns (the patterns are right)', () => {
    const fields = KAFKA_EXAMPLE.split(', ');
    expect(fields).toHaveLength(8);
    fields.forEach((f, i) => expect(f).toMatch(FIELDS[i]!));
  });

  it('our total and steady-state lines split into the same fields as Kafka\'s example', () => {
    const total = kafkaTotalLine(produceResult({
      records: { sent: 123456, acked: 123456, failed: 0, abandoned: 0 },
      throughput: { recordsPerSec: 24691.2, mbPerSec: 24.1125 },
      latencyMs: latency({ avg: 12.3456, max: 1234.5, p50: 10.4, p95: 30.6, p99: 99.5, p999: 1000.49 }),
    }));
    const steady = kafkaSteadyStateLine({
      records: 100000, bytes: 0, durationMs: 4000,
      throughput: { recordsPerSec: 25000, mbPerSec: 24.4140625 },
      latencyMs: latency({ avg: 11, max: 900, p50: 10, p95: 30, p99: 99, p999: 800 }),
    });
    for (const line of [total, steady]) {
      const fields = line.split(', ');
      expect(fields).toHaveLength(8);
      fields.forEach((f, i) => expect(f).toMatch(FIELDS[i]!));
    }
    expect(shape(total)).toEqual(shape(KAFKA_EXAMPLE));
    expect(total).toBe('123456 records sent, 24691.200000 records/sec (24.11 MB/sec), 12.35 ms avg latency, 1234.50 ms max latency, 10 ms 50th, 31 ms 95th, 100 ms 99th, 1000 ms 99.9th.');
  });

  it('the interval line splits into Kafka\'s five interval fields', () => {
    const fields = kafkaIntervalLine(interval({
      records: 10, throughput: { recordsPerSec: 2, mbPerSec: 0.001 }, latencyMs: latency({ avg: 1, max: 2 }),
    })).split(', ');
    expect(fields).toEqual(['10 records sent', '2.0 records/sec (0.00 MB/sec)', '1.0 ms avg latency', '2.0 ms max latency.']);
  });
});
