// The data the report page embeds and its script draws: computed by chart-data.ts, read by client/charts.ts.
// Types only, with no imports, so that the page's script is type-checked against them on its own.

/** One line or bar series of a chart. */
export interface SeriesData {
  readonly label: string;
  readonly color: string;
  /** Secondary latency views are dashed (from the intended send time) or dotted (end to end). */
  readonly line: 'solid' | 'dashed' | 'dotted';
  readonly values: ReadonlyArray<number | null>;
}

/** A chart's data in uPlot's aligned form: one x array, and series of the same length. */
export interface ChartData {
  readonly x: readonly number[];
  readonly series: readonly SeriesData[];
}

/** Everything the page's charts draw, computed by chart-data.ts so that the page only plots. */
export interface ReportCharts {
  /** Bars: scenario i's records/s at x = i (null elsewhere, so each bar takes its scenario's colour). */
  readonly throughput: ChartData & { readonly names: readonly string[] };
  /** x = 1 / (1 - percentile/100), on a log scale (HdrHistogram's percentile distribution view); y = ms. */
  readonly percentiles: ChartData;
  /** Whether the percentile chart opens with a log latency axis: when scenarios' p99 differ tenfold or more. */
  readonly percentilesLogY: boolean;
  /** x = seconds since the run started; y = records/s per interval, and (dashed) the target of capped runs. */
  readonly throughputOverTime: ChartData;
  /** x = seconds since the run started; y = the interval's p99 in ms. */
  readonly p99OverTime: ChartData;
}
