// Time as the HTTP layer sees it: an injectable clock (epoch milliseconds) and an abortable sleep, so
// tests can drive rate limiting, backoff and token expiry without waiting on the wall clock.

export interface Clock {
  /** Milliseconds; `Date.now()` semantics. Only differences matter except for HTTP-date Retry-After. */
  now(): number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

/** The error a cancelled wait rejects with: recognisable by `name === 'AbortError'`. */
export function abortError(): Error {
  const e = new Error('The operation was cancelled');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return (
    e instanceof Error && (e.name === 'AbortError' || (e as { code?: unknown }).code === 'UND_ERR_ABORTED')
  );
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
