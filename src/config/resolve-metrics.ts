import { randomUUID } from 'node:crypto';
import { badValue } from '../errors.js';
import { parseInteger } from './values.js';

/** The live-metrics flags as the command line gives them. */
export interface MetricsOptions {
  metricsPort?: string;
  metricsHost?: string;
  runId?: string;
  /** `INDEX/COUNT`: this process's share of a run split over COUNT processes (--shard; the shard label). */
  shard?: string;
}

/** Where `/metrics` is served, and the labels of its series. */
export interface MetricsConfig {
  readonly host: string;
  /** 0 picks a free port (the one chosen is printed). */
  readonly port: number;
  readonly runId: string;
  /** This process's shard index (`--shard I/N`), "0" without one. */
  readonly shard: string;
}

/** Resolves `--metrics-port`, `--metrics-host` (default 127.0.0.1: the loopback only) and `--run-id`. */
export function resolveMetricsConfig(o: MetricsOptions): MetricsConfig | undefined {
  if (o.metricsPort === undefined) {
    for (const [flag, value] of [['--metrics-host', o.metricsHost], ['--run-id', o.runId]] as const) {
      if (value !== undefined) throw badValue(flag, value, 'needs --metrics-port');
    }
    return undefined;
  }
  const host = o.metricsHost ?? '127.0.0.1';
  if (host.trim() === '' || /\s/.test(host)) throw badValue('--metrics-host', host, 'is not a host name or address');
  const runId = o.runId ?? randomUUID().slice(0, 8);
  if (runId.length === 0) throw badValue('--run-id', runId, 'is empty');
  return Object.freeze({
    host,
    port: parseInteger('--metrics-port', o.metricsPort, 0, 65535),
    runId,
    shard: /^\s*(\d+)\s*\//.exec(o.shard ?? '')?.[1] ?? '0',
  });
}
