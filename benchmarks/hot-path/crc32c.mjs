#!/usr/bin/env node
// @ts-check
/**
 * What a record batch's CRC32C costs with each implementation at hand: perf-test's (native @node-rs/crc32 when it
 * loads, else its JavaScript table), @platformatic/kafka's export (the native one behind a copy, or WASM) and its
 * WASM and JavaScript ones. The best of five rounds each, on a 16 KB batch (batch.size's default).
 *
 *   npm run build && node benchmarks/hot-path/crc32c.mjs
 */
import { crc32c as pltExport, jsCRC32C as pltJs } from '@platformatic/kafka';
import { crc32c as pltWasm } from '@platformatic/wasm-utils';
import { crc32c, crc32cImplementation, crc32cJs } from '../../dist/clients/crc32c.js';

const batch = Buffer.alloc(16_384);
for (let i = 0; i < batch.length; i++) batch[i] = 65 + ((i * 7) % 26);
const expected = crc32cJs(batch);

/** @type {[string, (b: Buffer) => number, number][]} name, implementation, calls per round */
const candidates = [
  [`perf-test (${crc32cImplementation})`, crc32c, 20_000],
  ['@platformatic/kafka export', pltExport, 5_000],
  ['@platformatic/wasm-utils', pltWasm, 5_000],
  ['perf-test JavaScript table', crc32cJs, 1_000],
  ['@platformatic/kafka JavaScript', pltJs, 1_000],
];
console.log('| implementation | µs per 16 KB batch | ns per byte |\n| --- | ---: | ---: |');
for (const [name, crc, calls] of candidates) {
  if (crc(batch) !== expected) throw new Error(`${name} disagrees with the definition`);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) crc(batch);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / calls);
  }
  console.log(`| ${name} | ${(best / 1000).toFixed(2)} | ${(best / batch.length).toFixed(3)} |`);
}
