#!/usr/bin/env node
// @ts-check
/**
 * perf-test's own per-record cost, without any Kafka client or broker: the record loop, the batching producer
 * and histogram recording, against a port that acknowledges every request at once. It bounds what perf-test can
 * drive per thread, whatever the client: compare it with the client's encoding cost (benchmarks/README.md).
 *
 *   npm run build && node benchmarks/hot-path/hot-path.mjs [records=2000000]
 */
import { BatchingProducer } from '../../dist/producer/producer.js';
import { IntervalRecorder } from '../../dist/metrics/recorder.js';
import { runProduceLoop } from '../../dist/worker/produce-loop.js';
import { createPayloadSource } from '../../dist/workload/payload.js';
import { processClock } from '../../dist/util/clock.js';
import { PRODUCER_DEFAULTS } from '../../dist/config/producer-config.js';

const records = Number(process.argv[2] ?? 2_000_000);
/** A port that answers every request at once, each partition without error. */
const ackAtOnce = {
  /** @param {{ batches: readonly { partition: number }[] }} request */
  produce: async (request) => request.batches.map((b) => ({ partition: b.partition, error: undefined })),
};

/** @param {number} size @param {boolean} capped */
async function measure(size, capped) {
  const clock = processClock();
  const recorder = new IntervalRecorder({ intended: capped, steady: false });
  const producer = new BatchingProducer({
    settings: { ...PRODUCER_DEFAULTS, acks: 1 }, topic: 't', partitions: [{ partition: 0, leader: 1 }, { partition: 1, leader: 1 }],
    // @ts-expect-error: only produce() is used
    port: ackAtOnce, clock, listener: recorder, trackIntended: capped,
  });
  const started = performance.now();
  await runProduceLoop({
    producer, recorder, clock, payloads: createPayloadSource({ kind: 'random', sizeBytes: size }), prepare: undefined,
    startMs: clock.nowMs(), records, durationMs: undefined, recordsPerSec: capped ? 1e9 : undefined, warmupRecords: 0,
    ordinalBase: 0, ordinalStride: 1, stop: new AbortController().signal, transactions: undefined,
  });
  await producer.flush();
  const ms = performance.now() - started;
  const acked = recorder.snapshot().acked;
  if (acked !== records) throw new Error(`acked ${acked} of ${records}`);
  return { size, capped, nsPerRecord: Math.round((ms * 1e6) / records), recordsPerSec: Math.round((records / ms) * 1000) };
}

const rows = [];
for (const size of [100, 1024]) for (const capped of [false, true]) rows.push(await measure(size, capped));
console.log('| record size | rate cap path | ns/record | records/s (one thread) |\n| ---: | :---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.size} B | ${r.capped ? 'yes' : 'no'} | ${r.nsPerRecord} | ${r.recordsPerSec.toLocaleString('en-US')} |`);
