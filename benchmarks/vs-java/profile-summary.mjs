#!/usr/bin/env node
// @ts-check
/**
 * Where the time goes in `node --cpu-prof` profiles: self time by area (perf-test's folders, each client
 * library, Node internals, GC, idle) and the top functions, per profile (a thread) or over several.
 *
 *   node benchmarks/vs-java/profile-summary.mjs <dir or .cpuprofile files...> [--top 25]
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 */

/**
 * The area a function belongs to, from its script URL.
 * @param {{ functionName: string, url: string }} frame
 */
export function areaOf({ functionName, url }) {
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'program';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1] ?? 'node_modules';
  const own = /\/dist\/([^/]+)\//.exec(url);
  if (own) return `perf-test ${own[1]}`;
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url;
}

/**
 * Self time (ms) by area and by function of one profile.
 * @param {CpuProfile} p
 */
export function selfTimes(p) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const areas = new Map();
  /** @type {Map<string, number>} */
  const functions = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(/** @type {number} */ (p.samples[i]));
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    const area = areaOf(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    if (area === 'idle') continue;
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1} [${area}]`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { areas, functions, totalMs: (p.endTime - p.startTime) / 1000 };
}

/** @param {Map<string, number>} m @param {number} total @param {number} top */
function table(m, total, top) {
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, ms]) => `  ${(100 * ms / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const files = args.flatMap((a) => (fs.statSync(a).isDirectory()
    ? fs.readdirSync(a).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(a, f)) : [a]));
  for (const file of files) {
    const { areas, functions, totalMs } = selfTimes(JSON.parse(fs.readFileSync(file, 'utf8')));
    const busy = totalMs - (areas.get('idle') ?? 0);
    process.stdout.write(`${file}: ${totalMs.toFixed(0)} ms, busy ${busy.toFixed(0)} ms\n  by area (share of busy time):\n`);
    areas.delete('idle');
    process.stdout.write(`${table(areas, busy, 20)}\n  top functions (self time):\n${table(functions, busy, top)}\n\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
