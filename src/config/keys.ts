/** The key distributions of `--key-distribution`: Kafka's (KIP-1299) and a skew of perf-test's. */
export const KEY_DISTRIBUTIONS = ['none', 'range', 'random', 'zipf'] as const;

/** The exponent of `--key-distribution zipf` when `--key-zipf-exponent` is not given. */
export const DEFAULT_ZIPF_EXPONENT = 1;

/**
 * How each record's key is chosen. A key is decimal text of a key number (Kafka's ProducerPerformance, KIP-1299),
 * left-padded with zeros to `sizeBytes` when `--record-key-size` is given; keyless records use the sticky partitioner.
 */
export type KeySpec =
  /** No key (Kafka's default). */
  | { readonly kind: 'none' }
  /** `--record-key-size` alone: EndToEndLatency's keys, `sizeBytes` of one random letter A-Z (26 distinct keys). */
  | { readonly kind: 'letters'; readonly sizeBytes: number }
  /** Key number `ordinal % range`, the record's ordinal over all producers (Kafka's `range`). */
  | { readonly kind: 'range'; readonly range: number; readonly sizeBytes: number | undefined }
  /** Key number uniform at random in [0, range) (Kafka's `random`). */
  | { readonly kind: 'random'; readonly range: number; readonly sizeBytes: number | undefined }
  /** Key number k in [0, range) with probability proportional to 1 / (k + 1)^exponent: key 0 is the hottest. */
  | { readonly kind: 'zipf'; readonly range: number; readonly exponent: number; readonly sizeBytes: number | undefined };

/**
 * Headers on every record, as EndToEndLatency's `--num-headers`, `--record-header-key-size` and
 * `--record-header-size` give them: `count` headers, each with a key of `keyBytes` and a value of `valueBytes`
 * (-1: a null value), both one random letter A-Z repeated.
 */
export interface HeaderSpec {
  readonly count: number;
  readonly keyBytes: number;
  /** -1 for a null value. */
  readonly valueBytes: number;
}

/** No headers (Kafka's default). */
export const NO_HEADER_SPEC: HeaderSpec = Object.freeze({ count: 0, keyBytes: 0, valueBytes: 0 });
