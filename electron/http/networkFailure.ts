// What a thrown network error means for the caller: undici reports failures as exceptions with codes, and
// the outbox needs each as an HttpError that says whether trying again can help and whether a write may
// already have reached the server. Shared by the JSON client and the binary transfers.
import { cancelledError, isWrite, notSentError, where } from './httpError.ts';
import type { HttpError, HttpErrorKind, RequestContext } from './httpError.ts';
import { sanitizeSnippet } from './sanitize.ts';
import { isAbortError } from './time.ts';

/** How far the request got when it failed: `connect` means nothing left this machine. */
export type Phase = 'connect' | 'sent' | 'body';

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

const MAY_HAVE_BEEN_APPLIED =
  ' The change may have been applied, so it will be looked up before being sent again.';

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

/** The error code of a thrown value or of its cause (undici wraps socket errors). */
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

function failure(
  ctx: RequestContext,
  kind: HttpErrorKind,
  retryable: boolean,
  maybeApplied: boolean,
  message: string,
): HttpError {
  return { kind, retryable, maybeApplied, endpointId: ctx.endpointId, message };
}

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
    const why = e instanceof Error ? sanitizeSnippet(e.message, 120) : 'invalid argument';
    return notSentError(ctx, `: the request could not be encoded (${why})`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return failure(
      ctx,
      'timeout',
      true,
      false,
      `${ctx.system} could not be reached for ${where(ctx)}: connecting took longer than ${timeoutMs / 1000} s. Check the base URL in Settings → Connections and that ${ctx.system} is up.`,
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    const applied = write;
    return failure(
      ctx,
      'timeout',
      true,
      applied,
      `${ctx.system} did not answer ${where(ctx)} within ${timeoutMs / 1000} s; it may be slow or down.${
        applied ? MAY_HAVE_BEEN_APPLIED : ''
      }`,
    );
  }
  if (code !== undefined && isTlsCode(code)) {
    return failure(
      ctx,
      'network',
      false,
      false,
      `Partner Desk did not trust the TLS certificate of ${ctx.system} (${code}) for ${where(ctx)}: check the base URL in Settings → Connections, or ask IT whether a proxy replaces certificates.`,
    );
  }
  if (code !== undefined && CONNECT_CODES.has(code)) {
    return failure(
      ctx,
      'network',
      true,
      false,
      `${ctx.system} could not be reached for ${where(ctx)}: ${networkReason(code)}. Check the base URL in Settings → Connections and that ${ctx.system} is up.`,
    );
  }
  const applied = write && phase !== 'connect';
  return failure(
    ctx,
    'network',
    true,
    applied,
    `The connection to ${ctx.system} failed during ${where(ctx)}: ${networkReason(code)}.${
      applied ? MAY_HAVE_BEEN_APPLIED : ''
    }`,
  );
}
