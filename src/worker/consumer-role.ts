import type { ClientFactory, ConsumerPort } from '../clients/port.js';
import { ConsumeRecorder } from '../metrics/consume-recorder.js';
import { connectionSpec } from '../clients/connection.js';
import { processClock } from '../util/clock.js';
import type { ConsumeFinal, ConsumeTask, Snapshot, WorkerRole } from './protocol.js';

/**
 * The consumer role of a worker thread: one member of the run's group. It consumes until the main thread says stop; the main
 * thread decides (count, duration, idle timeout, or in e2e runs everything produced was consumed).
 */
export class ConsumerRole implements WorkerRole {
  private port: ConsumerPort | undefined;
  private readonly recorder: ConsumeRecorder;
  private stopRequested!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stopRequested = resolve));

  constructor(private readonly task: ConsumeTask) {
    this.recorder = new ConsumeRecorder(processClock(task.clockOriginMs), task.endToEnd);
  }

  async prepare(client: ClientFactory): Promise<void> {
    const { config } = this.task;
    this.port = client.createConsumer(connectionSpec(config), config.consumer);
    await this.port.connect();
    if (this.task.startPaused) this.port.pause();
    if (this.task.endToEnd) {
      // Producers start only once every consumer has its partitions, so no record waits for a rebalance.
      await this.subscribe();
      await this.recorder.joinedGroup;
    }
  }

  async run(): Promise<ConsumeFinal> {
    if (!this.task.endToEnd) await this.subscribe();
    await this.stopped;
    return { kind: 'consume', snapshot: this.recorder.snapshot(), rebalanceMs: this.recorder.totalRebalanceMs };
  }

  private async subscribe(): Promise<void> {
    const { config, startOffsets } = this.task;
    const port = this.port!;
    this.recorder.startOffsets = startOffsets && Object.fromEntries(Object.entries(startOffsets).map(([k, v]) => [k, BigInt(v)]));
    await port.start(
      { topic: config.topic, include: config.include === undefined ? undefined : new RegExp(config.include), sendTimes: this.task.endToEnd },
      {
        onBatch: (b) => this.recorder.onBatch(b),
        onJoined: (durationMs, assigned) => {
          // Skip what is older than the run without reading it (e2e runs on a topic with history).
          if (startOffsets) {
            for (const { topic, partition } of assigned) {
              const offset = startOffsets[`${topic}:${partition}`];
              if (offset !== undefined) port.seek(topic, partition, offset);
            }
          }
          this.recorder.onJoined(durationMs);
        },
      },
    );
  }

  snapshot(): Snapshot {
    return { kind: 'consume', data: this.recorder.snapshot() };
  }

  stop(): void {
    this.stopRequested();
  }

  resume(): void {
    this.port?.resume();
  }

  async close(): Promise<void> {
    await this.port?.disconnect();
  }
}
