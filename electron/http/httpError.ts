// Errors of the HTTP layer, as values. Each carries a sentence a person can act on (naming the system and
// the endpoint, never a secret), whether trying again can help, and whether a write may already have
// reached the server, which the outbox needs in order to look the object up before sending it again.
import type { HttpMethod } from '../../shared/contracts/endpoint.ts';

export type HttpErrorKind =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'server'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'invalid_response'
  | 'cancelled';

export interface HttpError {
  kind: HttpErrorKind;
  /** A sentence a person can act on, naming the system and endpoint. Never contains a secret. */
  message: string;
  status?: number;
  /** Whether trying the same request again later may succeed. */
  retryable: boolean;
  /** How long the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  endpointId: string;
  /** True when a write may have reached the server (look it up by correlation reference before retrying). */
  maybeApplied: boolean;
  /** The remote system's own error code when it sent one (OAuth `error`, a problem `code`/`type`). */
  remoteCode?: string;
}

export type SystemName = 'xConnector' | 'Trading Grid';

/** What an error message needs to know about the request it is about. */
export interface RequestContext {
  system: SystemName;
  endpointId: string;
  method: HttpMethod;
  /** The filled path, without the query string. */
  path: string;
}

export function where(ctx: RequestContext): string {
  return `${ctx.method} ${ctx.path} (${ctx.endpointId})`;
}

export function isWrite(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** The message for a 401 that survived a credential refresh. */
export function unauthorizedMessage(system: SystemName): string {
  return system === 'Trading Grid'
    ? 'Trading Grid refused the client credentials: check the client ID and secret in Settings → Connections'
    : 'xConnector refused the API key: check the API key in Settings → Connections';
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusLabel(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

/** Statuses after which a write may have been carried out by the server. */
export function statusMaybeApplied(status: number): boolean {
  return status >= 500 && status !== 501 && status !== 503 && status !== 505;
}

export interface StatusErrorInfo {
  retryAfterMs?: number;
  /** Sanitised detail from the error body (problem detail, OAuth error_description…). */
  detail?: string;
  remoteCode?: string;
}

/** The error for a non-success HTTP status. */
export function errorForStatus(ctx: RequestContext, status: number, info: StatusErrorInfo = {}): HttpError {
  const w = where(ctx);
  const detail = info.detail ? `: ${info.detail}` : '';
  const write = isWrite(ctx.method);
  const base = {
    status,
    endpointId: ctx.endpointId,
    ...(info.retryAfterMs !== undefined ? { retryAfterMs: info.retryAfterMs } : {}),
    ...(info.remoteCode !== undefined ? { remoteCode: info.remoteCode } : {}),
  };
  if (status === 429) {
    const wait = info.retryAfterMs !== undefined ? `; it asked to wait ${seconds(info.retryAfterMs)}` : '';
    return {
      ...base,
      kind: 'rate_limited',
      retryable: true,
      maybeApplied: false,
      message: `${ctx.system} is rate-limiting Partner Desk (429 on ${w})${wait}. If this keeps happening, lower the requests per second for ${ctx.system} in Settings → Connections.`,
    };
  }
  if (status >= 500) {
    const retryable = status !== 501 && status !== 505;
    const applied = write && statusMaybeApplied(status);
    return {
      ...base,
      kind: 'server',
      retryable,
      maybeApplied: applied,
      message: `${ctx.system} failed with ${statusLabel(status)} on ${w}${detail}. ${
        retryable
          ? 'This is usually temporary on its side; Partner Desk will try again.'
          : 'It does not support this request.'
      }${applied ? ' The change may have been applied, so it will be looked up before being sent again.' : ''}`,
    };
  }
  if (status === 401) {
    return {
      ...base,
      kind: 'unauthorized',
      retryable: false,
      maybeApplied: false,
      message: unauthorizedMessage(ctx.system),
    };
  }
  if (status === 403) {
    return {
      ...base,
      kind: 'forbidden',
      retryable: false,
      maybeApplied: false,
      message: `${ctx.system} refused ${w} (403 Forbidden)${detail}: the account Partner Desk uses lacks permission for it; ask the ${ctx.system} administrator to grant it.`,
    };
  }
  if (status === 404 || status === 410) {
    return {
      ...base,
      kind: 'not_found',
      retryable: false,
      maybeApplied: false,
      message: `${ctx.system} found nothing at ${w} (${statusLabel(status)})${detail}: the object may no longer exist, or the base URL in Settings → Connections is wrong.`,
    };
  }
  if (status === 409) {
    return {
      ...base,
      kind: 'conflict',
      retryable: false,
      maybeApplied: false,
      message: `${ctx.system} reported a conflict on ${w} (409 Conflict)${detail}.`,
    };
  }
  if (status >= 400) {
    return {
      ...base,
      kind: 'bad_request',
      retryable: false,
      maybeApplied: false,
      message: `${ctx.system} rejected ${w} as invalid (${statusLabel(status)})${detail}.`,
    };
  }
  return {
    ...base,
    kind: 'invalid_response',
    retryable: false,
    maybeApplied: write && status >= 200 && status < 300,
    message: `${ctx.system} answered ${w} with an unexpected status ${status}${detail}.`,
  };
}

/**
 * A request refused before it was sent (it breaks the contract or cannot be encoded): nothing left this
 * machine, so it was not applied, and repeating it unchanged cannot help.
 */
export function notSentError(ctx: RequestContext, reason: string): HttpError {
  return {
    kind: 'bad_request',
    retryable: false,
    maybeApplied: false,
    endpointId: ctx.endpointId,
    message: `Partner Desk did not send ${where(ctx)} to ${ctx.system}${reason}.`,
  };
}

export function cancelledError(ctx: RequestContext, maybeApplied: boolean): HttpError {
  return {
    kind: 'cancelled',
    retryable: true,
    maybeApplied,
    endpointId: ctx.endpointId,
    message: `The request ${where(ctx)} to ${ctx.system} was cancelled${
      maybeApplied ? ' after it was sent, so the change may have been applied' : ''
    }.`,
  };
}

export function invalidResponseError(
  ctx: RequestContext,
  problem: string,
  opts: { status?: number; bodySnippet?: string; maybeApplied?: boolean } = {},
): HttpError {
  const snippet = opts.bodySnippet !== undefined ? ` The response began: "${opts.bodySnippet}".` : '';
  return {
    kind: 'invalid_response',
    retryable: false,
    maybeApplied: opts.maybeApplied ?? false,
    endpointId: ctx.endpointId,
    ...(opts.status !== undefined ? { status: opts.status } : {}),
    message: `${ctx.system} answered ${where(ctx)} with data Partner Desk does not understand: ${problem}.${snippet} Check that the base URL points at ${ctx.system} and that the contract version matches.`,
  };
}
