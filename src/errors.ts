/**
 * Exit codes are part of the public contract: CI scripts branch on them, so each names one kind of outcome.
 */
export const ExitCode = {
  /** The run completed and every gate held. */
  Ok: 0,
  /** The run completed but an `--assert` or baseline gate failed. */
  GateFailed: 1,
  /** The command line or a config file was invalid; nothing was sent. */
  Usage: 2,
  /**
   * The cluster could not be reached or set up (topic creation, metadata, authentication); or, after a run whose
   * gates held, a report file (--html, --hdr-log) could not be written.
   */
  Setup: 3,
  /** The run completed but some records failed to be delivered. */
  RecordsFailed: 4,
  /** An internal error: a bug in perf-test or a crashed worker. */
  Internal: 5,
  /**
   * Authentication or TLS failed: wrong SASL credentials, a SASL mechanism the broker does not enable, a broker
   * certificate that is not trusted or does not match the host name, a client certificate the broker refused.
   * The cluster was reachable: retrying will not help until the security settings change.
   */
  Auth: 6,
  /** compare --max-regression could not tell pass from fail: the 95% interval straddles the bound. */
  Inconclusive: 7,
  /** Interrupted by SIGINT/SIGTERM; the partial result was reported. */
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base of every error the user should see as one line, without a stack trace. */
export class PerfTestError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input: a flag, a property or a file. The message names the flag and the value. */
export class UsageError extends PerfTestError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
  }
}

/** The cluster was unreachable, or a setup step against it failed. */
export class SetupError extends PerfTestError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, ExitCode.Setup, hint, options);
  }
}

/** The cluster refused perf-test's credentials or certificate, or perf-test refused the cluster's certificate. */
export class AuthError extends PerfTestError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, ExitCode.Auth, hint, options);
  }
}

/** A worker thread failed; the run was stopped. */
export class WorkerCrashError extends PerfTestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.Internal, undefined, options);
  }
}

/** Builds the message of a bad flag value consistently: `--flag: 'value' is not ...`. */
export function badValue(flag: string, value: unknown, why: string): UsageError {
  return new UsageError(`${flag}: '${String(value)}' ${why}`);
}
