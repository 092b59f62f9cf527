#!/usr/bin/env node
// @ts-check
/**
 * perf-test's own per-record cost, without any Kafka client or broker: the record loop, the batching producer
 * and histogram recording, against a port that acknowledges every request at once. It bounds what perf-test can
 * drive per thread, whatever the client: compare it with the client's encoding cost (benchmarks/README.md).
 *
 * With `--encode ours` the port also encodes every request as the default client's adapter does (perf-test's own
 * encoder, src/clients/produce-request.ts), with `--encode library` as @platformatic/kafka's Produce v11 encoder did
 * before it: the two side by side give the encoding's cost per record, and `--sizes 100` keeps to one record size
 * (for instruction counts under `valgrind --tool=callgrind`, which are repeatable where times are not).
 *
 *   npm run build && node benchmarks/hot-path/hot-path.mjs [records=2000000] [--encode ours|library] [--sizes 100,1024]
 */
import { produceV11 } from '@platformatic/kafka';
import { encodeProduceRequest } from '../../dist/clients/produce-request.js';
import { BatchingProducer } from '../../dist/producer/producer.js';
import { IntervalRecorder } from '../../dist/metrics/recorder.js';
import { runProduceLoop } from '../../dist/worker/produce-loop.js';
import { createPayloadSource } from '../../dist/workload/payload.js';
import { processClock } from '../../dist/util/clock.js';
import { PRODUCER_DEFAULTS } from '../../dist/config/producer-config.js';

const args = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const encode = flag('--encode');
const sizes = (flag('--sizes') ?? '100,1024').split(',').map(Number);
if (encode !== undefined && encode !== 'ours' && encode !== 'library') throw new Error(`--encode: '${encode}' is not ours or library`);
const records = Number(args[0] ?? 2_000_000);

/** The request's bytes, as one of the two encoders makes them (the connection copies them into one buffer too). */
const encoders = {
  /** @param {import('../../dist/clients/port.js').ProduceRequest} r */
  ours: (r) => encodeProduceRequest({ version: 11, transactionalId: undefined, acks: 1, timeoutMs: 30_000, topic: r.topic, batches: r.batches,
    identity: r.identity, timestampMs: Date.now() }),
  /** @param {import('../../dist/clients/port.js').ProduceRequest} r */
  library: (r) => {
    const messages = [];
    for (const { partition, values } of r.batches) for (const value of values) messages.push({ topic: r.topic, partition, value });
    return produceV11.createRequest(1, 30_000, messages, { compression: 'none' }).buffer;
  },
};
let encodedBytes = 0;
/** A port that answers every request at once, each partition without error (after encoding it, with --encode). */
const ackAtOnce = {
  /** @param {import('../../dist/clients/port.js').ProduceRequest} request */
  produce: async (request) => {
    if (encode !== undefined) encodedBytes += encoders[encode](request).length;
    return request.batches.map((b) => ({ partition: b.partition, error: undefined }));
  },
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
    producer, recorder, clock, payloads: createPayloadSource({ kind: 'random', sizeBytes: size, sizes: { kind: 'fixed', bytes: size }, compressibility: undefined }),
    prepare: undefined,
    startMs: clock.nowMs(), records, durationMs: undefined, rate: capped ? 1e9 : undefined, warmupRecords: 0,
    ordinalBase: 0, ordinalStride: 1, stop: new AbortController().signal, transactions: undefined,
  });
  await producer.flush();
  const ms = performance.now() - started;
  const acked = recorder.snapshot().acked;
  if (acked !== records) throw new Error(`acked ${acked} of ${records}`);
  return { size, capped, nsPerRecord: Math.round((ms * 1e6) / records), recordsPerSec: Math.round((records / ms) * 1000) };
}

const rows = [];
for (const size of sizes) for (const capped of [false, true]) rows.push(await measure(size, capped));
if (encode !== undefined) console.log(`requests encoded by ${encode === 'ours' ? "perf-test's encoder" : "@platformatic/kafka's encoder"}: ${encodedBytes} bytes`);
console.log('| record size | rate cap path | ns/record | records/s (one thread) |\n| ---: | :---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.size} B | ${r.capped ? 'yes' : 'no'} | ${r.nsPerRecord} | ${r.recordsPerSec.toLocaleString('en-US')} |`);
