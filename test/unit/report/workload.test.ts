import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../src/report/markdown.js';
import { htmlReport } from '../../../src/report/html/html-report.js';
import { compareOfResults } from '../../../src/compare/figures.js';
import { workloadRows, WORKLOAD_FIELDS } from '../../../src/report/workload.js';
import type { ProduceResult } from '../../../src/report/result.js';
import { fakeResult } from '../../support/fake-result.js';

const base = fakeResult({ latenciesUs: [100, 200], durationMs: 1000, topic: 'orders' });
/** A run of varied sizes with compressible values on two topics. */
const varied: ProduceResult = {
  ...base,
  config: { ...base.config, topic: 'a,b', topics: ['a', 'b'], recordSizeBytes: null, recordSizes: '100..2000', payloadCompressibility: 0.5 },
  topics: [
    { topic: 'a', records: { sent: 1, acked: 1, failed: 0 }, bytes: 1_048_576 },
    { topic: 'b', records: { sent: 2, acked: 1, failed: 1 }, bytes: 524_288 },
  ],
};
const assets = { style: '', script: '', pageScript: '' };

describe('the workload section', () => {
  it('reads every row from the config echo, leaving out what the run did not have', () => {
    expect(workloadRows(base.config)).toEqual([
      ['num-records', '2'], ['record-size', '100 B'], ['payload', 'random uppercase letters (as Kafka\'s tool)'],
      ['throughput', 'no cap'], ['producers', '1'], ['client', base.config.client],
      ['acks', '-1'], ['batch.size', String(base.config.producer['batch.size'])], ['linger.ms', String(base.config.producer['linger.ms'])],
      ['compression.type', String(base.config.producer['compression.type'])], ['enable.idempotence', String(base.config.producer['enable.idempotence'])],
      ['bootstrap servers', '127.0.0.1:9092'],
    ]);
    expect(workloadRows(varied.config)).toEqual(expect.arrayContaining([
      ['record-size', '100..2000 B'], ['payload', 'random bytes in part, runs of one byte in part'],
      ['payload-compressibility', '0.5'], ['topics', '2: a, b (records spread evenly)'],
    ]));
    expect(workloadRows(varied.config, new Set(['record-size', 'topics'])).map(([k]) => k)).not.toEqual(expect.arrayContaining(['record-size']));
  });

  it('labels each row once', () => {
    const labels = WORKLOAD_FIELDS.map(([label]) => label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('ends the Markdown report, folded, with every row; a run on several topics shows each topic', () => {
    const md = markdownReport(varied).split('\n');
    const from = md.indexOf('<details><summary>Workload</summary>');
    expect(md.slice(from, from + 4)).toEqual(['<details><summary>Workload</summary>', '', '| setting | value |', '| --- | --- |']);
    expect(md).toContain('| record-size | 100..2000 B |');
    expect(md).toContain('| payload-compressibility | 0.5 |');
    expect(md).toContain('| topics | 2: a, b (records spread evenly) |');
    expect(md.slice(-2)).toEqual(['', '</details>']);
    expect(md).toContain('| `a` | 1 | 0 | 1.00 |');
    expect(md).toContain('| `b` | 1 | 1 | 0.50 |');
    expect(markdownReport(base)).not.toContain('| topic |');
    expect(md[0]).toBe('### perf-test: 2 records to 2 topics');
  });

  it('heads the HTML report with the same rows, and a single run on several topics gets a topics table', () => {
    const html = htmlReport(compareOfResults([{ name: 'varied', result: varied }]), assets);
    for (const [k, v] of workloadRows(varied.config)) expect(html).toContain(`<dt>${k}</dt><dd>${v.replace(/'/g, '&#39;')}</dd>`);
    expect(html).toContain('<h2>Topics</h2>');
    expect(html).toContain('<title>perf-test: 2 records to 2 topics</title>');
    expect(html).toMatch(/<tr><td>b<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0\.50<\/td><\/tr>/);
    expect(htmlReport(compareOfResults([{ name: 'one', result: base }]), assets)).not.toContain('<h2>Topics</h2>');
  });
});
