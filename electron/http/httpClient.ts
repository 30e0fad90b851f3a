// One HTTP client per remote system: a keep-alive connection pool, a cap on requests in flight, a token
// bucket so the engine never exceeds the configured rate, contract validation of everything sent and
// received, and retries only where repeating a request cannot create a second object.
//
// Nothing here throws across the module boundary: every outcome is a Result, every failure an HttpError.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { buildPath } from '../../shared/contracts/endpoint.ts';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import type { HttpPolicy } from '../../shared/config/engineSettings.ts';
import { parseRetryAfter, retryWait } from './backoff.ts';
import { createConcurrencyLimit } from './concurrencyLimit.ts';
import {
  cancelledError,
  errorForStatus,
  invalidResponseError,
  isWrite,
  statusMaybeApplied,
  where,
} from './httpError.ts';
import type { HttpError, RequestContext, SystemName } from './httpError.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { sanitizeSnippet } from './sanitize.ts';
import { realSleep, systemClock, isAbortError } from './time.ts';
import type { Clock, Sleep } from './time.ts';
import { createTokenBucket } from './tokenBucket.ts';
import { summarizeIssues } from './zodIssues.ts';

/** Supplies the credentials headers for a request. */
export interface AuthProvider {
  headers(): Promise<Result<Record<string, string>, HttpError>>;
  /**
   * Forgets the cached credentials so the next `headers()` fetches fresh ones. `rejected` is the set of
   * headers the server refused: a provider may ignore the call when it has already replaced them, so a
   * burst of concurrent 401s causes one refresh, not one each.
   */
  invalidate(rejected?: Record<string, string>): void;
}

/** An AuthProvider that adds nothing (for token endpoints and open systems). */
export const noAuth: AuthProvider = {
  headers: () => Promise.resolve(ok({})),
  invalidate: () => {},
};

/** The pino-compatible subset the HTTP layer logs through. */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

export interface CallInput<E extends Endpoint> {
  params?: InputOf<NonNullable<E['params']>>;
  query?: InputOf<NonNullable<E['query']>>;
  body?: InputOf<NonNullable<E['body']>>;
  /** Extra request headers (e.g. the Idempotency-Key). Never logged. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Body encoding; defaults to form-encoded for an OAuth2 token endpoint and JSON otherwise. */
  encoding?: 'json' | 'form';
  /** Send without asking the AuthProvider (the token call itself). */
  skipAuth?: boolean;
  /** The caller vouches that repeating this POST is harmless (e.g. a token grant): retry it like a GET. */
  retrySafe?: boolean;
}

export type CallResult<E extends Endpoint> = Result<z.output<E['response']>, HttpError>;

export interface HttpClientStats {
  system: SystemName;
  /** Calls made through `call()`. */
  calls: number;
  /** HTTP requests actually sent (calls plus retries and auth refresh repeats). */
  requests: number;
  successes: number;
  failures: number;
  retries: number;
  authRefreshes: number;
  /** Requests on the wire now. */
  inFlight: number;
  /** Calls waiting for a connection slot or a rate-limit token. */
  queued: number;
  lastSuccessAt: number | null;
  lastFailure: {
    kind: HttpError['kind'];
    endpointId: string;
    status?: number;
    at: number;
    message: string;
  } | null;
}

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

const ERROR_BODY_LIMIT = 64 * 1024;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Failures that happen before a single byte of the request left this machine. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function isTlsCode(code: string): boolean {
  return /CERT|^ERR_TLS|^ERR_SSL|^DEPTH_ZERO|^UNABLE_TO_/.test(code);
}

function networkReason(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'the network or host is unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed unexpectedly';
    default:
      return code ? `a network error occurred (${code})` : 'a network error occurred';
  }
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (e as { cause?: unknown }).cause;
  if (typeof cause === 'object' && cause !== null) {
    const c = (cause as { code?: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

export type Phase = 'connect' | 'sent' | 'body';

/** Turns a thrown network error into an HttpError (also used by the binary transfers in binaryTransfer.ts). */
export function classifyThrown(
  e: unknown,
  ctx: RequestContext,
  phase: Phase,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): HttpError {
  const write = isWrite(ctx.method);
  const code = errorCode(e);
  if (signal?.aborted || isAbortError(e)) return cancelledError(ctx, write && phase !== 'connect');
  if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') {
    return {
      ...cancelledError(ctx, write && phase !== 'connect'),
      message: `The connection pool to ${ctx.system} was closed while ${where(ctx)} was pending.`,
    };
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    // Refused locally (e.g. a header value with a line break): nothing left this machine.
    return {
      kind: 'bad_request',
      retryable: false,
      maybeApplied: false,
      endpointId: ctx.endpointId,
      message: `Partner Desk did not send ${where(ctx)} to ${ctx.system}: the request could not be encoded (${
        e instanceof Error ? sanitizeSnippet(e.message, 120) : 'invalid argument'
      }).`,
    };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      kind: 'timeout',
      retryable: true,
      maybeApplied: false,
      endpointId: ctx.endpointId,
      message: `${ctx.system} could not be reached for ${where(ctx)}: connecting took longer than ${timeoutMs / 1000} s. Check the base URL in Settings → Connections and that ${ctx.system} is up.`,
    };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    const applied = write;
    return {
      kind: 'timeout',
      retryable: true,
      maybeApplied: applied,
      endpointId: ctx.endpointId,
      message: `${ctx.system} did not answer ${where(ctx)} within ${timeoutMs / 1000} s; it may be slow or down.${
        applied ? ' The change may have been applied, so it will be looked up before being sent again.' : ''
      }`,
    };
  }
  if (code !== undefined && isTlsCode(code)) {
    return {
      kind: 'network',
      retryable: false,
      maybeApplied: false,
      endpointId: ctx.endpointId,
      message: `Partner Desk did not trust the TLS certificate of ${ctx.system} (${code}) for ${where(ctx)}: check the base URL in Settings → Connections, or ask IT whether a proxy replaces certificates.`,
    };
  }
  if (code !== undefined && CONNECT_CODES.has(code)) {
    return {
      kind: 'network',
      retryable: true,
      maybeApplied: false,
      endpointId: ctx.endpointId,
      message: `${ctx.system} could not be reached for ${where(ctx)}: ${networkReason(code)}. Check the base URL in Settings → Connections and that ${ctx.system} is up.`,
    };
  }
  const applied = write && phase !== 'connect';
  return {
    kind: 'network',
    retryable: true,
    maybeApplied: applied,
    endpointId: ctx.endpointId,
    message: `The connection to ${ctx.system} failed during ${where(ctx)}: ${networkReason(code)}.${
      applied ? ' The change may have been applied, so it will be looked up before being sent again.' : ''
    }`,
  };
}

/** Reads a body up to `limit` bytes; beyond that the body is destroyed and `truncated` set. */
async function readBody(
  body: Dispatcher.ResponseData['body'],
  limit: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) {
      const keep = buf.length - (size - limit);
      if (keep > 0) chunks.push(buf.subarray(0, keep));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buf);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** Detail and code from an error body: RFC 7807 problem details, OAuth2 errors, or `{ message, code }`. */
function errorBodyInfo(text: string): { detail?: string; remoteCode?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const o = parsed as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const code = str(o.error) ?? str(o.code) ?? str(o.type);
  const detail = str(o.detail) ?? str(o.error_description) ?? str(o.message) ?? str(o.title);
  return {
    ...(detail !== undefined ? { detail: sanitizeSnippet(detail, 300) } : {}),
    ...(code !== undefined ? { remoteCode: sanitizeSnippet(code, 64) } : {}),
  };
}

export function toQueryString(query: unknown): string {
  if (typeof query !== 'object' || query === null) return '';
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) qs.append(key, String(v));
    else qs.append(key, String(value));
  }
  const s = qs.toString();
  return s === '' ? '' : `?${s}`;
}

function toForm(body: unknown): string {
  const form = new URLSearchParams();
  if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (value !== undefined && value !== null) form.append(key, String(value));
    }
  }
  return form.toString();
}

function acceptedStatuses(endpoint: Endpoint): readonly number[] {
  if (endpoint.method === 'POST' && (endpoint.status === 200 || endpoint.status === 201)) return [200, 201];
  return [endpoint.status];
}

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

interface Prepared {
  ctx: RequestContext;
  fullPath: string;
  body: string | undefined;
  contentType: string | undefined;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { policy, systemName: system, auth } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const userAgent = options.userAgent ?? 'PartnerDesk/0.1';

  const base = new URL(options.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`${system} base URL must be http or https`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');

  const pool = new Pool(base.origin, {
    connections: policy.concurrency,
    pipelining: 1,
    headersTimeout: policy.timeoutMs,
    bodyTimeout: policy.timeoutMs,
    connect: { timeout: policy.timeoutMs },
    keepAliveTimeout: 10_000,
  });
  const limit = createConcurrencyLimit(policy.concurrency);
  const bucket = createTokenBucket({
    ratePerSecond: policy.ratePerSecond,
    burst: policy.burst,
    clock,
    sleep,
  });

  let closed = false;
  const counters = {
    calls: 0,
    requests: 0,
    successes: 0,
    failures: 0,
    retries: 0,
    authRefreshes: 0,
    inFlight: 0,
    queued: 0,
    lastSuccessAt: null as number | null,
    lastFailure: null as HttpClientStats['lastFailure'],
  };

  function prepare<E extends Endpoint>(endpoint: E, input: CallInput<E>): Result<Prepared, HttpError> {
    const pending: RequestContext = {
      system,
      endpointId: endpoint.id,
      method: endpoint.method,
      path: endpoint.path,
    };
    const refuse = (what: string, issues: readonly z.core.$ZodIssue[]): Result<Prepared, HttpError> =>
      err({
        kind: 'bad_request',
        retryable: false,
        maybeApplied: false,
        endpointId: endpoint.id,
        message: `Partner Desk did not send ${where(pending)} to ${system} because its ${what} is invalid: ${summarizeIssues(issues)}.`,
      });

    let params: Record<string, string> = {};
    if (endpoint.params) {
      const p = endpoint.params.safeParse(input.params ?? {}, { reportInput: true });
      if (!p.success) return refuse('path', p.error.issues);
      params = p.data as Record<string, string>;
    }
    let path: string;
    try {
      path = buildPath(endpoint.path, params);
    } catch (e) {
      return err({
        kind: 'bad_request',
        retryable: false,
        maybeApplied: false,
        endpointId: endpoint.id,
        message: `Partner Desk did not send ${where(pending)} to ${system}: ${e instanceof Error ? e.message : 'a path parameter is missing'}.`,
      });
    }
    const ctx: RequestContext = { ...pending, path };

    let query: unknown = input.query;
    if (endpoint.query) {
      const q = endpoint.query.safeParse(input.query ?? {}, { reportInput: true });
      if (!q.success) return refuse('query', q.error.issues);
      query = q.data;
    }

    let body: string | undefined;
    let contentType: string | undefined;
    if (endpoint.method !== 'GET' && (endpoint.body || input.body !== undefined)) {
      let value: unknown = input.body;
      if (endpoint.body) {
        const b = endpoint.body.safeParse(input.body, { reportInput: true });
        if (!b.success) return refuse('body', b.error.issues);
        value = b.data;
      }
      const encoding = input.encoding ?? (/\/oauth2\/token$/.test(endpoint.path) ? 'form' : 'json');
      if (encoding === 'form') {
        body = toForm(value);
        contentType = 'application/x-www-form-urlencoded';
      } else {
        body = JSON.stringify(value);
        contentType = 'application/json';
      }
    }
    return ok({ ctx, fullPath: `${basePath}${path}${toQueryString(query)}`, body, contentType });
  }

  async function attempt<E extends Endpoint>(
    endpoint: E,
    prepared: Prepared,
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
    if (closed) {
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
        return err(classifyThrown(e, ctx, 'sent', policy.timeoutMs, signal));
      }

      const status = res.statusCode;
      const accepted = acceptedStatuses(endpoint).includes(status);
      let text: string;
      let truncated: boolean;
      try {
        ({ text, truncated } = await readBody(res.body, accepted ? maxResponseBytes : ERROR_BODY_LIMIT));
      } catch (e) {
        const classified = classifyThrown(e, ctx, 'body', policy.timeoutMs, signal);
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

      if (!accepted) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], clock.now());
        const info = errorBodyInfo(text);
        const e = errorForStatus(ctx, status, {
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          ...info,
        });
        if (e.kind === 'invalid_response' && status >= 200 && status < 300) {
          return err(
            invalidResponseError(ctx, `status ${status} where ${endpoint.status} was expected`, {
              status,
              maybeApplied: write,
              bodySnippet: sanitizeSnippet(text),
            }),
          );
        }
        return err(e);
      }

      if (truncated) {
        return err(
          invalidResponseError(
            ctx,
            `the response is larger than ${Math.round(maxResponseBytes / 1024 / 1024)} MiB`,
            {
              status,
              maybeApplied: write,
            },
          ),
        );
      }

      let data: unknown;
      if (status === 204) {
        data = undefined;
      } else if (text.trim() === '') {
        return err(invalidResponseError(ctx, 'the body is empty', { status, maybeApplied: write }));
      } else {
        try {
          data = JSON.parse(text);
        } catch {
          return err(
            invalidResponseError(ctx, 'the body is not valid JSON', {
              status,
              maybeApplied: write,
              bodySnippet: sanitizeSnippet(text),
            }),
          );
        }
      }
      const parsed = endpoint.response.safeParse(data, { reportInput: true });
      if (!parsed.success) {
        return err(
          invalidResponseError(ctx, summarizeIssues(parsed.error.issues), {
            status,
            maybeApplied: write,
            bodySnippet: sanitizeSnippet(text),
          }),
        );
      }
      return ok(parsed.data as z.output<E['response']>);
    } finally {
      counters.inFlight -= 1;
      release();
    }
  }

  function fail<T>(e: HttpError, attempts: number): Result<T, HttpError> {
    counters.failures += 1;
    counters.lastFailure = {
      kind: e.kind,
      endpointId: e.endpointId,
      ...(e.status !== undefined ? { status: e.status } : {}),
      at: clock.now(),
      message: e.message,
    };
    const entry = {
      system,
      endpointId: e.endpointId,
      kind: e.kind,
      status: e.status,
      retryable: e.retryable,
      maybeApplied: e.maybeApplied,
      attempts,
    };
    if (e.kind === 'cancelled') logger?.debug(entry, e.message);
    else if (e.retryable) logger?.warn(entry, e.message);
    else logger?.error(entry, e.message);
    return err(e);
  }

  async function call<E extends Endpoint>(endpoint: E, input: CallInput<E> = {}): Promise<CallResult<E>> {
    counters.calls += 1;
    const prepared = prepare(endpoint, input);
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
