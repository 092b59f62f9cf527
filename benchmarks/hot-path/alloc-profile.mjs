#!/usr/bin/env node
// @ts-check
/**
 * Where the hot path allocates: runs benchmarks/hot-path/hot-path.mjs (same arguments) under V8's sampling heap
 * profiler, counting objects that minor and major GCs collected too (garbage is what costs scavenges), and prints
 * the functions that allocated most, in bytes per record.
 *
 *   npm run build && node benchmarks/hot-path/alloc-profile.mjs [records=2000000] [--sizes 100] [--top 15]
 */
import { Session } from 'node:inspector/promises';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt < 0 ? 15 : Number(args.splice(topAt, 2)[1]);
const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 2_000_000);
if (!args.includes('--sizes')) args.push('--sizes', '100');
// hot-path.mjs reads its own arguments: the same, less ours.
process.argv = [process.argv[0] ?? 'node', new URL('./hot-path.mjs', import.meta.url).pathname, ...args];

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 256, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true,
});
await import('./hot-path.mjs');
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

/** @typedef {{ callFrame: { functionName: string, url: string, lineNumber: number }, selfSize: number, children: Node[] }} Node */
/** @type {Map<string, number>} */
const bySite = new Map();
let total = 0;
/** @param {Node} node */
const walk = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const site = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules|benchmarks)\//, '$1/')}:${lineNumber + 1}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child);
};
walk(/** @type {Node} */ (profile.head));
// The measurement runs the loop twice per size (with and without the rate cap's path).
const perRecord = (bytes) => (bytes / (records * 2)).toFixed(1);
console.log(`\nallocated (sampled, collected objects included): ${perRecord(total)} B a record`);
console.log('| B/record | site |\n| ---: | --- |');
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${perRecord(bytes)} | ${site} |`);
