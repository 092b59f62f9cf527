import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/program.js';
import { resolveEndToEndConfig } from '../../../src/config/resolve-e2e.js';
import { UsageError } from '../../../src/errors.js';
import type { EndToEndOptions } from '../../../src/config/e2e-options.js';
import { thrown } from '../../support/thrown.js';
import { resolveContext } from '../../support/runs.js';

function e2eOptions(argv: readonly string[]): EndToEndOptions {
  const parsed = parseCommandLine(['e2e', ...argv], () => undefined);
  if (parsed.kind !== 'e2e') throw new Error(`parsed as ${parsed.kind}`);
  return parsed.options;
}

describe("perf-test e2e with Kafka's EndToEndLatency command line", () => {
  it('takes its 4.2 named flags: --producer-acks sets acks, and linger.ms=0 as EndToEndLatency does', () => {
    const o = e2eOptions(['--bootstrap-server', 'k:9092', '--topic', 'lat', '--num-records', '1000', '--producer-acks', 'all', '--record-size', '512']);
    expect(o.positional).toBeUndefined();
    const c = resolveEndToEndConfig(o, resolveContext());
    expect([c.produce.bootstrapServers, c.produce.topic.name, c.produce.stop, c.produce.payload.kind === 'random' && c.produce.payload.sizeBytes])
      .toEqual([['k:9092'], 'lat', { kind: 'count', records: 1000 }, 512]);
    expect([c.produce.producer.acks, c.produce.producer.lingerMs]).toEqual([-1, 0]);
    expect(c.consume.topic).toBe('lat');
    // Properties given on the command line still win.
    const own = resolveEndToEndConfig(e2eOptions(['--num-records', '10', '--producer-acks', '1', '--producer-props', 'linger.ms=3']), resolveContext());
    expect([own.produce.producer.acks, own.produce.producer.lingerMs]).toEqual([1, 3]);
  });

  it('takes the deprecated positional form BROKERS TOPIC NUM ACKS SIZE [CONFIG] as those flags', () => {
    expect(e2eOptions(['k:9092', 'lat', '1000', '1', '512'])).toMatchObject({
      bootstrapServer: 'k:9092', topic: 'lat', numRecords: '1000', producerAcks: '1', recordSize: '512', positional: true,
    });
    expect(e2eOptions(['k:9092', 'lat', '1000', 'all', '512', 'client.properties', '--format', 'kafka'])).toMatchObject({ commandConfig: 'client.properties', format: 'kafka' });
    expect(e2eOptions(['k:9092', 'lat', '1000', 'all', '512', ' '])).not.toHaveProperty('commandConfig');
  });

  it.each([
    [['k:9092', 'lat', '1000', '1'], 'perf-test e2e takes 5 or 6 positional arguments (BROKERS TOPIC NUM ACKS SIZE [CONFIG], Kafka\'s deprecated form), got 4'],
    [['k:9092', 'lat', '1000', '1', '512', '--topic', 'x'], "unexpected argument 'k:9092': perf-test e2e takes Kafka's named flags or its positional form"],
    [['k:9092', 'lat', '1000', '1', '512', 'a.properties', '--command-config', 'b.properties'], 'the sixth positional argument (CONFIG) and --command-config'],
  ])('rejects %j', (argv, message) => {
    const e = thrown(UsageError, () => e2eOptions(argv));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(message);
  });

  it('rejects --producer-acks other than 1 or all, naming the flag', () => {
    const e = thrown(UsageError, () => resolveEndToEndConfig(e2eOptions(['k:9092', 'lat', '10', '0', '512']), resolveContext()));
    expect(e.message).toBe("--producer-acks: '0' must be 1 or all: latency testing requires synchronous acknowledgement (as in Kafka's EndToEndLatency)");
    expect(e.exitCode).toBe(2);
  });
});
