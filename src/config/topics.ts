import { UsageError, badValue } from '../errors.js';
import { parseInteger } from './values.js';

/** The topic options of produce and e2e runs, as the command line gives them. */
export interface TopicOptions {
  /** One topic, or several separated by commas (`--topic a,b,c`). */
  readonly topic?: string | undefined;
  /** `--topics N`: N topics named `<prefix>-0` to `<prefix>-(N-1)`. */
  readonly topics?: string | undefined;
  readonly topicPrefix?: string | undefined;
}

/** Most topics one run produces to: each costs every producer a batch queue per partition. */
export const MAX_TOPICS = 1000;

/**
 * The topics a run produces to, in order: record k goes to topic k mod their count. `--topic` names them (a comma
 * list for several); `--topics N` makes N names from `--topic-prefix` (default `defaultName`).
 */
export function resolveTopicNames(o: TopicOptions, defaultName: string): string[] {
  if (o.topics === undefined) {
    if (o.topicPrefix !== undefined) throw new UsageError('--topic-prefix needs --topics N (the number of topics to name)');
    const names = (o.topic ?? defaultName).split(',').map((t) => t.trim());
    if (names.length > MAX_TOPICS) throw badValue('--topic', o.topic, `names ${names.length} topics; at most ${MAX_TOPICS}`);
    const seen = new Set<string>();
    for (const name of names) {
      checkTopicName('--topic', name);
      if (seen.has(name)) throw badValue('--topic', o.topic, `names topic '${name}' twice`);
      seen.add(name);
    }
    return names;
  }
  if (o.topic !== undefined) throw new UsageError('--topic and --topics cannot be used together: --topic names the topics, --topics N numbers them (with --topic-prefix)');
  const count = parseInteger('--topics', o.topics, 1, MAX_TOPICS);
  const prefix = o.topicPrefix ?? defaultName;
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  // The longest name stands for them all: a prefix that makes one invalid makes the last one invalid.
  if (!isTopicName(prefix) || !isTopicName(names[names.length - 1]!)) {
    throw badValue('--topic-prefix', prefix, `makes invalid topic names such as '${names[names.length - 1]}' (1-249 of a-z A-Z 0-9 . _ -)`);
  }
  return names;
}

function isTopicName(name: string): boolean {
  return name.length > 0 && name.length <= 249 && name !== '.' && name !== '..' && /^[a-zA-Z0-9._-]+$/.test(name);
}

/** Throws a UsageError naming `flag` unless `name` is a valid Kafka topic name. */
export function checkTopicName(flag: string, name: string): string {
  if (!isTopicName(name)) throw badValue(flag, name, 'is not a valid topic name (1-249 of a-z A-Z 0-9 . _ -, not "." or "..")');
  return name;
}

/**
 * The topic options of one scenario of compare or capacity: a fresh topic named `fresh`, or with `--topics N`
 * fresh topics named from it, unless `--topic` or `--topic-prefix` names them for every scenario.
 */
export function scenarioTopics(o: TopicOptions, fresh: string): TopicOptions {
  return o.topics === undefined ? { topic: o.topic ?? fresh } : { topics: o.topics, topicPrefix: o.topicPrefix ?? fresh };
}
