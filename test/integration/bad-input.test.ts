import { describe, expect, it } from 'vitest';
import kafkajs from 'kafkajs';
import { bootstrap, runCli, uniqueTopic } from './helpers.js';

// Every kind of bad input is tested in-process (test/unit/cli/bad-input.test.ts); these check the bin itself.
describe('the bin on bad input: one line, exit code 2, nothing sent', () => {
  it('exits 2 with one Error line and creates no topic', async () => {
    const topic = uniqueTopic('never');
    const run = await runCli(['--topic', topic, '--num-records', '10', '--throughput', 'fast']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("Error: --throughput: 'fast' is not a number\n");
    expect(run.stdout).toBe('');
    const admin = new kafkajs.Kafka({ brokers: [bootstrap()], logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).not.toContain(topic);
  });

  it('exits 2 for a subcommand too, with the stack trace under --debug', async () => {
    const run = await runCli(['compare', '--matrix', 'acks', '--num-records', '10', '--debug']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Error: --matrix: 'acks' is not of the form key=value1,value2,\.\.\. \(e\.g\. acks=1,all\)\nUsageError: .*\n\s+at /);
  });
});
