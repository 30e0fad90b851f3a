// Small helpers shared by both connector clients.
import type { HttpError } from '../http/httpError.ts';

export interface RequestOptions {
  signal?: AbortSignal;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** An idempotency key must be a header-safe token; anything else is refused before sending. */
export function checkIdempotencyKey(key: string, endpointId: string, system: string): HttpError | null {
  if (IDEMPOTENCY_KEY.test(key)) return null;
  return {
    kind: 'bad_request',
    retryable: false,
    maybeApplied: false,
    endpointId,
    message: `Partner Desk did not send ${endpointId} to ${system}: the idempotency key must be 1 to 255 visible ASCII characters.`,
  };
}
