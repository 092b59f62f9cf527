import { parentPort } from 'node:worker_threads';
import { clientFactory } from '../clients/registry.js';
import type { ProducerPort } from '../clients/port.js';
import { IntervalRecorder } from '../metrics/recorder.js';
import { BatchingProducer, type DeliveryListener } from '../producer/producer.js';
import { processClock, sleep } from '../util/clock.js';
import { createPayloadSource } from '../workload/payload.js';
import { PerfTestError, SetupError } from '../errors.js';
import { runProduceLoop, StopSignal } from './produce-loop.js';
import type { FromWorker, ProduceTask, ToWorker, WorkerErrorInfo } from './protocol.js';
import { connectionSpec } from '../run/connection.js';

const port = parentPort;
if (!port) throw new Error('worker/entry must run in a worker thread');

const post = (m: FromWorker) => port.postMessage(m);
const stop = new StopSignal();
/** Set by a stop request: how long to wait for in-flight records before giving up on them. */
let drainMs: number | undefined;
let recorder: IntervalRecorder | undefined;
let producerPort: ProducerPort | undefined;
let startWithMs: ((startMs: number) => void) | undefined;

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'init':
      run(m.task).catch(reportError);
      break;
    case 'go':
      startWithMs?.(m.startMs);
      break;
    case 'snapshot':
      if (recorder) post({ type: 'snapshot', seq: m.seq, snapshot: recorder.snapshot() });
      break;
    case 'stop':
      drainMs = m.drainMs;
      stop.stop();
      break;
  }
});

async function run(task: ProduceTask): Promise<void> {
  const { config } = task;
  const clock = processClock(task.clockOriginMs);
  const client = clientFactory(config.client);
  const settings = task.workerIndex === 0 || config.producer.transactionalId === undefined
    ? config.producer
    : { ...config.producer, transactionalId: `${config.producer.transactionalId}-${task.workerIndex}` };
  producerPort = client.createProducer(connectionSpec(config), settings);
  await producerPort.connect();
  const partitions = await producerPort.partitions(config.topic.name);
  if (partitions.length === 0) throw new SetupError(`topic '${config.topic.name}' has no partitions`);

  recorder = new IntervalRecorder({ intended: task.recordsPerSec !== undefined, steady: config.warmupRecords > 0 });
  const producer = new BatchingProducer({
    settings, topic: config.topic.name, partitions, port: producerPort, clock,
    listener: config.keepGoing ? recorder : stopOnExpiry(recorder, stop),
  });
  const startMs = await new Promise<number>((resolve) => {
    startWithMs = resolve;
    post({ type: 'ready' });
  });

  const txPort = producerPort;
  injectFaults(producer);
  await runProduceLoop({
    producer, recorder, clock, startMs, stop,
    payloads: createPayloadSource(config.payload),
    records: task.records,
    durationMs: config.stop.kind === 'duration' ? config.stop.durationMs : undefined,
    recordsPerSec: task.recordsPerSec,
    warmupRecords: task.warmupRecords,
    ordinalBase: task.ordinalBase,
    ordinalStride: task.ordinalStride,
    transactions: config.transactionDurationMs === undefined ? undefined : {
      durationMs: config.transactionDurationMs,
      begin: () => txPort.beginTransaction(),
      commit: () => txPort.commitTransaction(),
    },
  });

  // Wait for every record's outcome (delivery.timeout.ms bounds it); after a stop request, only for `drainMs`.
  const flushed = producer.flush().then(() => true);
  const done = await (drainMs === undefined ? flushed : Promise.race([flushed, sleep(drainMs).then(() => false)]));
  let abandoned = 0;
  if (!done) abandoned = producer.abandonUnsent() + producer.pending;
  if (config.transactionDurationMs !== undefined) {
    if (done) await producerPort.commitTransaction();
    else await producerPort.abortTransaction().catch(() => undefined);
  }
  post({
    type: 'done',
    final: {
      snapshot: recorder.snapshot(),
      abandoned,
      steadyStartMs: Number.isFinite(recorder.steadyFromMs) ? recorder.steadyFromMs : undefined,
      metrics: producer.metrics(),
    },
  });
  await producerPort.disconnect();
  port!.close();
}

/**
 * Stops sending once records expire (delivery.timeout.ms, or max.block.ms on a full buffer): the cluster is
 * gone or far too slow, and sending more would only queue more failures. `--keep-going` turns this off.
 */
function stopOnExpiry(inner: DeliveryListener, signal: StopSignal): DeliveryListener {
  return {
    onAcked: (batch, ackMs) => inner.onAcked(batch, ackMs),
    onFailed: (records, valueBytes, error) => {
      inner.onFailed(records, valueBytes, error);
      if (error === 'TimeoutException') signal.stop();
    },
  };
}

function reportError(e: unknown): void {
  const info: WorkerErrorInfo = {
    name: e instanceof Error ? e.name : 'Error',
    message: e instanceof Error ? e.message : String(e),
    stack: e instanceof Error ? e.stack : undefined,
    exitCode: e instanceof PerfTestError ? e.exitCode : undefined,
    hint: e instanceof PerfTestError ? e.hint : undefined,
  };
  post({ type: 'error', error: info });
  void producerPort?.disconnect().finally(() => port!.close());
}

/**
 * Fault injection for perf-test's own tests (never set by users): PERF_TEST_FAILPOINT=worker-crash:N throws an
 * uncaught error in the worker after N records, as a bug or an out-of-memory would.
 */
function injectFaults(producer: BatchingProducer): void {
  const m = /^worker-crash:(\d+)$/.exec(process.env['PERF_TEST_FAILPOINT'] ?? '');
  if (!m) return;
  const after = Number(m[1]);
  const timer = setInterval(() => {
    if (producer.metrics().records < after) return;
    clearInterval(timer);
    throw new Error('injected fault: worker crash (PERF_TEST_FAILPOINT)');
  }, 10);
}
