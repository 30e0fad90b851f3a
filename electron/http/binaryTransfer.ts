// Streaming transfers for endpoints whose bodies are raw bytes (`bodyKind` / `responseKind` 'binary'):
// an upload streams its body from a Readable and reports the bytes as they leave, a download hands the
// caller the response body as a Readable. Nothing is ever held whole in memory, whatever the size.
//
// Transfers get a connection pool of their own, so a long upload never holds up the JSON calls.
// There are no retries in here: a body stream cannot be sent twice, so resuming is the caller's job
// (an upload session's offset, a Range request). Credentials are refreshed once after a 401.
import { Transform, type Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { buildPath, type Endpoint } from '../../shared/contracts/endpoint.ts';
import type { HttpPolicy } from '../../shared/config/engineSettings.ts';
import type { AuthProvider } from './authProvider.ts';
import { createConnectionPool } from './connectionPool.ts';
import type { Logger } from './logger.ts';
import { classifyThrown } from './networkFailure.ts';
import { templateContext, toQueryString, type InputOf } from './requestPreparation.ts';
import { readBody } from './responseBody.ts';
import { cancelledError, errorForStatus, invalidResponseError, notSentError } from './httpError.ts';
import type { HttpError, RequestContext, SystemName } from './httpError.ts';
import { parseRetryAfter } from './backoff.ts';
import { err, ok, type Result } from './result.ts';
import { sanitizeSnippet } from './sanitize.ts';
import { summarizeIssues } from './zodIssues.ts';

export interface BinaryTransferOptions {
  baseUrl: string;
  systemName: SystemName;
  auth: AuthProvider;
  policy: HttpPolicy;
  /** Transfers at once (default 4). */
  connections?: number;
  logger?: Logger;
  userAgent?: string;
}

export interface UploadInput<E extends Endpoint> {
  params?: InputOf<NonNullable<E['params']>>;
  /** What the bytes are, for endpoints that say it in the query (validated like the path). */
  query?: InputOf<NonNullable<E['query']>>;
  /** Extra headers, e.g. Content-Range. */
  headers?: Record<string, string>;
  /** Makes the body; called again only when credentials must be refreshed before anything was read. */
  body: () => Readable;
  contentLength: number;
  /** Bytes of the body handed to the connection so far in this request. */
  onProgress?: (sentBytes: number) => void;
  signal?: AbortSignal;
}

export interface DownloadInput<E extends Endpoint> {
  params?: InputOf<NonNullable<E['params']>>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Download {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes; the caller must read it to the end or destroy it. */
  body: Readable;
}

export interface BinaryTransfer {
  upload<E extends Endpoint>(
    endpoint: E,
    input: UploadInput<E>,
  ): Promise<Result<z.output<E['response']>, HttpError>>;
  download<E extends Endpoint>(endpoint: E, input: DownloadInput<E>): Promise<Result<Download, HttpError>>;
  close(): Promise<void>;
}

const ERROR_BODY_LIMIT = 64 * 1024;
const JSON_BODY_LIMIT = 1024 * 1024;

async function readText(body: Readable, limit: number): Promise<string> {
  return (await readBody(body, limit)).text;
}

function detailOf(text: string): { detail?: string; remoteCode?: string } {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const detail =
      typeof o.detail === 'string' ? o.detail : typeof o.title === 'string' ? o.title : undefined;
    const code = typeof o.code === 'string' ? o.code : undefined;
    return {
      ...(detail !== undefined ? { detail: sanitizeSnippet(detail, 300) } : {}),
      ...(code !== undefined ? { remoteCode: sanitizeSnippet(code, 64) } : {}),
    };
  } catch {
    return {};
  }
}

export function createBinaryTransfer(options: BinaryTransferOptions): BinaryTransfer {
  const { policy, systemName: system, auth, logger } = options;
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = createConnectionPool(base.origin, options.connections ?? 4, policy.timeoutMs);
  const userAgent = options.userAgent ?? 'PartnerDesk/0.1';
  let closed = false;

  function contextOf<E extends Endpoint>(
    endpoint: E,
    params: unknown,
    query?: unknown,
  ): Result<RequestContext, HttpError> {
    const pending = templateContext(system, endpoint);
    const refuse = (why: string): Result<RequestContext, HttpError> => err(notSentError(pending, `: ${why}`));
    let values: Record<string, string> = {};
    if (endpoint.params) {
      const p = endpoint.params.safeParse(params ?? {});
      if (!p.success) return refuse(`its path is invalid (${summarizeIssues(p.error.issues)})`);
      values = p.data as Record<string, string>;
    }
    let search = '';
    if (endpoint.query && query !== undefined) {
      const q = endpoint.query.safeParse(query);
      if (!q.success) return refuse(`its query is invalid (${summarizeIssues(q.error.issues)})`);
      search = toQueryString(q.data);
    }
    try {
      return ok({ ...pending, path: buildPath(endpoint.path, values) + search });
    } catch (e) {
      return refuse(e instanceof Error ? e.message : 'a path parameter is missing');
    }
  }

  async function send(
    ctx: RequestContext,
    headers: Record<string, string>,
    body: Readable | null,
    signal: AbortSignal | undefined,
  ): Promise<Result<Dispatcher.ResponseData, HttpError>> {
    if (closed)
      return err({ ...cancelledError(ctx, false), message: `The connection to ${system} is closed.` });
    const a = await auth.headers();
    if (!a.ok) return a;
    try {
      const res = await pool.request({
        path: `${basePath}${ctx.path}`,
        method: ctx.method,
        headers: { 'user-agent': userAgent, ...headers, ...a.value },
        body,
        signal: signal ?? null,
      });
      if (res.statusCode === 401) {
        await readText(res.body, ERROR_BODY_LIMIT).catch(() => '');
        auth.invalidate(a.value);
        return err(errorForStatus(ctx, 401));
      }
      return ok(res);
    } catch (e) {
      return err(classifyThrown(e, ctx, 'sent', policy.timeoutMs, signal));
    }
  }

  async function failure(ctx: RequestContext, res: Dispatcher.ResponseData): Promise<HttpError> {
    const text = await readText(res.body, ERROR_BODY_LIMIT).catch(() => '');
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'], Date.now());
    return errorForStatus(ctx, res.statusCode, {
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...detailOf(text),
    });
  }

  return {
    async upload<E extends Endpoint>(
      endpoint: E,
      input: UploadInput<E>,
    ): Promise<Result<z.output<E['response']>, HttpError>> {
      const c = contextOf(endpoint, input.params, input.query);
      if (!c.ok) return c;
      const ctx = c.value;
      const headers = {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'content-length': String(input.contentLength),
        ...input.headers,
      };
      for (let attempt = 0; ; attempt++) {
        // Counting on the way through keeps the source's backpressure intact (no extra 'data' reader).
        let sent = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            sent += chunk.length;
            input.onProgress?.(sent);
            done(null, chunk);
          },
        });
        const source = input.body();
        source.on('error', (e) => counter.destroy(e));
        source.pipe(counter);
        const r = await send(ctx, headers, counter, input.signal);
        if (!r.ok) {
          source.destroy();
          // A refused credential is refreshed once; the body is made again from the start.
          if (r.error.kind === 'unauthorized' && attempt === 0) continue;
          return r;
        }
        const res = r.value;
        const expected = endpoint.method === 'POST' ? [200, 201] : [endpoint.status];
        if (!expected.includes(res.statusCode)) {
          source.destroy();
          return err(await failure(ctx, res));
        }
        let text: string;
        try {
          text = await readText(res.body, JSON_BODY_LIMIT);
        } catch (e) {
          return err({
            ...classifyThrown(e, ctx, 'body', policy.timeoutMs, input.signal),
            maybeApplied: true,
          });
        }
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          return err(
            invalidResponseError(ctx, 'the body is not valid JSON', {
              status: res.statusCode,
              maybeApplied: true,
            }),
          );
        }
        const parsed = endpoint.response.safeParse(data);
        if (!parsed.success)
          return err(
            invalidResponseError(ctx, summarizeIssues(parsed.error.issues), {
              status: res.statusCode,
              maybeApplied: true,
              bodySnippet: sanitizeSnippet(text),
            }),
          );
        logger?.debug({ system, endpointId: ctx.endpointId, bytes: sent }, 'upload sent');
        return ok(parsed.data as z.output<E['response']>);
      }
    },

    async download(endpoint, input) {
      const c = contextOf(endpoint, input.params);
      if (!c.ok) return c;
      const ctx = c.value;
      for (let attempt = 0; ; attempt++) {
        const r = await send(ctx, { accept: '*/*', ...input.headers }, null, input.signal);
        if (!r.ok) {
          if (r.error.kind === 'unauthorized' && attempt === 0) continue;
          return r;
        }
        const res = r.value;
        if (res.statusCode !== 200 && res.statusCode !== 206) return err(await failure(ctx, res));
        return ok({ status: res.statusCode, headers: res.headers, body: res.body });
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
