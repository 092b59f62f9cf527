import { describe, expect, it } from 'vitest';
import { headerSpecBytes, maxKeyBytes, resolveHeaders, resolveKeys } from '../../../src/config/resolve-keys.js';
import { headersSize } from '../../../src/producer/record-size.js';
import { createHeaderSource } from '../../../src/workload/headers.js';
import { describeKeysAndHeaders, type ConfigEcho } from '../../../src/report/result.js';
import { workloadRows } from '../../../src/report/workload.js';

describe('resolveKeys', () => {
  it('gives no keys by default, as Kafka', () => {
    expect(resolveKeys({})).toEqual({ kind: 'none' });
    expect(resolveKeys({ keyDistribution: 'none' })).toEqual({ kind: 'none' });
  });

  it('takes Kafka\'s range and random with --record-key-range', () => {
    expect(resolveKeys({ keyDistribution: 'range', recordKeyRange: '100' })).toEqual({ kind: 'range', range: 100, sizeBytes: undefined });
    expect(resolveKeys({ keyDistribution: 'random', recordKeyRange: '7', recordKeySize: '3' })).toEqual({ kind: 'random', range: 7, sizeBytes: 3 });
  });

  it('takes zipf with its exponent, 1 unless given', () => {
    expect(resolveKeys({ keyDistribution: 'zipf', recordKeyRange: '1000' })).toEqual({ kind: 'zipf', range: 1000, exponent: 1, sizeBytes: undefined });
    expect(resolveKeys({ keyDistribution: 'zipf', recordKeyRange: '10', keyZipfExponent: '1.5' })).toMatchObject({ exponent: 1.5 });
  });

  it('gives EndToEndLatency\'s keys for --record-key-size alone (0: an empty key, not a null one)', () => {
    expect(resolveKeys({ recordKeySize: '16' })).toEqual({ kind: 'letters', sizeBytes: 16 });
    expect(resolveKeys({ recordKeySize: '0' })).toEqual({ kind: 'letters', sizeBytes: 0 });
  });

  it('accepts a key size that just holds the largest key', () => {
    expect(resolveKeys({ keyDistribution: 'range', recordKeyRange: '1000', recordKeySize: '3' })).toMatchObject({ sizeBytes: 3 });
    expect(() => resolveKeys({ keyDistribution: 'range', recordKeyRange: '1001', recordKeySize: '3' })).toThrow("--record-key-size: '3' is too small for key 1000");
  });

  it('gives the longest key\'s bytes, for the max.request.size check', () => {
    expect(maxKeyBytes({ kind: 'none' })).toBe(-1);
    expect(maxKeyBytes({ kind: 'letters', sizeBytes: 9 })).toBe(9);
    expect(maxKeyBytes({ kind: 'range', range: 1000, sizeBytes: undefined })).toBe(3);
    expect(maxKeyBytes({ kind: 'zipf', range: 1001, exponent: 1, sizeBytes: undefined })).toBe(4);
    expect(maxKeyBytes({ kind: 'random', range: 10, sizeBytes: 12 })).toBe(12);
  });
});

describe('resolveHeaders', () => {
  it('gives none by default, and EndToEndLatency\'s sizes (0 unless given) with --num-headers', () => {
    expect(resolveHeaders({})).toEqual({ count: 0, keyBytes: 0, valueBytes: 0 });
    expect(resolveHeaders({ numHeaders: '2' })).toEqual({ count: 2, keyBytes: 0, valueBytes: 0 });
    expect(resolveHeaders({ numHeaders: '3', recordHeaderKeySize: '8', recordHeaderSize: '-1' })).toEqual({ count: 3, keyBytes: 8, valueBytes: -1 });
  });

  it('sizes a spec\'s headers as the producer sizes the headers it makes', () => {
    for (const spec of [{ count: 0, keyBytes: 0, valueBytes: 0 }, { count: 3, keyBytes: 8, valueBytes: -1 }, { count: 70, keyBytes: 64, valueBytes: 200 }]) {
      const made = createHeaderSource(spec)?.next(0);
      expect(headerSpecBytes(spec)).toBe(headersSize(made));
    }
  });
});

describe('describeKeysAndHeaders', () => {
  const echo = (over: Partial<ConfigEcho>) => ({ payload: 'random', recordSizeBytes: 1024, ...over }) as ConfigEcho;
  const keys = (distribution: string, range: number | null, zipfExponent: number | null, sizeBytes: number | null) =>
    ({ distribution, range, zipfExponent, sizeBytes }) as ConfigEcho['keys'];

  it('says which keys and headers a run sent, and nothing for none (or a result of an earlier version)', () => {
    expect(describeKeysAndHeaders(echo({}))).toBe('');
    expect(describeKeysAndHeaders(echo({ keys: keys('none', null, null, null), headers: { count: 0, keySizeBytes: 0, valueSizeBytes: 0 } }))).toBe('');
    expect(describeKeysAndHeaders(echo({ keys: keys('range', 100, null, null) }))).toBe('keys range(100)');
    expect(describeKeysAndHeaders(echo({ keys: keys('zipf', 1000, 1.2, 8) }))).toBe('keys zipf(1000, s=1.2, 8 B)');
    expect(describeKeysAndHeaders(echo({ keys: keys('letters', null, null, 16), headers: { count: 2, keySizeBytes: 8, valueSizeBytes: -1 } })))
      .toBe('keys 16 B (A-Z), 2 headers (8 B keys, null values)');
    expect(describeKeysAndHeaders(echo({ headers: { count: 1, keySizeBytes: 3, valueSizeBytes: 10 } }))).toBe('1 header (3 B keys, 10 B values)');
  });

  it('gives the reports\' workload a row for each, under the flag\'s name', () => {
    const c = { ...echo({ keys: keys('zipf', 1000, 1.2, null), headers: { count: 2, keySizeBytes: 8, valueSizeBytes: 16 } }), producer: {}, bootstrapServers: [] } as unknown as ConfigEcho;
    const rows = workloadRows(c);
    expect(rows).toContainEqual(['key-distribution', 'zipf(1000, s=1.2)']);
    expect(rows).toContainEqual(['num-headers', '2 headers (8 B keys, 16 B values)']);
    expect(workloadRows({ ...c, keys: undefined, headers: undefined }).map(([label]) => label)).not.toContain('key-distribution');
  });
});
