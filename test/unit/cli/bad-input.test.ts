import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/errors.js';
import { runMain } from '../../support/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'perf-test-bad-'));
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');
const unreadable = join(dir, 'secret.properties');
writeFileSync(unreadable, 'acks=1\n');
chmodSync(unreadable, 0o000);
const aDir = join(dir, 'a-directory');
mkdirSync(aDir);
const notJson = join(dir, 'baseline.json');
writeFileSync(notJson, 'not json');
const notAResult = join(dir, 'other.json');
writeFileSync(notAResult, '{"hello": 1}');
const rootCanRead = process.getuid?.() === 0; // root reads a 000 file anyway

/** [what, args, text the one-line error must contain]. Every case names the flag or property and the value. */
const CASES: [string, string[], string[]][] = [
  ['count not a number', ['--num-records', 'abc'], ['--num-records', "'abc'", 'whole number']],
  ['count zero', ['--num-records', '0'], ['--num-records', "'0'", 'at least 1']],
  ['count negative', ['--num-records', '-5'], ['--num-records', "'-5'"]],
  ['no count nor duration', ['--record-size', '100'], ['--num-records', '--duration']],
  ['count and duration', ['--num-records', '10', '--duration', '5s'], ['--num-records', '--duration']],
  ['bad duration', ['--duration', 'soon'], ['--duration', "'soon'"]],
  ['record size zero', ['--num-records', '10', '--record-size', '0'], ['--record-size', "'0'"]],
  ['record size with unit typo', ['--num-records', '10', '--record-size', '1x'], ['--record-size', "'1x'"]],
  ['two payload options', ['--num-records', '10', '--record-size', '10', '--payload-monotonic'], ['--record-size', '--payload-monotonic']],
  ['size range reversed', ['--num-records', '10', '--record-size', '2000..100'], ['--record-size', "'2000..100'", 'smaller size to the larger']],
  ['size range typo', ['--num-records', '10', '--record-size', '100...200'], ['--record-size', "'100...200'", '100..2000']],
  ['weighted sizes with a zero weight', ['--num-records', '10', '--record-size', '100:0,200:1'], ['--record-size', "'100:0,200:1'", 'weights']],
  ['weighted sizes with a bad weight', ['--num-records', '10', '--record-size', '100:x'], ['--record-size', "'100:x'", 'weight']],
  ['compressibility above 1', ['--num-records', '10', '--payload-compressibility', '1.5'], ['--payload-compressibility', "'1.5'", 'from 0 to 1']],
  ['compressibility with a payload file', ['--num-records', '10', '--payload-file', empty, '--payload-compressibility', '0.5'], ['--payload-compressibility', '--payload-file']],
  ['e2e backlog not a size', ['e2e', '--num-records', '10', '--backlog', 'lots'], ['--backlog', "'lots'", '50000records']],
  ['e2e backlog zero', ['e2e', '--num-records', '10', '--backlog', '0records'], ['--backlog', "'0records'", 'at least 1 record']],
  ['e2e backlog of more records than sent', ['e2e', '--num-records', '100', '--backlog', '100records'], ['--backlog', "'100records'", 'fewer records than --num-records (100)']],
  ['e2e backlog of more bytes than sent', ['e2e', '--num-records', '100', '--record-size', '100', '--backlog', '1MiB'], ['--backlog', "'1MiB'", 'more than --num-records 100 records']],
  ['e2e record sizes below the send stamp', ['e2e', '--num-records', '10', '--record-size', '4..100'], ['--record-size', "'4..100'", 'too small for e2e']],
  ['missing payload file', ['--num-records', '10', '--payload-file', join(dir, 'nope.txt')], ['--payload-file', 'nope.txt', 'does not exist']],
  ['empty payload file', ['--num-records', '10', '--payload-file', empty], ['--payload-file', 'empty.txt', 'is empty']],
  ['payload file is a directory', ['--num-records', '10', '--payload-file', aDir], ['--payload-file', 'a-directory', 'directory']],
  ['throughput zero', ['--num-records', '10', '--throughput', '0'], ['--throughput', "'0'"]],
  ['throughput not a number', ['--num-records', '10', '--throughput', 'fast'], ['--throughput', "'fast'"]],
  ['throughput profile with a bad step', ['--throughput', '1000:30s,2000:soon'], ['--throughput', "'1000:30s,2000:soon'", "'soon'"]],
  ['producers zero', ['--num-records', '10', '--producers', '0'], ['--producers', "'0'"]],
  ['producers more than records', ['--num-records', '2', '--producers', '3'], ['--producers', "'3'"]],
  ['worker young generation of 2 GiB', ['--num-records', '10', '--worker-young-generation-mb', '2048'], ['--worker-young-generation-mb', "'2048'", 'at most 1024']],
  ['invalid topic name', ['--num-records', '10', '--topic', 'bad topic!'], ['--topic', "'bad topic!'"]],
  ['a topic named twice', ['--num-records', '10', '--topic', 'a,b,a'], ['--topic', "'a,b,a'", 'twice']],
  ['an invalid topic in a list', ['--num-records', '10', '--topic', 'a,b c'], ['--topic', "'b c'"]],
  ['topics zero', ['--num-records', '10', '--topics', '0'], ['--topics', "'0'", 'at least 1']],
  ['topics and topic', ['--num-records', '10', '--topics', '2', '--topic', 'a'], ['--topic', '--topics']],
  ['a topic prefix without topics', ['--num-records', '10', '--topic-prefix', 'p'], ['--topic-prefix', '--topics']],
  ['a topic prefix making invalid names', ['--num-records', '10', '--topics', '2', '--topic-prefix', 'p/q'], ['--topic-prefix', "'p/q'"]],
  ['e2e producer acks 0', ['e2e', '--num-records', '10', '--producer-acks', '0'], ['--producer-acks', "'0'", '1 or all']],
  ['e2e positional form short', ['e2e', 'localhost:9092', 't', '10'], ['5 or 6 positional arguments', 'got 3']],
  ['unknown format', ['--num-records', '10', '--format', 'xml'], ['--format', "'xml'"]],
  ['json and kafka format', ['--num-records', '10', '--json', '--format', 'kafka'], ['--json', '--format kafka']],
  ['malformed k=v', ['--num-records', '10', '--producer-props', 'acks'], ['--producer-props', "'acks'", 'key=value']],
  ['bad acks', ['--num-records', '10', '--producer-props', 'acks=2'], ['acks', "'2'"]],
  ['negative batch.size', ['--num-records', '10', '--producer-props', 'batch.size=-1'], ['batch.size', "'-1'"]],
  ['linger.ms not a number', ['--num-records', '10', '--producer-props', 'linger.ms=soon'], ['linger.ms', "'soon'"]],
  ['unknown compression', ['--num-records', '10', '--producer-props', 'compression.type=brotli'], ['compression.type', "'brotli'"]],
  ['idempotence with acks=1', ['--num-records', '10', '--producer-props', 'enable.idempotence=true', 'acks=1'], ['acks', "'1'", 'enable.idempotence']],
  ['delivery timeout too small', ['--num-records', '10', '--producer-props', 'delivery.timeout.ms=1000'], ['delivery.timeout.ms', "'1000'"]],
  ['record larger than max.request.size', ['--num-records', '10', '--record-size', '2MiB'], ['--record-size', "'2MiB'", 'max.request.size']],
  ['warmup not fewer than records', ['--num-records', '10', '--warmup-records', '10'], ['--warmup-records', "'10'"]],
  ['bad bootstrap address', ['--num-records', '10', '--bootstrap-server', 'localhost'], ['--bootstrap-server', "'localhost'", 'host:port']],
  ['missing config file', ['--num-records', '10', '--producer.config', join(dir, 'none.properties')], ['--producer.config', 'none.properties']],
  ['unknown flag, with a suggestion', ['--num-records', '10', '--recrod-size', '5'], ["'--recrod-size'", 'Did you mean --record-size?']],
  ['ambiguous flag prefix', ['--num-records', '10', '--p', '1'], ['--p', 'ambiguous']],
  ['flag without its value', ['--num-records'], ['--num-records', 'argument missing']],
  ['stray argument', ['--num-records', '10', 'extra'], ["'extra'"]],
  ['malformed gate', ['--num-records', '10', '--assert', 'p99 < fast'], ['--assert', "'p99 < fast'"]],
  ['gate without a unit', ['--num-records', '10', '--assert', 'p99 < 5'], ['--assert', "'p99 < 5'", 'unit']],
  ['baseline not JSON', ['--num-records', '10', '--baseline', notJson], ['--baseline', 'baseline.json', 'not valid JSON']],
  ['max regression without baseline', ['--num-records', '10', '--max-regression', '10%'], ['--max-regression', '--baseline']],
  ['bad shard', ['--num-records', '10', '--shard', '3/3'], ['--shard', "'3/3'"]],
  ['unknown client', ['--num-records', '10', '--client', 'rdkafka'], ['--client', "'rdkafka'"]],
  ['merge of a missing file', ['merge', join(dir, 'missing.json')], ['merge', 'missing.json', 'does not exist']],
  ['report of a file that is no result', ['report', notAResult, '--html', join(dir, 'x.html')],
    [`report: '${notAResult}' is neither a perf-test result nor a perf-test compare document (schema version 1, made with --json)`]],
  ['malformed gate operator', ['--num-records', '10', '--assert', 'p99 << 5ms'], ["--assert: 'p99 << 5ms' is malformed"]],
  ['record larger than a smaller max.request.size', ['--num-records', '10', '--record-size', '2000', '--producer-props', 'max.request.size=1000'],
    ["--record-size: '2000' makes records of 2086 bytes when serialized, larger than max.request.size (1000)"]],
  ['compare: a bad value in --matrix', ['compare', '--matrix', 'acks=1,2', '--num-records', '10'],
    ["--matrix: scenario 'acks=2': producer property acks: '2' is not one of all, -1, 0, 1"]],
  ['compare: a malformed --matrix', ['compare', '--matrix', 'acks', '--num-records', '10'],
    ["--matrix: 'acks' is not of the form key=value1,value2,... (e.g. acks=1,all)"]],
  ['start-at in the past', ['--num-records', '10', '--start-at', '2020-01-01T00:00:00Z'], ['--start-at', "'2020-01-01T00:00:00Z'", 'in the past']],
  ['metrics port not a number', ['--num-records', '10', '--metrics-port', 'http'], ['--metrics-port', "'http'"]],
  ['capacity: a rate of its own', ['capacity', '--throughput', '1000'], ['--throughput cannot be used with capacity']],
  ['capacity: a gate that is not of the answer', ['capacity', '--assert', 'p99 < 5ms'], ["--assert: 'p99 < 5ms' is not a capacity gate"]],
  ['capacity: a bad objective', ['capacity', '--slo', 'p99 < 5'], ["--slo: 'p99 < 5'", 'unit']],
  ['capacity: --hdr-log', ['capacity', '--hdr-log', join(dir, 'x.hdr')], ['--hdr-log cannot be used with capacity']],
  ['unknown key distribution', ['--num-records', '10', '--key-distribution', 'hot'], ['--key-distribution', "'hot'", 'none, range, random, zipf']],
  ['key range without a distribution', ['--num-records', '10', '--record-key-range', '10'], ['--record-key-range', "'10'", '--key-distribution']],
  ['key range with distribution none', ['--num-records', '10', '--key-distribution', 'none', '--record-key-range', '10'], ['--record-key-range', "'10'"]],
  ['range distribution without a key range', ['--num-records', '10', '--key-distribution', 'range'], ['--key-distribution range', '--record-key-range']],
  ['key range zero', ['--num-records', '10', '--key-distribution', 'random', '--record-key-range', '0'], ['--record-key-range', "'0'", 'at least 1']],
  ['key range not a number', ['--num-records', '10', '--key-distribution', 'random', '--record-key-range', 'many'], ['--record-key-range', "'many'", 'whole number']],
  ['zipf exponent without zipf', ['--num-records', '10', '--key-distribution', 'range', '--record-key-range', '5', '--key-zipf-exponent', '1.1'], ['--key-zipf-exponent', "'1.1'", 'zipf']],
  ['zipf exponent zero', ['--num-records', '10', '--key-distribution', 'zipf', '--record-key-range', '5', '--key-zipf-exponent', '0'], ['--key-zipf-exponent', "'0'", 'above 0']],
  ['zipf exponent not a number', ['--num-records', '10', '--key-distribution', 'zipf', '--record-key-range', '5', '--key-zipf-exponent', 'steep'], ['--key-zipf-exponent', "'steep'", 'not a number']],
  ['negative key size', ['--num-records', '10', '--record-key-size', '-1'], ['--record-key-size', "'-1'", 'at least 0']],
  ['key size too small for the range', ['--num-records', '10', '--key-distribution', 'range', '--record-key-range', '1000', '--record-key-size', '2'], ['--record-key-size', "'2'", 'key 999']],
  ['key size with distribution none', ['--num-records', '10', '--key-distribution', 'none', '--record-key-size', '8'], ['--record-key-size', "'8'", 'none']],
  ['negative header count', ['--num-records', '10', '--num-headers', '-2'], ['--num-headers', "'-2'", 'at least 0']],
  ['negative header key size', ['--num-records', '10', '--num-headers', '1', '--record-header-key-size', '-1'], ['--record-header-key-size', "'-1'", 'at least 0']],
  ['header value size below -1', ['--num-records', '10', '--num-headers', '1', '--record-header-size', '-2'], ['--record-header-size', "'-2'", '-1 for a null value']],
  ['header sizes without headers', ['--num-records', '10', '--record-header-size', '10'], ['--record-header-size', "'10'", '--num-headers']],
  ['e2e: a bad key flag', ['e2e', '--num-records', '10', '--key-distribution', 'zipf'], ['--key-distribution zipf', '--record-key-range']],
  ['keys and headers larger than max.request.size', ['--num-records', '10', '--record-size', '100', '--record-key-size', '600', '--num-headers', '2',
    '--record-header-size', '200', '--producer-props', 'max.request.size=1000'],
  ["--record-size: '100' makes records of 1193 bytes when serialized (keys and headers included), larger than max.request.size (1000)"]],
  ...(rootCanRead ? [] : [['unreadable config file', ['--num-records', '10', '--producer.config', unreadable], ['--producer.config', 'permission denied']] as [string, string[], string[]]]),
];

// Nothing listens on port 1: a case that got as far as connecting would exit 3 (or hang), never 2.
const UNREACHABLE = ['--bootstrap-server', '127.0.0.1:1'];
const NO_CONNECTION = new Set(['merge', 'report']);

describe('bad input gets one clear line, exit code 2, and nothing connects', () => {
  it.each(CASES)('%s', async (_what, args, expected) => {
    const run = await runMain(NO_CONNECTION.has(args[0]!) ? args : args[0] === 'compare' ? [args[0], ...UNREACHABLE, ...args.slice(1)] : [...UNREACHABLE, ...args]);
    expect(run.code).toBe(ExitCode.Usage);
    const lines = run.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('WARN '));
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: /);
    for (const text of expected) expect(lines[0]).toContain(text);
    expect(run.stdout).toBe('');
  });

  it('shows a stack trace only with --debug', async () => {
    const plain = await runMain(['--num-records', 'x']);
    const debug = await runMain(['--num-records', 'x', '--debug']);
    expect(plain.stderr).toBe("Error: --num-records: 'x' is not a whole number\n");
    expect(debug.stderr).toMatch(/^Error: --num-records: 'x' is not a whole number\nUsageError: .*\n\s+at /);
  });
});
