// One request on the wire: wait for a connection slot and a rate-limit token, send, read the body within
// its limit, and hand the answer to validation. Retrying and refreshing credentials are the caller's
// decision (httpClient.ts); an attempt only reports, as a value, how this one request ended.
import type { Dispatcher, Pool } from 'undici';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import type { CallCounters } from './callStats.ts';
import type { ConcurrencyLimit } from './concurrencyLimit.ts';
import { cancelledError, isWrite, statusMaybeApplied, where } from './httpError.ts';
import type { SystemName } from './httpError.ts';
import type { Logger } from './logger.ts';
import { classifyThrown } from './networkFailure.ts';
import type { CallInput, PreparedRequest } from './requestPreparation.ts';
import { readBody } from './responseBody.ts';
import { acceptedStatuses, validateResponse } from './responseValidation.ts';
import type { CallResult } from './responseValidation.ts';
import { err } from './result.ts';
import type { Clock } from './time.ts';
import type { TokenBucket } from './tokenBucket.ts';

/** Error bodies are only mined for a reason, so a short read is enough whatever the success limit. */
const ERROR_BODY_LIMIT = 64 * 1024;

export interface AttemptContext {
  system: SystemName;
  pool: Pool;
  limit: ConcurrencyLimit;
  bucket: TokenBucket;
  counters: CallCounters;
  /** Whether the client was closed while this attempt waited for its turn. */
  isClosed: () => boolean;
  clock: Clock;
  logger: Logger | undefined;
  userAgent: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export type RequestAttempt = <E extends Endpoint>(
  endpoint: E,
  prepared: PreparedRequest,
  input: CallInput<E>,
  authHeaders: Record<string, string>,
) => Promise<CallResult<E>>;

export function createRequestAttempt(context: AttemptContext): RequestAttempt {
  const { system, pool, limit, bucket, counters, clock, logger, userAgent, timeoutMs, maxResponseBytes } =
    context;

  return async function attempt<E extends Endpoint>(
    endpoint: E,
    prepared: PreparedRequest,
    input: CallInput<E>,
    authHeaders: Record<string, string>,
  ): Promise<CallResult<E>> {
    const { ctx } = prepared;
    const signal = input.signal;
    const write = isWrite(ctx.method);

    counters.queued += 1;
    let release: (() => void) | undefined;
    try {
      release = await limit.acquire(signal);
      await bucket.take(signal);
    } catch {
      counters.queued -= 1;
      release?.();
      return err(cancelledError(ctx, false));
    }
    counters.queued -= 1;
    if (context.isClosed()) {
      release();
      return err({
        ...cancelledError(ctx, false),
        message: `The connection to ${system} was closed before ${where(ctx)} was sent.`,
      });
    }

    counters.inFlight += 1;
    counters.requests += 1;
    const started = clock.now();
    try {
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': userAgent,
        ...(input.headers ?? {}),
        ...authHeaders,
      };
      if (prepared.contentType) headers['content-type'] = prepared.contentType;

      let res: Dispatcher.ResponseData;
      try {
        res = await pool.request({
          path: prepared.fullPath,
          method: ctx.method,
          headers,
          body: prepared.body ?? null,
          signal: signal ?? null,
        });
      } catch (e) {
        return err(classifyThrown(e, ctx, 'sent', timeoutMs, signal));
      }

      const status = res.statusCode;
      const accepted = acceptedStatuses(endpoint).includes(status);
      let text: string;
      let truncated: boolean;
      try {
        ({ text, truncated } = await readBody(res.body, accepted ? maxResponseBytes : ERROR_BODY_LIMIT));
      } catch (e) {
        const classified = classifyThrown(e, ctx, 'body', timeoutMs, signal);
        // The status line arrived: a success status means the write was carried out.
        return err({
          ...classified,
          maybeApplied: write && (accepted || statusMaybeApplied(status) || classified.maybeApplied),
        });
      }
      logger?.debug(
        {
          system,
          endpointId: ctx.endpointId,
          method: ctx.method,
          path: ctx.path,
          status,
          ms: clock.now() - started,
        },
        'http response',
      );
      const answer = { status, headers: res.headers, text, truncated };
      return validateResponse(endpoint, ctx, answer, accepted, maxResponseBytes, clock);
    } finally {
      counters.inFlight -= 1;
      release();
    }
  };
}
