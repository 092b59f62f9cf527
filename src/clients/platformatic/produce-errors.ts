import { produceErrorName, NETWORK, TIMEOUT } from '../kafka-errors.js';
import type { PartitionOutcome } from '../port.js';
import { errorDetail, kafkaErrorName } from './options.js';

/**
 * A produce request that got no answer, named as the producer counts and retries it: NetworkException for a
 * connection that broke or could not be made, TimeoutException for an answer that did not come in time, and the
 * client's own name for anything else (a codec it lacks, say).
 */
export class ProduceFailure extends Error {
  readonly type: string;

  constructor(cause: Error) {
    super(errorDetail(cause), { cause });
    this.name = 'ProduceFailure';
    this.type = requestErrorName(cause);
  }
}

/** The leader's broker is unknown to the client, or no connection to it could be had. */
export class NoLeaderConnection extends Error {
  readonly type = NETWORK;
}

function requestErrorName(e: Error): string {
  if (e instanceof NoLeaderConnection) return NETWORK;
  const name = kafkaErrorName(e);
  if (name === 'TimeoutError') return TIMEOUT;
  // The connection's own failures: broken, closed under the request, an answer that matches no request, or one
  // cut short (OutOfBoundsError: seen from a broker shutting down in a rolling restart). The request's outcome is
  // unknown, as after a broken connection: a retry it is, which idempotence keeps from writing twice.
  if (/^(NetworkError|UnexpectedCorrelationIdError|UnfinishedWriteBufferError|OutOfBoundsError)$/.test(name) || (e as { code?: unknown }).code === 'PLT_KFK_NETWORK') return NETWORK;
  return name;
}

interface ProduceResponse {
  readonly responses: readonly { readonly partitionResponses: readonly { readonly index: number; readonly errorCode: number }[] }[];
}

/**
 * Each partition's outcome, when the broker answered with errors for some partitions (the client's
 * ResponseError carries the whole response); undefined when the request itself failed.
 */
export function partitionOutcomes(e: Error): PartitionOutcome[] | undefined {
  const response = (e as { response?: unknown }).response;
  if (!Array.isArray((response as Partial<ProduceResponse> | undefined)?.responses)) return undefined;
  return (response as ProduceResponse).responses.flatMap((topic) =>
    topic.partitionResponses.map((p) => ({ partition: p.index, error: produceErrorName(p.errorCode) })));
}
