// perf-test e2e run with Kafka's EndToEndLatency command line, named and positional, on a real broker.
import { describe, expect, it } from 'vitest';
import { bootstrap, countRecords, kafkaTool, runCli, uniqueTopic } from './helpers.js';

/** EndToEndLatency's closing lines (tools/EndToEndLatency.java: "Avg latency: %.4f ms%n", "Percentiles: ...%n"). */
const AVG_LINE = /^Avg latency: (\d+\.\d{4}) ms$/;
const PERCENTILES_LINE = /^Percentiles: 50th = (\d+), 99th = (\d+), 99\.9th = (\d+)$/;
const DEPRECATION = 'WARNING: Positional argument usage is deprecated and will be removed in Apache Kafka 5.0. Please use named arguments instead: --bootstrap-server, --topic, --num-records, --producer-acks, --record-size, --command-config';

function expectKafkaLines(stdout: string): void {
  const lines = stdout.trimEnd().split('\n');
  const avg = AVG_LINE.exec(lines[lines.length - 2] ?? '');
  const pct = PERCENTILES_LINE.exec(lines[lines.length - 1] ?? '');
  expect(avg, stdout).not.toBeNull();
  expect(pct, stdout).not.toBeNull();
  const [p50, p99, p999] = pct!.slice(1).map(Number) as [number, number, number];
  expect(Number(avg![1])).toBeGreaterThan(0);
  expect(p50).toBeLessThanOrEqual(p99);
  expect(p99).toBeLessThanOrEqual(p999);
}

describe("perf-test e2e with Kafka's EndToEndLatency command line", () => {
  it("reads Kafka's own EndToEndLatency output with the same line patterns (so they are Java's)", async () => {
    const java = await kafkaTool('org.apache.kafka.tools.EndToEndLatency', [bootstrap(), uniqueTopic('e2e-java'), '200', '1', '64']);
    expect(java.code, java.stderr).toBe(0);
    expectKafkaLines(java.stdout);
  });

  it('runs with its 4.2 named flags and prints its lines, and only those, with --format kafka', async () => {
    const topic = uniqueTopic('e2e-named');
    const run = await runCli(['e2e', '--bootstrap-server', bootstrap(), '--topic', topic, '--num-records', '500', '--producer-acks', 'all',
      '--record-size', '100', '--throughput', '500', '--format', 'kafka']);
    expect(run.code, run.stderr).toBe(0);
    expectKafkaLines(run.stdout);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(await countRecords(topic)).toBe(500);
  });

  it('runs with its deprecated positional form, warning as Kafka does', async () => {
    const topic = uniqueTopic('e2e-positional');
    const run = await runCli(['e2e', bootstrap(), topic, '300', '1', '64', '--throughput', '300', '--format', 'kafka']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(DEPRECATION);
    expectKafkaLines(run.stdout);
    expect(await countRecords(topic)).toBe(300);
  });

  it('rejects --producer-acks 0 before connecting, naming the flag (exit 2)', async () => {
    const run = await runCli(['e2e', '--bootstrap-server', '127.0.0.1:1', '--topic', 't', '--num-records', '10', '--producer-acks', '0', '--record-size', '100']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("Error: --producer-acks: '0' must be 1 or all: latency testing requires synchronous acknowledgement (as in Kafka's EndToEndLatency)");
  });
});
