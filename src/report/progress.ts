/** How far along a run is, for progress lines: what runs tell and reporters show. */
export interface Progress {
  /** 0..1, by records acknowledged (count runs) or time (duration runs). */
  readonly fraction: number;
  /** Estimated ms left, when it can be told. */
  readonly remainingMs: number | undefined;
}
