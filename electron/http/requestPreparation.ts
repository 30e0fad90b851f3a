// Turns a caller's call into the bytes to send. Everything is checked against the endpoint's contract
// before a connection slot or a rate-limit token is spent, so a request that breaks the contract is
// refused here with a message naming the field, and never reaches the remote system.
import type { z } from 'zod';
import { buildPath } from '../../shared/contracts/endpoint.ts';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import { notSentError } from './httpError.ts';
import type { HttpError, RequestContext, SystemName } from './httpError.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { summarizeIssues } from './zodIssues.ts';

/** What a caller may pass for a part of the request: the input side of that part's schema. */
export type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

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

/** A request ready for the wire; the same one is sent again on every retry. */
export interface PreparedRequest {
  ctx: RequestContext;
  fullPath: string;
  body: string | undefined;
  contentType: string | undefined;
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

/** The context of a request before its path is filled: errors then name the endpoint's path template. */
export function templateContext(system: SystemName, endpoint: Endpoint): RequestContext {
  return { system, endpointId: endpoint.id, method: endpoint.method, path: endpoint.path };
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

/** Validates the call's path, query and body against the endpoint and encodes them. */
export function prepareRequest<E extends Endpoint>(
  endpoint: E,
  input: CallInput<E>,
  system: SystemName,
  basePath: string,
): Result<PreparedRequest, HttpError> {
  const pending = templateContext(system, endpoint);
  const refuse = (what: string, issues: readonly z.core.$ZodIssue[]): Result<PreparedRequest, HttpError> =>
    err(notSentError(pending, ` because its ${what} is invalid: ${summarizeIssues(issues)}`));

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
    return err(notSentError(pending, `: ${e instanceof Error ? e.message : 'a path parameter is missing'}`));
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
