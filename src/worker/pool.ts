import { PerfTestError, WorkerCrashError, type ExitCodeValue } from '../errors.js';
import type { LaunchedWorker, WorkerLauncher } from './launchers.js';
import type { FromWorker, Snapshot, ToWorker, WorkerErrorInfo, WorkerFinal, WorkerTask } from './protocol.js';

/** Turns a worker's error back into the error the user should see. */
function toError(index: number, info: WorkerErrorInfo): PerfTestError {
  if (info.exitCode !== undefined) {
    const e = new PerfTestError(info.message, info.exitCode as ExitCodeValue, info.hint);
    e.stack = info.stack;
    return e;
  }
  const e = new WorkerCrashError(`worker ${index} failed: ${info.name}: ${info.message}`);
  e.stack = info.stack;
  return e;
}

interface Member {
  readonly index: number;
  readonly kind: WorkerTask['kind'];
  readonly finished: Promise<WorkerFinal>;
  finish: (f: WorkerFinal) => void;
  readonly worker: LaunchedWorker;
  final: WorkerFinal | undefined;
  readonly snapshots: Map<number, (s: Snapshot | undefined) => void>;
}

/**
 * The worker threads of a run and the typed conversation with them. Any worker's failure rejects `failed`
 * and terminates the others: a run never goes on with a part of its load missing.
 */
export class WorkerPool {
  private readonly members: Member[];
  private readonly allReady: Promise<void>;
  private readonly allDone: Promise<WorkerFinal[]>;
  private fail!: (e: Error) => void;
  /** Rejects when a worker fails; never resolves. */
  readonly failed: Promise<never>;
  private closed = false;
  private failure: Error | undefined;
  /** Rejecters of snapshot requests under way. */
  private readonly waiting = new Set<(e: Error) => void>();

  constructor(tasks: readonly WorkerTask[], launcher: WorkerLauncher) {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    let readyResolve!: () => void;
    let ready = 0;
    this.allReady = new Promise<void>((resolve) => (readyResolve = resolve));
    let doneResolve!: (f: WorkerFinal[]) => void;
    let done = 0;
    this.allDone = new Promise<WorkerFinal[]>((resolve) => (doneResolve = resolve));

    this.members = tasks.map((task) => {
      let finish!: (f: WorkerFinal) => void;
      const finished = new Promise<WorkerFinal>((resolve) => (finish = resolve));
      const onMessage = (m: FromWorker) => {
        switch (m.type) {
          case 'ready':
            if (++ready === tasks.length) readyResolve();
            break;
          case 'snapshot':
            member.snapshots.get(m.seq)?.(m.snapshot);
            member.snapshots.delete(m.seq);
            break;
          case 'done':
            member.final = m.final;
            member.finish(m.final);
            // A snapshot asked for after the worker's last one is in its final report.
            for (const reply of member.snapshots.values()) reply(undefined);
            member.snapshots.clear();
            if (++done === tasks.length) doneResolve(this.members.map((x) => x.final!));
            break;
          case 'error':
            this.abort(toError(member.index, m.error));
            break;
        }
      };
      const worker = launcher.launch({
        message: onMessage,
        crashed: (e) => this.abort(new WorkerCrashError(`worker ${member.index} crashed: ${e.message}`, { cause: e })),
        exited: (code) => {
          if (member.final === undefined && !this.closed) {
            this.abort(new WorkerCrashError(`worker ${member.index} exited (code ${code}) before finishing its share`));
          }
        },
      });
      const member: Member = { index: task.workerIndex, kind: task.kind, finished, finish, worker, final: undefined, snapshots: new Map() };
      this.send(member, { type: 'init', task });
      return member;
    });
  }

  /** Resolves when every worker is connected and waits for `go`. */
  ready(): Promise<void> {
    return Promise.race([this.allReady, this.failed]);
  }

  /** Starts the workers of one kind (all by default) on the same clock reading. */
  go(startMs: number, kind?: WorkerTask['kind']): void {
    for (const m of this.members) if (kind === undefined || m.kind === kind) this.send(m, { type: 'go', startMs });
  }

  /** Collects one interval snapshot from every worker still running. */
  snapshot(seq: number): Promise<Snapshot[]> {
    // After a failure no worker answers any more.
    if (this.failure) return Promise.reject(this.failure);
    const running = this.members.filter((m) => m.final === undefined);
    const replies = running.map((m) => new Promise<Snapshot | undefined>((resolve) => {
      m.snapshots.set(seq, resolve);
      this.send(m, { type: 'snapshot', seq });
    }));
    const all = Promise.all(replies).then((s) => s.filter((x): x is Snapshot => x !== undefined));
    // Not raced against `failed`: a reaction per call would stay on it for the whole run (a leak). A failure
    // rejects the snapshots still waiting instead.
    return new Promise<Snapshot[]>((resolve, reject) => {
      this.waiting.add(reject);
      all.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }

  /** Asks the workers of one kind (all by default) to stop and report within `drainMs`. */
  stop(drainMs: number, kind?: WorkerTask['kind']): void {
    for (const m of this.members) if (kind === undefined || m.kind === kind) this.send(m, { type: 'stop', drainMs });
  }

  /** Resolves with every worker's final report. */
  done(): Promise<WorkerFinal[]> {
    return Promise.race([this.allDone, this.failed]);
  }

  /** Resolves with the final reports of the workers of one kind. */
  doneOf(kind: WorkerTask['kind']): Promise<WorkerFinal[]> {
    const members = this.members.filter((m) => m.kind === kind);
    const finals = Promise.all(members.map((m) => m.finished));
    return Promise.race([finals, this.failed]);
  }

  /** Lets the workers of one kind that started paused (e2e --backlog consumers) go on. */
  resume(kind: WorkerTask['kind']): void {
    for (const m of this.members) if (m.kind === kind) this.send(m, { type: 'resume' });
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.members.map((m) => m.worker.terminate()));
  }

  /**
   * Ends the pool as `close` does, but the workers that reported their task done and wait for another (a set-up
   * job's) hand their threads to the launcher's next pool.
   */
  async release(): Promise<void> {
    this.closed = true;
    await Promise.all(this.members.map((m) => (m.final !== undefined && m.kind === 'admin' ? m.worker.release() : m.worker.terminate())));
  }

  private abort(e: Error): void {
    if (this.closed) return;
    this.failure = e;
    this.fail(e);
    for (const reject of this.waiting) reject(e);
    void this.close();
  }

  private send(m: Member, message: ToWorker): void {
    m.worker.send(message);
  }
}
