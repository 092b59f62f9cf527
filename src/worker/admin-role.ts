import type { AdminPort, ClientFactory } from '../clients/port.js';
import { connectionSpec } from '../clients/connection.js';
import type { AdminFinal, AdminOutcome, AdminTask, EnsuredTopic, Snapshot, WorkerRole } from './protocol.js';

/** The admin role of a short-lived worker thread: connects, does its one job, reports what it found. */
export class AdminRole implements WorkerRole {
  private admin: AdminPort | undefined;

  constructor(private readonly task: AdminTask) {}

  async prepare(client: ClientFactory): Promise<void> {
    this.admin = client.createAdmin(connectionSpec(this.task.config));
    await this.admin.connect();
  }

  async run(): Promise<AdminFinal> {
    return { kind: 'admin', outcome: await this.perform(this.admin!) };
  }

  private async perform(admin: AdminPort): Promise<AdminOutcome> {
    const { job } = this.task;
    if (job.kind === 'list-topics') return { kind: 'list-topics', topics: await admin.listTopics() };
    const topics: EnsuredTopic[] = [];
    for (const spec of job.topics) {
      const { partitions, created } = await admin.ensureTopic(spec);
      const endOffsets = job.endOffsets ? await admin.endOffsets(spec.name) : undefined;
      topics.push({ name: spec.name, partitions, created, endOffsets });
    }
    return { kind: 'ensure-topics', topics };
  }

  snapshot(): Snapshot | undefined {
    return undefined;
  }

  /** A job is a few requests, each bounded by the client's timeouts and the run's set-up deadline: nothing to stop. */
  stop(): void {}

  async close(): Promise<void> {
    await this.admin?.disconnect();
  }
}
