import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/**
 * Every HdrHistogram setting lives here. Values are recorded in microseconds; 3 significant digits keep a
 * histogram a few KiB whatever the run length (Kafka's tool keeps up to 500,000 samples instead).
 */
export const HISTOGRAM_SIGNIFICANT_DIGITS = 3;
/** Worker-side interval histograms: 32-bit counts are plenty for one interval of one worker. */
const WORKER_BUCKETS = 32 as const;
/** Main-thread histograms accumulate the whole run over all workers: 64-bit (float) counts. */
const MERGED_BUCKETS = 64 as const;

export type { Histogram };

function create(bitBucketSize: 32 | 64, useWebAssembly = false): Histogram {
  return hdr.build({
    bitBucketSize,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 2,
    numberOfSignificantValueDigits: HISTOGRAM_SIGNIFICANT_DIGITS,
    useWebAssembly,
  });
}

let wasmReady = false;

/**
 * A histogram for one worker's interval: WebAssembly-backed, because recording is on the hot path (one value
 * per record, ~8x cheaper than the JS histogram's bucket arithmetic). It lives as long as its worker, so it is
 * never destroyed; snapshots cross threads in the portable compressed form.
 */
export function createWorkerHistogram(): Histogram {
  if (!wasmReady) {
    hdr.initWebAssemblySync();
    wasmReady = true;
  }
  return create(WORKER_BUCKETS, true);
}

/** A histogram that merges many snapshots. */
export function createMergedHistogram(): Histogram {
  return create(MERGED_BUCKETS);
}

/** The Java-compatible compressed base64 form ("HISTF..."), read by HdrHistogram in every language. */
export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

/** Decodes a histogram made by `encodeHistogram` (or by Java's HdrHistogram). */
export function decodeHistogram(base64: string): Histogram {
  return hdr.decodeFromCompressedBase64(base64, MERGED_BUCKETS, false);
}

/** Latency figures in milliseconds, from a histogram of microseconds. */
export interface LatencySummary {
  readonly avg: number;
  readonly min: number;
  readonly max: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
}

/** What {@link histogramMean} reads of a JS histogram (hdr-histogram-js's JsHistogram). */
interface CountsArray {
  readonly countsArrayLength: number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
  medianEquivalentValue(value: number): number;
}

/**
 * HdrHistogram's mean, each value counted at the middle of its bucket, as `h.mean` computes it, and equal to it to the
 * bit (the same terms, summed in the same order), in one pass over the counts: `h.mean` walks its recorded-values
 * iterator, some 40 ms a call on the merged histogram of a 300,000-record run (cpu-prof), and a run takes it twice at
 * its end. WebAssembly histograms, which keep their counts in their own memory, use their own.
 */
export function histogramMean(h: Histogram): number {
  const counts = h as unknown as Partial<CountsArray>;
  if (typeof counts.getCountAtIndex !== 'function' || h.totalCount === 0) return h.mean;
  const js = counts as CountsArray;
  let total = 0;
  for (let i = 0; i < js.countsArrayLength; i++) {
    const count = js.getCountAtIndex(i);
    if (count !== 0) total += js.medianEquivalentValue(js.valueFromIndex(i)) * count;
  }
  return total / h.totalCount;
}

/** Summarises a histogram of microseconds into milliseconds; undefined when it holds no value. */
export function summarizeLatency(h: Histogram): LatencySummary | undefined {
  if (h.totalCount === 0) return undefined;
  const ms = (us: number) => us / 1000;
  return {
    avg: ms(histogramMean(h)),
    // Percentile 0 is the lowest recorded value (0 included); minNonZeroValue has no portable "empty" marker.
    min: ms(h.getValueAtPercentile(0)),
    max: ms(h.maxValue),
    p50: ms(h.getValueAtPercentile(50)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
  };
}
