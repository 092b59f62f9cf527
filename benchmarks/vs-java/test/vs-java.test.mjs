// @ts-check
import { describe, expect, it } from 'vitest';
import { resolveBenchConfig, SAME_PRODUCER_PROPS } from '../config.mjs';
import { parsePeakRssKiB, parseStatTimes } from '../measure.mjs';
import { parseKafkaSummary, parseKafkaWindows } from '../parse.mjs';
import { commandFor, JAVA_ENDLESS_RECORDS, scenarios, stopRule, toolName } from '../scenarios.mjs';
import { median, summarize } from '../summary.mjs';
import { formatMarkdown } from '../markdown.mjs';
import { findRdkafkaPerformance, parseRdkafkaTable, parseRdkafkaVersion, rdkafkaCommand } from '../rdkafka.mjs';

const config = resolveBenchConfig([], {}, '/tmp/results');

describe('config', () => {
  it('defaults, scaled counts, flags over the environment', () => {
    expect(config).toMatchObject({ recordsPerRun1KiB: 300_000, recordsPerRun100B: 1_000_000, repeats: 3, clients: ['kafkajs', 'platformatic'] });
    const smoke = resolveBenchConfig(['--scale', '0.01', '--repeats=1'], { BENCH_REPEATS: '5', BENCH_CLIENTS: 'platformatic' }, '/r');
    expect(smoke).toMatchObject({ recordsPerRun1KiB: 3000, recordsPerRun100B: 10_000, latencyRecords: 3000, repeats: 1, clients: ['platformatic'] });
    expect(resolveBenchConfig(['--records-1kib', '42'], {}, '/r').recordsPerRun1KiB).toBe(42);
    expect(() => resolveBenchConfig(['--nope', '1'], {}, '/r')).toThrow(/unknown setting 'nope'/);
    expect(() => resolveBenchConfig(['--scale', '0'], {}, '/r')).toThrow(/--scale: '0' is not a positive number/);
  });

  it('long runs scale too, and --scenarios picks groups of scenarios', () => {
    expect(config).toMatchObject({ recordsPerLongRun: 10_000_000, durationSeconds: 60, longAcks: ['1'], scenarios: ['throughput', 'long', 'duration', 'latency'] });
    expect(resolveBenchConfig(['--scale', '0.05'], {}, '/r')).toMatchObject({ recordsPerLongRun: 500_000, durationSeconds: 3 });
    expect(resolveBenchConfig(['--scenarios', 'duration,long'], {}, '/r').scenarios).toEqual(['long', 'duration']);
    expect(() => resolveBenchConfig(['--scenarios', 'long,soak'], {}, '/r')).toThrow(/--scenarios: 'soak' is not all or a list of throughput, long, duration, latency/);
    expect(() => resolveBenchConfig(['--long-acks', '0'], {}, '/r')).toThrow(/--long-acks: '0' is not 1 or all/);
  });
});

describe('scenarios and command lines', () => {
  it('runs start-up, 1 KiB and 100 B at acks=1 and all, then latency at a fixed rate', () => {
    const ids = scenarios(config).map((s) => s.id);
    expect(ids).toEqual(['start-up (1 record)', 'throughput 1KiB acks=1', 'throughput 1KiB acks=all', 'throughput 100B acks=1',
      'throughput 100B acks=all', 'long 10,000,000 x 100B acks=1', 'duration 60 s x 100B acks=1', 'latency 1KiB acks=all at 20000/s']);
    expect(scenarios(config)[0]?.tools.map(toolName)).toEqual(['java', 'perf-test/kafkajs', 'perf-test/platformatic']);
  });

  it('runs only the throughput acks asked for (idempotence, the default of both tools, needs acks=all)', () => {
    const idempotent = resolveBenchConfig(['--acks', 'all', '--scenarios', 'throughput', '--producer-props', 'enable.idempotence=true'], {}, '/r');
    expect(scenarios(resolveBenchConfig(['--scenarios', 'long', '--long-acks', '1,all'], {}, '/r')).map((s) => s.id))
      .toEqual(['start-up (1 record)', 'long 10,000,000 x 100B acks=1', 'long 10,000,000 x 100B acks=all']);
    expect(scenarios(idempotent).map((s) => s.id)).toEqual(['start-up (1 record)', 'throughput 1KiB acks=all', 'throughput 100B acks=all']);
    expect(idempotent.producerProps.at(-1)).toBe('enable.idempotence=true');
    expect(() => resolveBenchConfig(['--acks', '2'], {}, '/r')).toThrow(/--acks: '2' is not 1 or all/);
  });

  it('gives both tools the same flags and producer properties', () => {
    const s = /** @type {import('../scenarios.mjs').Scenario} */ (scenarios(config)[1]);
    const x = { topic: 't', bootstrapServers: '127.0.0.1:1', config, nodePath: 'node', perfTestBin: 'bin/perf-test.js', profileDir: undefined, rdkafkaBin: undefined,
      javaTool: (/** @type {string[]} */ args) => ({ command: 'java', args: ['-cp', 'lib/*', 'ProducerPerformance', ...args] }) };
    const java = commandFor({ kind: 'java' }, s, x);
    const pt = commandFor({ kind: 'perf-test', client: 'platformatic' }, s, { ...x, profileDir: '/p' });
    const common = ['--topic', 't', '--num-records', '300000', '--record-size', '1024', '--throughput', '-1', '--producer-props',
      'bootstrap.servers=127.0.0.1:1', 'acks=1', ...SAME_PRODUCER_PROPS];
    expect(java.args.slice(3)).toEqual(common);
    expect(pt).toEqual({ command: 'node', args: ['--cpu-prof', '--cpu-prof-dir=/p', 'bin/perf-test.js', ...common, '--client', 'platformatic', '--producers', '1', '--format', 'kafka'] });
  });
});

describe('librdkafka, the third peer', () => {
  it('takes the binary from RDKAFKA_PERFORMANCE, else the PATH, and says why when there is none', () => {
    const on = (/** @type {string[]} */ files) => (/** @type {string} */ f) => files.includes(f);
    expect(findRdkafkaPerformance({ RDKAFKA_PERFORMANCE: '/opt/rk', PATH: '/bin' }, on(['/opt/rk', '/bin/rdkafka_performance'])))
      .toEqual({ found: true, path: '/opt/rk' });
    expect(findRdkafkaPerformance({ PATH: '/a:/b' }, on(['/b/rdkafka_performance']))).toEqual({ found: true, path: '/b/rdkafka_performance' });
    // A wrong explicit path is an error, not a quiet fallback to another binary on the PATH.
    expect(findRdkafkaPerformance({ RDKAFKA_PERFORMANCE: '/nope', PATH: '/b' }, on(['/b/rdkafka_performance'])))
      .toEqual({ found: false, reason: 'RDKAFKA_PERFORMANCE=/nope is not an executable file' });
    expect(findRdkafkaPerformance({ PATH: '/a' }, on([]))).toMatchObject({ found: false, reason: expect.stringMatching(/not on the PATH/) });
  });

  it('runs after Java in start-up and throughput, with the same settings in its own flags, and not in the latency scenario', () => {
    const plan = scenarios(config, { rdkafka: true });
    expect(plan.map((s) => s.tools.map(toolName).join(' '))).toEqual([
      ...Array(7).fill('java librdkafka perf-test/kafkajs perf-test/platformatic'), 'java perf-test/kafkajs perf-test/platformatic']);
    const s = /** @type {import('../scenarios.mjs').Scenario} */ (plan[3]); // 100 B, acks=1
    const x = { topic: 't', bootstrapServers: '127.0.0.1:1', config, nodePath: 'node', perfTestBin: 'bin/perf-test.js', profileDir: undefined,
      rdkafkaBin: '/rk', javaTool: () => ({ command: 'java', args: [] }) };
    expect(commandFor({ kind: 'rdkafka' }, s, x)).toEqual({ command: '/rk', args: ['-P', '-t', 't', '-b', '127.0.0.1:1', '-s', '100', '-c', '1000000',
      '-a', '1', '-X', 'linger.ms=5', '-X', 'batch.size=16384', '-X', 'enable.idempotence=false', '-X', 'compression.type=none', '-u'] });
    const capped = rdkafkaCommand('/rk', { topic: 't', bootstrapServers: 'b', records: 5, recordSizeBytes: 8, acks: 'all', throughput: 250, producerProps: ['acks=1', 'linger.ms=1'] });
    expect(capped.args).toEqual(['-P', '-t', 't', '-b', 'b', '-s', '8', '-c', '5', '-a', '-1', '-X', 'linger.ms=1', '-u', '-r', '250']);
  });

  it("reads the last row of its -u table: delivered records and dr_m/s", () => {
    const out = ['% Sending 1000000 messages of size 100 bytes',
      '|    elapsed |       msgs |      bytes |        rtt |         dr |     dr_m/s |    dr_MB/s |     dr_err |     tx_err |       outq |     offset ',
      '|       2003 |     868832 |   86883200 |         36 |     768832 |     383707 |      38.37 |          0 |       1197 |     100000 |     769624 ',
      '% 1558 backpressures for 1000000 produce calls: 0.156% backpressure rate',
      '|       2727 |    1000000 |  100000000 |         41 |    1000000 |     366666 |      36.67 |          0 |       1558 |          0 |     800949 '].join('\n');
    expect(parseRdkafkaTable(out)).toEqual({ records: 1_000_000, recordsPerSec: 366_666, mbPerSec: 36.67, avgLatencyMs: NaN, maxLatencyMs: NaN,
      p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, p999Ms: NaN });
    expect(parseRdkafkaTable('% No such configuration property: "x"')).toBeUndefined();
    expect(parseRdkafkaVersion('Usage: x\n\nlibrdkafka version 2.0.2 (0x020002ff)\n')).toBe('2.0.2');
  });
});

describe('duration runs', () => {
  const plan = scenarios(resolveBenchConfig(['--scenarios', 'duration'], {}, '/r'), { rdkafka: true });
  const s = /** @type {import('../scenarios.mjs').Scenario} */ (plan[1]);
  const x = { topic: 't', bootstrapServers: 'b:1', config, nodePath: 'node', perfTestBin: 'pt', profileDir: undefined, rdkafkaBin: '/rk',
    javaTool: (/** @type {string[]} */ args) => ({ command: 'java', args }) };

  it('perf-test stops by itself at --duration; Java gets endless records, librdkafka no count', () => {
    expect(s).toMatchObject({ kind: 'duration', records: 0, durationMs: 60_000, recordSizeBytes: 100, acks: '1' });
    const pt = commandFor({ kind: 'perf-test', client: 'platformatic' }, s, x).args;
    expect(pt.slice(0, 5)).toEqual(['pt', '--topic', 't', '--duration', '60000ms']);
    expect(pt).not.toContain('--num-records');
    expect(commandFor({ kind: 'java' }, s, x).args.slice(0, 4)).toEqual(['--topic', 't', '--num-records', String(JAVA_ENDLESS_RECORDS)]);
    expect(commandFor({ kind: 'rdkafka' }, s, x).args).not.toContain('-c');
    expect(stopRule({ kind: 'perf-test', client: 'platformatic' }, s)).toBeUndefined();
    expect(stopRule({ kind: 'java' }, /** @type {import('../scenarios.mjs').Scenario} */ (plan[0]))).toBeUndefined();
  });

  it('stops Java after a rolling line per 5 s of the duration, librdkafka at the first row past it', () => {
    const line = '500000 records sent, 100000.0 records/sec (9.54 MB/sec), 2.0 ms avg latency, 30.0 ms max latency.';
    const java = /** @type {(out: string) => boolean} */ (stopRule({ kind: 'java' }, s));
    expect(java(Array(11).fill(line).join('\n'))).toBe(false);
    expect(java(Array(12).fill(line).join('\n'))).toBe(true);
    const rk = /** @type {(out: string) => boolean} */ (stopRule({ kind: 'rdkafka' }, s));
    const row = (/** @type {number} */ ms) => `|      ${ms} |     868832 |   86883200 |         36 |     768832 |     383707 |      38.37 |          0 |       1197 |     100000 |     769624 `;
    expect(rk(`% Sending\n${row(59_001)}`)).toBe(false);
    expect(rk(`${row(59_001)}\n${row(60_002)}`)).toBe(true);
  });

  it("reads Java's first windows as one run: their records over their time", () => {
    const out = ['400000 records sent, 80000.0 records/sec (7.63 MB/sec), 10.0 ms avg latency, 100.0 ms max latency.',
      '600000 records sent, 120000.0 records/sec (11.44 MB/sec), 5.0 ms avg latency, 50.0 ms max latency.',
      '1 records sent, 1.0 records/sec (0.00 MB/sec), 1.0 ms avg latency, 1.0 ms max latency.'].join('\n');
    expect(parseKafkaWindows(out, 2)).toEqual({ records: 1_000_000, recordsPerSec: 100_000, mbPerSec: (7.63 * 5 + 11.44 * 5) / 10,
      avgLatencyMs: 7, maxLatencyMs: 100, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, p999Ms: NaN });
    expect(parseKafkaWindows(out, 4)).toBeUndefined();
  });
});

describe('parsing', () => {
  it("reads Kafka's total line, not the interval or steady-state lines", () => {
    const out = ['100 records sent, 20.0 records/sec (0.02 MB/sec), 1.0 ms avg latency, 2.0 ms max latency.',
      '300000 records sent, 81234.567890 records/sec (79.33 MB/sec), 210.12 ms avg latency, 400.00 ms max latency, 200 ms 50th, 300 ms 95th, 350 ms 99th, 390 ms 99.9th.',
      '200000 steady state records sent, 1.000000 records/sec (0.00 MB/sec), 1.00 ms avg latency, 1.00 ms max latency, 1 ms 50th, 1 ms 95th, 1 ms 99th, 1 ms 99.9th.'].join('\n');
    expect(parseKafkaSummary(out)).toEqual({ records: 300000, recordsPerSec: 81234.56789, mbPerSec: 79.33, avgLatencyMs: 210.12, maxLatencyMs: 400,
      p50Ms: 200, p95Ms: 300, p99Ms: 350, p999Ms: 390 });
    expect(parseKafkaSummary('nothing here')).toBeUndefined();
  });

  it('reads CPU times and peak RSS from /proc', () => {
    const stat = '1234 (node worker (x)) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 7 3 20 0 11 0 100 0 0';
    expect(parseStatTimes(stat)).toEqual({ utime: 250, stime: 40, cutime: 7, cstime: 3 });
    expect(parsePeakRssKiB('Name:\tnode\nVmHWM:\t  183204 kB\nVmRSS:\t  170000 kB\n')).toBe(183204);
  });
});

describe('summary', () => {
  /** @param {string} tool @param {number} round @param {number} rps */
  const run = (tool, round, rps) => ({
    scenario: 's', tool, round, topic: 't', command: '', exitCode: 0, wallMs: 1000, cpuSeconds: 2, peakRssMiB: 100 + round, loadAverage1m: 0, error: undefined,
    summary: { records: 1000, recordsPerSec: rps, mbPerSec: 1, avgLatencyMs: 1, maxLatencyMs: 2, p50Ms: round, p95Ms: 2, p99Ms: 3, p999Ms: 4 },
  });

  it('takes medians, and the ratio of each round to the Java run of the same round', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const runs = [run('java', 0, 100), run('perf-test/x', 0, 150), run('java', 1, 200), run('perf-test/x', 1, 200), run('java', 2, 100), run('perf-test/x', 2, 300)];
    const s = summarize({ id: 's', kind: 'throughput', records: 1000 }, ['java', 'perf-test/x'], runs);
    expect(s.ratiosToJava).toEqual([{ tool: 'perf-test/x', perRound: [1.5, 1, 3], median: 1.5 }]);
    expect(s.tools[1]).toMatchObject({ runs: 3, recordsPerSec: [150, 200, 300], medianRecordsPerSec: 200, medianCpuSecondsPerMillion: 2000, maxPeakRssMiB: 102 });
    const md = formatMarkdown({ machine: { cores: 2 }, settings: { repeats: 3 }, summaries: [s], failures: [] });
    expect(md).toContain('| s | perf-test/x | 150, 200, 300 | 200 | 1.50 (1.50, 1.00, 3.00) | 102 | 2,000.0 | n/a |');
    expect(md).not.toContain('librdkafka |');
    expect(md).not.toContain('## Long runs');
  });

  it('puts the long runs in a table of their own, CPU per million of the records each run acknowledged', () => {
    const runs = [run('java', 0, 100), run('perf-test/x', 0, 150)];
    const s = summarize({ id: 's', kind: 'duration', records: 0 }, ['java', 'perf-test/x'], runs);
    const md = formatMarkdown({ machine: {}, settings: {}, summaries: [s], failures: [] });
    expect(md).toContain('## Long runs');
    expect(md).toContain('| s | perf-test/x | 150 | 150 | 1.50 (1.50) | 100 | 2,000.0 | n/a |');
    expect(md).toContain('In a duration run perf-test stops itself');
  });

  it('sets each perf-test client beside librdkafka, round by round, when librdkafka ran', () => {
    const runs = [run('java', 0, 100), run('librdkafka', 0, 400), run('perf-test/x', 0, 200), run('java', 1, 100), run('librdkafka', 1, 300), run('perf-test/x', 1, 330)];
    const s = summarize({ id: 's', kind: 'throughput', records: 1000 }, ['java', 'librdkafka', 'perf-test/x'], runs);
    expect(s.ratiosToRdkafka).toEqual([{ tool: 'perf-test/x', perRound: [0.5, 1.1], median: 0.8 }]);
    expect(s.ratiosToJava.map((r) => r.tool)).toEqual(['librdkafka', 'perf-test/x']);
    const md = formatMarkdown({ machine: {}, settings: {}, summaries: [s], failures: [], peers: { rdkafka: '/rk, librdkafka 2.0.2' } });
    expect(md).toContain('librdkafka: /rk, librdkafka 2.0.2.');
    expect(md).toContain('| s | librdkafka | 400, 300 | 350 | 3.50 (4.00, 3.00) | 1 | 101 | 2,000.0 | n/a |');
    expect(md).toContain('| s | perf-test/x | 200, 330 | 265 | 2.65 (2.00, 3.30) | 0.80 (0.50, 1.10) | 101 | 2,000.0 | n/a |');
  });
});
