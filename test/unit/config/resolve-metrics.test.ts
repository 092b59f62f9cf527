import { describe, expect, it } from 'vitest';
import { resolveMetricsConfig } from '../../../src/config/resolve-metrics.js';
import { UsageError } from '../../../src/errors.js';

describe('resolveMetricsConfig', () => {
  it('is off without --metrics-port; listens on the loopback by default, labelled by run and shard', () => {
    expect(resolveMetricsConfig({})).toBeUndefined();
    const c = resolveMetricsConfig({ metricsPort: '9464' })!;
    expect(c).toMatchObject({ host: '127.0.0.1', port: 9464, shard: '0' });
    expect(c.runId).toMatch(/^[0-9a-f]{8}$/);
    expect(resolveMetricsConfig({ metricsPort: '0', metricsHost: '0.0.0.0', runId: 'soak-1', shard: '3/8' })).toEqual({ host: '0.0.0.0', port: 0, runId: 'soak-1', shard: '3' });
  });

  it('names the flag and the value of bad input', () => {
    const cases: Array<[Parameters<typeof resolveMetricsConfig>[0], string]> = [
      [{ metricsPort: '70000' }, "--metrics-port: '70000' must be at most 65535"],
      [{ metricsPort: 'http' }, "--metrics-port: 'http' is not a whole number"],
      [{ metricsHost: '0.0.0.0' }, "--metrics-host: '0.0.0.0' needs --metrics-port"],
      [{ runId: 'x' }, "--run-id: 'x' needs --metrics-port"],
      [{ metricsPort: '1', metricsHost: 'a b' }, "--metrics-host: 'a b' is not a host name or address"],
    ];
    for (const [o, message] of cases) {
      expect(() => resolveMetricsConfig(o), message).toThrow(UsageError);
      expect(() => resolveMetricsConfig(o), message).toThrow(message);
    }
  });
});
