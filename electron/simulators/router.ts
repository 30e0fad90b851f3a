// A tiny HTTP router built from the contracts' Endpoint declarations: method + `:param` matching,
// query via URLSearchParams, JSON or form-encoded bodies with a size limit, zod validation of params,
// query and body (400 problem+json), 404/405 for unknown routes, an auth hook (401), the fault hook,
// then the handler. Responses are JSON; sockets stay keep-alive.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import type { FaultInjector } from './faults.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RequestContext<E extends Endpoint = Endpoint> {
  endpoint: E;
  params: Out<NonNullable<E['params']>>;
  query: Out<NonNullable<E['query']>>;
  body: Out<NonNullable<E['body']>>;
  headers: IncomingHttpHeaders;
  req: IncomingMessage;
}

export interface Reply {
  /** Defaults to the endpoint's success status. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
  /** Raw bytes instead of JSON (endpoints with `responseKind: 'binary'`); set content-length in headers. */
  bytes?: Buffer | Readable;
}

export interface Route<E extends Endpoint = Endpoint> {
  endpoint: E;
  /** Admin routes (`/_sim/…`) skip auth and faults, and answer loopback clients only. */
  admin?: boolean;
  /** Adjusts the decoded body before validation (e.g. client credentials from a Basic header). */
  preprocess?(body: unknown, req: IncomingMessage): unknown;
  /** Builds the 400 answer for invalid input (default: problem+json). */
  invalid?(where: 'params' | 'query' | 'body', error: z.ZodError, input: unknown): Reply;
  handle(ctx: RequestContext<E>): Reply | Promise<Reply>;
}

export function route<E extends Endpoint>(
  endpoint: E,
  handle: (ctx: RequestContext<E>) => Reply | Promise<Reply>,
  extra: Omit<Route<E>, 'endpoint' | 'handle'> = {},
): Route<E> {
  return { endpoint, handle, ...extra };
}

/** Thrown by a handler (or hook) to answer with a problem+json error. */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;
  constructor(
    status: number,
    title: string,
    detail?: string,
    headers: Record<string, string> = {},
    extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.headers = headers;
    this.extra = extra;
  }
}

export function problem(
  status: number,
  title: string,
  detail?: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Reply {
  const body: Record<string, unknown> = { type: 'about:blank', title, status, ...extra };
  if (detail !== undefined) body['detail'] = detail;
  return { status, body, headers, contentType: 'application/problem+json' };
}

export interface RouterOptions {
  routes: Route[];
  faults: FaultInjector;
  /** Returns a refusal (usually 401) or undefined to let the request through. */
  auth?(req: IncomingMessage, endpoint: Endpoint): Reply | undefined;
  maxBodyBytes?: number;
  /** Check every success response against the endpoint's response schema (500 when it does not fit). */
  validateResponses?: boolean;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export interface RouterStats {
  /** Requests per endpoint id (every request that matched a route, whatever its outcome). */
  requests: Record<string, number>;
  /** Answers per endpoint id and status code. */
  responses: Record<string, Record<string, number>>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export class Router {
  private readonly compiled: CompiledRoute[];
  private readonly options: RouterOptions;
  private readonly maxBodyBytes: number;
  private requestCounts = new Map<string, number>();
  private responseCounts = new Map<string, Map<number, number>>();

  constructor(options: RouterOptions) {
    this.options = options;
    this.maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
    this.compiled = options.routes.map((r) => ({ route: r, segments: splitPath(r.endpoint.path) }));
  }

  readonly listener: RequestListener = (req, res) => {
    this.dispatch(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        send(
          res,
          problem(500, 'Internal server error', err instanceof Error ? err.message : String(err)),
          500,
        );
      }
    });
  };

  stats(): RouterStats {
    const responses: Record<string, Record<string, number>> = {};
    for (const [id, byStatus] of this.responseCounts)
      responses[id] = Object.fromEntries([...byStatus].map(([s, n]) => [String(s), n]));
    return { requests: Object.fromEntries(this.requestCounts), responses };
  }

  resetStats(): void {
    this.requestCounts = new Map();
    this.responseCounts = new Map();
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const match = this.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'none')
      return void send(res, problem(404, 'Not found', `no route for ${url.pathname}`), 404);
    if (match.kind === 'method') {
      return void send(
        res,
        problem(405, 'Method not allowed', `${req.method} ${url.pathname}`, {
          allow: match.allow.join(', '),
        }),
        405,
      );
    }
    const { route: r, rawParams } = match;
    const id = r.endpoint.id;
    this.requestCounts.set(id, (this.requestCounts.get(id) ?? 0) + 1);
    const answer = (reply: Reply): void => {
      const status = reply.status ?? r.endpoint.status;
      const byStatus = this.responseCounts.get(id) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      this.responseCounts.set(id, byStatus);
      send(res, reply, status);
    };

    if (r.admin && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      return answer(problem(403, 'Forbidden', 'simulator admin endpoints answer loopback clients only'));
    }
    // A binary body is the handler's to stream (never buffered whole, whatever its size).
    const binaryBody = r.endpoint.bodyKind === 'binary';
    const raw: BodyRead = binaryBody
      ? { kind: 'ok', buffer: Buffer.alloc(0) }
      : await readBody(req, this.maxBodyBytes);
    if (raw.kind === 'aborted') return;
    if (raw.kind === 'tooLarge') {
      res.setHeader('connection', 'close');
      return answer(
        problem(413, 'Payload too large', `request bodies are limited to ${this.maxBodyBytes} bytes`),
      );
    }

    if (!r.admin) {
      const refusal = this.options.auth?.(req, r.endpoint);
      if (refusal) return answer(refusal);
      const delay = this.options.faults.latency(id);
      if (delay > 0) await sleep(delay);
      const decision = this.options.faults.before(id);
      if (decision.action === 'reset') return void req.socket.destroy();
      if (decision.action === 'respond') {
        return answer(
          problem(decision.status, decision.title, `injected fault (${decision.kind})`, decision.headers),
        );
      }
    }

    let decoded: unknown;
    try {
      decoded = decodeBody(raw.buffer, req.headers['content-type']);
    } catch (err) {
      if (err instanceof HttpError) return answer(problem(err.status, err.title, err.detail));
      throw err;
    }
    if (r.preprocess) decoded = r.preprocess(decoded, req);

    const input: { params: unknown; query: unknown; body: unknown } = {
      params: undefined,
      query: undefined,
      body: undefined,
    };
    const parts: [keyof typeof input, z.ZodType | undefined, unknown][] = [
      ['params', r.endpoint.params, rawParams],
      ['query', r.endpoint.query, Object.fromEntries(url.searchParams)],
      ['body', r.endpoint.body, decoded],
    ];
    for (const [where, schema, value] of parts) {
      if (!schema) continue;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        return answer(
          r.invalid?.(where, parsed.error, value) ??
            problem(400, `Invalid request ${where}`, z.prettifyError(parsed.error)),
        );
      }
      input[where] = parsed.data;
    }

    let reply: Reply;
    try {
      reply = await r.handle({ endpoint: r.endpoint, headers: req.headers, req, ...input } as RequestContext);
    } catch (err) {
      if (err instanceof HttpError)
        return answer(problem(err.status, err.title, err.detail, err.headers, err.extra));
      throw err;
    }
    if (!r.admin && this.options.faults.loseResponse(id)) {
      if (reply.bytes && !Buffer.isBuffer(reply.bytes)) reply.bytes.destroy();
      return void req.socket.destroy();
    }

    const status = reply.status ?? r.endpoint.status;
    if (this.options.validateResponses && status === r.endpoint.status && status !== 204 && !reply.bytes) {
      const check = r.endpoint.response.safeParse(reply.body);
      if (!check.success) {
        return answer(problem(500, 'Simulator produced an invalid response', z.prettifyError(check.error)));
      }
    }
    answer(reply);
  }

  private match(
    method: string,
    pathname: string,
  ):
    | { kind: 'none' }
    | { kind: 'method'; allow: string[] }
    | { kind: 'ok'; route: Route; rawParams: Record<string, string> } {
    const segments = splitPath(pathname);
    const allow: string[] = [];
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, segments);
      if (!params) continue;
      if (c.route.endpoint.method === method) return { kind: 'ok', route: c.route, rawParams: params };
      allow.push(c.route.endpoint.method);
    }
    return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return undefined;
      }
    } else if (p !== a) {
      return undefined;
    }
  }
  return params;
}

type BodyRead = { kind: 'ok'; buffer: Buffer } | { kind: 'tooLarge' } | { kind: 'aborted' };

function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) tooLarge = true;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { kind: 'tooLarge' } : { kind: 'ok', buffer: Buffer.concat(chunks) }),
    );
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('aborted', () => resolve({ kind: 'aborted' }));
  });
}

function decodeBody(buffer: Buffer, contentType: string | undefined): unknown {
  if (buffer.length === 0) return undefined;
  const type = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = buffer.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new HttpError(400, 'Malformed JSON body', err instanceof Error ? err.message : undefined);
    }
  }
  throw new HttpError(
    415,
    'Unsupported media type',
    `expected application/json or application/x-www-form-urlencoded, got ${type}`,
  );
}

function send(res: ServerResponse, reply: Reply, status: number): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.bytes) {
    headers['content-type'] = reply.contentType ?? 'application/octet-stream';
    res.writeHead(status, headers);
    if (Buffer.isBuffer(reply.bytes)) return void res.end(reply.bytes);
    const source = reply.bytes;
    source.on('error', () => res.destroy());
    res.on('close', () => source.destroy());
    source.pipe(res);
    return;
  }
  if (status === 204 || reply.body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const json = JSON.stringify(reply.body);
  headers['content-type'] = `${reply.contentType ?? 'application/json'}; charset=utf-8`;
  headers['content-length'] = String(Buffer.byteLength(json));
  res.writeHead(status, headers);
  res.end(json);
}
