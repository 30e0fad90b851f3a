// Exponential backoff with full jitter, and Retry-After parsing (delta-seconds or HTTP-date).

export interface BackoffPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/** Upper bound of the wait before retry number `attempt` (0 = first retry): base·2^attempt, capped. */
export function backoffCap(attempt: number, policy: BackoffPolicy): number {
  const exp = policy.backoffBaseMs * 2 ** Math.max(0, Math.min(attempt, 52));
  return Math.min(policy.backoffMaxMs, exp);
}

/** Full jitter: a uniformly random wait in [0, cap]. `random` returns a number in [0, 1]. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(r * backoffCap(attempt, policy));
}

/** The wait before a retry: the jittered backoff, or the server's Retry-After when that is longer. */
export function retryWait(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const jitter = backoffDelay(attempt, policy, random);
  return retryAfterMs !== undefined && retryAfterMs > jitter ? retryAfterMs : jitter;
}

/**
 * Parses a Retry-After header into milliseconds from `nowMs`. Accepts delta-seconds (`"120"`) and
 * HTTP-dates (`"Wed, 21 Oct 2015 07:28:00 GMT"`); a date in the past gives 0. Anything else: undefined.
 */
export function parseRetryAfter(
  header: string | string[] | undefined | null,
  nowMs: number,
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 64) return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  // HTTP-dates always name a weekday or month; refusing bare numbers-with-junk avoids Date.parse quirks.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
