// One node's JVM: spawn it, wait until its client port accepts, stop it (SIGTERM) or kill it (SIGKILL).
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JavaCommand } from './java.js';
import type { NodeLayout } from './layout.js';
import { STOP_GRACE_MS, settlesWithin, tails, terminate } from './os.js';
import { canConnect } from './ports.js';
import { HOST, type NodeAddress } from './properties.js';

const KILL_WAIT_MS = 5_000;

/** A node of a running cluster, as its caller sees it now. */
export interface NodeInfo {
  /** Kafka's node.id, 1..N. */
  readonly id: number;
  /** The client (PLAINTEXT) port. */
  readonly port: number;
  readonly controllerPort: number;
  /** "127.0.0.1:<port>" */
  readonly bootstrapServer: string;
  /** The JVM's pid while it runs; undefined once it was stopped, killed or died. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Its config, logs (server.log, java.out) and data. */
  readonly dir: string;
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One spawn of the JVM: a restart makes another. */
interface Run {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  exit?: Exit;
}

export class KafkaNode {
  #run: Run | undefined;

  constructor(
    readonly address: NodeAddress,
    readonly layout: NodeLayout,
    private readonly command: JavaCommand,
    /** In its own session, to outlive this process (the CLI's background cluster). */
    private readonly detached: boolean,
  ) {}

  get running(): boolean {
    return this.#run !== undefined && this.#run.exit === undefined;
  }

  info(): NodeInfo {
    const { id, port, controllerPort } = this.address;
    const pid = this.running ? this.#run?.child.pid : undefined;
    return { id, port, controllerPort, bootstrapServer: `${HOST}:${port}`, pid, running: this.running, dir: this.layout.dir };
  }

  /** Starts the JVM on the node's existing config and data; {@link waitReady} tells when it serves. */
  spawn(): void {
    if (this.running) throw new Error(`Kafka node ${this.address.id} is already running`);
    const out = fs.openSync(this.layout.javaOut, 'a');
    let child: ChildProcess;
    try {
      const options = { cwd: this.layout.dir, stdio: ['ignore', out, out], detached: this.detached } satisfies SpawnOptions;
      child = spawn(this.command.command, this.command.args, options);
    } finally {
      fs.closeSync(out);
    }
    const exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        run.exit = { code, signal };
        resolve();
      });
      child.once('error', () => {
        run.exit ??= { code: null, signal: null };
        resolve();
      });
    });
    const run: Run = { child, exited };
    this.#run = run;
  }

  /**
   * Resolves once the client port accepts connections (Kafka opens it when the broker is ready), throws with the
   * logs' last lines if the JVM exits first or `deadline` (epoch ms) passes.
   */
  async waitReady(deadline: number): Promise<void> {
    const run = this.#run;
    const address = `${HOST}:${this.address.port}`;
    if (!run) throw new Error(`Kafka node ${this.address.id} was never started`);
    for (;;) {
      const connected = await Promise.race([canConnect(this.address.port), run.exited.then(() => false)]);
      if (run.exit) {
        const how = run.exit.signal ? `was killed by ${run.exit.signal}` : `exited with code ${run.exit.code}`;
        throw new Error(`Kafka node ${this.address.id} ${how} before accepting connections on ${address}\n${this.logs()}`);
      }
      if (connected) return;
      if (Date.now() > deadline) {
        throw new Error(`Kafka node ${this.address.id} did not accept connections on ${address} in time\n${this.logs()}`);
      }
      await sleep(200);
    }
  }

  /** SIGTERM, so that Kafka shuts down cleanly (SIGKILL after `graceMs`, default 20 s); resolves once the JVM has exited. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    const run = this.#run;
    if (run?.child.pid !== undefined && this.running) await terminate(run.child.pid, { exited: run.exited, graceMs });
  }

  /** SIGKILL, as a crash; resolves once the JVM has exited. */
  async kill(): Promise<void> {
    const run = this.#run;
    if (!run || !this.running) return;
    run.child.kill('SIGKILL');
    if (!(await settlesWithin(run.exited, KILL_WAIT_MS))) {
      throw new Error(`Kafka node ${this.address.id} (pid ${run.child.pid}) did not exit after SIGKILL`);
    }
  }

  /** SIGKILL without waiting: for a process that is exiting and cannot wait. */
  killNow(): void {
    if (this.running) this.#run?.child.kill('SIGKILL');
  }

  /** Lets this process exit while the (detached) JVM runs on. */
  unref(): void {
    this.#run?.child.unref();
  }

  /** The last lines of its logs, for an error message. */
  logs(): string {
    return tails([this.layout.serverLog, this.layout.javaOut]);
  }
}
