import type { BacklogResult } from './result.js';

const MIB = 1024 * 1024;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const size = (bytes: number) => (bytes >= 1024 * MIB ? `${(bytes / 1024 / MIB).toFixed(2)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`);

function target(b: BacklogResult): string {
  return b.targetRecords !== null ? `${n(b.targetRecords)} records` : size(b.targetBytes ?? 0);
}

/** The fill, in a sentence. */
function fillText(b: BacklogResult): string {
  const f = b.fill;
  const built = `${n(f.records)} records (${size(f.bytes)}) in ${s(f.durationMs)} at ${n(f.throughput.recordsPerSec)} records/s`;
  return f.reached ? `backlog of ${built}, consumers paused` : `producing ended before the backlog of ${target(b)} existed: ${built}`;
}

/** The drain, in a sentence. */
function drainText(b: BacklogResult): string {
  const d = b.drain;
  const rate = `${n(d.throughput.recordsPerSec)} records/s (${d.throughput.mbPerSec.toFixed(2)} MB/sec)`;
  const producing = `${n(d.produceThroughput.recordsPerSec)} records/s produced`;
  if (!d.caughtUp) return `drained at ${rate} with ${producing}; did not catch up in ${s(d.durationMs)}`;
  const when = d.whileProducing ? `with ${producing}` : `(producing had ended; ${producing} until then)`;
  return `drained at ${rate} ${when}; caught up in ${s(d.catchUpMs ?? d.durationMs)} (lag at most ${n(d.caughtUpLagRecords)} records)`;
}

/** Two lines for the terminal: the fill, then the drain. */
export function backlogLines(b: BacklogResult): string {
  return [`Fill:  ${fillText(b)}.`, `Drain: ${drainText(b)}.`].join('\n');
}

/** The two phases as a Markdown table. */
export function backlogMarkdown(b: BacklogResult): string {
  const d = b.drain;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `#### Backlog drain (${target(b)})`, '',
    row(['phase', 'duration', 'records', 'consumed/s', 'produced/s', 'result']),
    row(['---', '---:', '---:', '---:', '---:', '---']),
    row(['fill', s(b.fill.durationMs), n(b.fill.records), '0', n(b.fill.throughput.recordsPerSec), b.fill.reached ? 'backlog built' : 'producing ended first']),
    row(['drain', s(d.durationMs), n(d.consumedRecords), n(d.throughput.recordsPerSec), n(d.produceThroughput.recordsPerSec),
      d.caughtUp ? `caught up in ${s(d.catchUpMs ?? d.durationMs)}` : 'did not catch up']),
  ].join('\n');
}
