import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from '../../../src/producer/murmur2.js';

/** kafkajs' own Java-compatible murmur2 (its default partitioner's), written apart from ours on 64-bit Longs. */
const kafkajsMurmur2 = createRequire(import.meta.url)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer) => number;

describe('murmur2', () => {
  it('gives the values of Kafka\'s UtilsTest.testMurmur2', () => {
    // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java
    const cases: [Uint8Array, number][] = [
      [Buffer.from('21'), -973932308],
      [Buffer.from('foobar'), -790332482],
      [Buffer.from('a-little-bit-long-string'), -985981536],
      [Buffer.from('a-little-bit-longer-string'), -1486304829],
      [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
      [new Uint8Array([0x61, 0x62, 0x63]), 479470107],
    ];
    for (const [key, hash] of cases) expect(murmur2(key)).toBe(hash);
  });

  it('agrees with kafkajs\' Java-compatible murmur2 on every tail length and on bytes above 0x7f', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 2000; n++) {
      const key = Buffer.alloc(n % 67);
      for (let i = 0; i < key.length; i++) key[i] = next() & 0xff;
      expect(murmur2(key), key.toString('hex')).toBe(kafkajsMurmur2(key));
    }
  });

  it('hashes the empty key (a key of zero bytes is a key, not a null one)', () => {
    expect(murmur2(new Uint8Array(0))).toBe(kafkajsMurmur2(Buffer.alloc(0)));
  });
});

describe('toPositive', () => {
  it('clears the sign bit as Java\'s Utils.toPositive does (not Math.abs)', () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-1)).toBe(2147483647);
    expect(toPositive(-(2 ** 31))).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
  });
});

describe('partitionForKey', () => {
  it('is toPositive(murmur2(key)) modulo the partition count', () => {
    // toPositive(murmur2("21")) = 1173551340 = 3 * 391183780 + 0 = 7 * 167650191 + 3
    expect(partitionForKey(Buffer.from('21'), 3)).toBe(0);
    expect(partitionForKey(Buffer.from('21'), 7)).toBe(3);
    // toPositive(murmur2("abc")) = 479470107 = 10 * 47947010 + 7
    expect(partitionForKey(Buffer.from('abc'), 10)).toBe(7);
    expect(partitionForKey(Buffer.from('abc'), 1)).toBe(0);
  });
});
