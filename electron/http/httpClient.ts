// One HTTP client per remote system: a keep-alive connection pool, a cap on requests in flight, a token
// bucket so the engine never exceeds the configured rate, contract validation of everything sent and
// received, and retries only where repeating a request cannot create a second object.
//
// Nothing here throws across the module boundary: every outcome is a Result, every failure an HttpError.
// This file assembles the client and owns the call loop (credential refresh and retries); preparing a
// request, one attempt on the wire, reading and validating the answer each live in a module of their own.
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import type { HttpPolicy } from '../../shared/config/engineSettings.ts';
import type { AuthProvider } from './authProvider.ts';
import { retryWait } from './backoff.ts';
import { failedCall, newCallCounters } from './callStats.ts';
import type { HttpClientStats } from './callStats.ts';
import { createConcurrencyLimit } from './concurrencyLimit.ts';
import { createConnectionPool } from './connectionPool.ts';
import { cancelledError, where } from './httpError.ts';
import type { HttpError, SystemName } from './httpError.ts';
import type { Logger } from './logger.ts';
import { createRequestAttempt } from './requestAttempt.ts';
import { prepareRequest } from './requestPreparation.ts';
import type { CallInput } from './requestPreparation.ts';
import type { CallResult } from './responseValidation.ts';
import type { Result } from './result.ts';
import { realSleep, systemClock } from './time.ts';
import type { Clock, Sleep } from './time.ts';
import { createTokenBucket } from './tokenBucket.ts';

// The client's API predates the split into modules; importers keep naming this file.
export { noAuth } from './authProvider.ts';
export type { AuthProvider } from './authProvider.ts';
export type { HttpClientStats } from './callStats.ts';
export type { Logger } from './logger.ts';
export { classifyThrown } from './networkFailure.ts';
export type { Phase } from './networkFailure.ts';
export { toQueryString } from './requestPreparation.ts';
export type { CallInput } from './requestPreparation.ts';
export type { CallResult } from './responseValidation.ts';

export interface HttpClient {
  call<E extends Endpoint>(endpoint: E, input?: CallInput<E>): Promise<CallResult<E>>;
  /** Closes the pool once in-flight requests finish. Later calls fail with `cancelled`. */
  close(): Promise<void>;
  stats(): HttpClientStats;
}

export interface HttpClientOptions {
  baseUrl: string;
  policy: HttpPolicy;
  systemName: SystemName;
  auth: AuthProvider;
  clock?: Clock;
  /** Returns a number in [0, 1]; drives backoff jitter. */
  random?: () => number;
  sleep?: Sleep;
  logger?: Logger;
  /** Largest success body accepted (bytes). Default 64 MiB. */
  maxResponseBytes?: number;
  userAgent?: string;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Whether repeating the request inside the client is safe after this error. */
function mayRetryInside(endpoint: Endpoint, retrySafe: boolean, e: HttpError): boolean {
  if (!e.retryable) return false;
  if (e.kind !== 'network' && e.kind !== 'timeout' && e.kind !== 'rate_limited' && e.kind !== 'server')
    return false;
  if (endpoint.method !== 'POST' || retrySafe) return true;
  // A create is repeated only when the error proves it was not carried out (429, refused connection…):
  // a lost response to a POST might otherwise produce a duplicate on a server that ignores idempotency keys.
  return !e.maybeApplied;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { policy, systemName: system, auth } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger;

  const base = new URL(options.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`${system} base URL must be http or https`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');

  const pool = createConnectionPool(base.origin, policy.concurrency, policy.timeoutMs);
  let closed = false;
  const counters = newCallCounters();
  const record = { system, counters, clock, logger };
  const attempt = createRequestAttempt({
    system,
    pool,
    limit: createConcurrencyLimit(policy.concurrency),
    bucket: createTokenBucket({ ratePerSecond: policy.ratePerSecond, burst: policy.burst, clock, sleep }),
    counters,
    isClosed: () => closed,
    clock,
    logger,
    userAgent: options.userAgent ?? 'PartnerDesk/0.1',
    timeoutMs: policy.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });

  function fail<T>(e: HttpError, attempts: number): Result<T, HttpError> {
    return failedCall(record, e, attempts);
  }

  async function call<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<CallResult<E>> {
    counters.calls += 1;
    const prepared = prepareRequest(endpoint, input, system, basePath);
    if (!prepared.ok) return fail(prepared.error, 0);
    const { ctx } = prepared.value;
    if (closed) {
      return fail(
        {
          ...cancelledError(ctx, false),
          message: `The connection to ${system} is closed; ${where(ctx)} was not sent.`,
        },
        0,
      );
    }

    let retries = 0;
    let refreshedAuth = false;
    for (;;) {
      let authHeaders: Record<string, string> = {};
      if (!input.skipAuth) {
        // Credentials are fetched before taking a connection slot: a token refresh needs a slot itself.
        const h = await auth.headers();
        if (!h.ok) return fail(h.error, retries + 1);
        authHeaders = h.value;
      }
      const outcome = await attempt(endpoint, prepared.value, input, authHeaders);
      if (outcome.ok) {
        counters.successes += 1;
        counters.lastSuccessAt = clock.now();
        return outcome;
      }
      const e = outcome.error;

      if (e.kind === 'unauthorized' && e.status === 401 && !input.skipAuth && !refreshedAuth) {
        refreshedAuth = true;
        counters.authRefreshes += 1;
        logger?.info(
          { system, endpointId: ctx.endpointId },
          `${system} refused the credentials; refreshing them once`,
        );
        auth.invalidate(authHeaders);
        continue;
      }

      if (retries < policy.maxRetries && mayRetryInside(endpoint, input.retrySafe === true, e)) {
        if (e.retryAfterMs !== undefined && e.retryAfterMs > policy.backoffMaxMs) {
          // Waiting that long belongs to the outbox's schedule, not to a request held open in memory.
          return fail(e, retries + 1);
        }
        const waitMs = retryWait(retries, policy, e.retryAfterMs, random);
        retries += 1;
        counters.retries += 1;
        logger?.warn(
          { system, endpointId: ctx.endpointId, kind: e.kind, status: e.status, retry: retries, waitMs },
          `${system}: retrying ${where(ctx)} after ${e.kind}${e.status !== undefined ? ` ${e.status}` : ''} in ${waitMs} ms`,
        );
        try {
          await sleep(waitMs, input.signal);
        } catch {
          return fail(cancelledError(ctx, e.maybeApplied), retries);
        }
        continue;
      }
      return fail(e, retries + 1);
    }
  }

  return {
    call,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.close();
    },
    stats(): HttpClientStats {
      return { system, ...counters };
    },
  };
}
