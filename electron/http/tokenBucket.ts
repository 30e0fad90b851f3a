// Token bucket: `ratePerSecond` sustained, `burst` at once. `take()` waits exactly as long as needed for
// the next token, and callers are served strictly in arrival order (a caller never overtakes a waiter).
import { abortError, realSleep, systemClock } from './time.ts';
import type { Clock, Sleep } from './time.ts';

export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  clock?: Clock;
  sleep?: Sleep;
}

export interface TokenBucket {
  take(signal?: AbortSignal): Promise<void>;
  /** Tokens available now (fractional), after refilling. */
  available(): number;
  readonly waiting: number;
}

interface Waiter {
  resolve: () => void;
  cancelled: boolean;
}

// Floating-point refills can land a hair below a whole token; treat that as a whole token.
const EPSILON = 1e-9;

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond, burst } = options;
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond))
    throw new RangeError('ratePerSecond must be > 0');
  if (!(burst >= 1)) throw new RangeError('burst must be >= 1');
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;

  let tokens = burst;
  let last = clock.now();
  const queue: Waiter[] = [];
  let draining = false;

  const refill = (): void => {
    const now = clock.now();
    const elapsed = now - last;
    last = now;
    // A clock that steps backwards adds nothing (and takes nothing away).
    if (elapsed > 0) tokens = Math.min(burst, tokens + (elapsed * ratePerSecond) / 1000);
  };

  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (queue.length > 0) {
        const head = queue[0] as Waiter;
        if (head.cancelled) {
          queue.shift();
          continue;
        }
        refill();
        if (tokens >= 1 - EPSILON) {
          tokens = Math.max(0, tokens - 1);
          queue.shift();
          head.resolve();
          continue;
        }
        const waitMs = Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
        await sleep(Math.max(1, waitMs));
      }
    } finally {
      draining = false;
    }
  };

  return {
    take(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(abortError());
      if (queue.length === 0) {
        refill();
        if (tokens >= 1 - EPSILON) {
          tokens = Math.max(0, tokens - 1);
          return Promise.resolve();
        }
      }
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          waiter.cancelled = true;
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          reject(abortError());
        };
        const waiter: Waiter = {
          cancelled: false,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        queue.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        if (!draining) void drain();
      });
    },
    available(): number {
      refill();
      return tokens;
    },
    get waiting() {
      return queue.length;
    },
  };
}
