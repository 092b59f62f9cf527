/** The Kafka version the harness runs when neither the caller nor $KAFKA_VERSION names one. */
export const DEFAULT_KAFKA_VERSION = '4.1.1';

/** The parts of a Kafka version that change what the harness writes (logging backend, share coordinator). */
export interface KafkaVersion {
  readonly major: number;
  readonly minor: number;
}

/** Parses a 3.x.y or 4.x.y release; anything else (2.x, a snapshot, stray text) is refused. */
export function parseKafkaVersion(version: string): KafkaVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match || Number(match[1]) < 3) {
    throw new Error(`unsupported Kafka version "${version}": expected 3.x.y or 4.x.y, e.g. ${DEFAULT_KAFKA_VERSION}`);
  }
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** The Kafka version to use: the argument, else $KAFKA_VERSION, else {@link DEFAULT_KAFKA_VERSION}. */
export function resolveKafkaVersion(version?: string, env: NodeJS.ProcessEnv = process.env): string {
  const resolved = version || env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  parseKafkaVersion(resolved);
  return resolved;
}
