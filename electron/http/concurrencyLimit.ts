// A small FIFO semaphore bounding the requests in flight to one remote system.
import { abortError } from './time.ts';

export interface ConcurrencyLimit {
  /** Waits for a slot (first come, first served) and resolves with the function that frees it. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Runs `fn` inside a slot. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly active: number;
  readonly waiting: number;
  readonly limit: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  cancelled: boolean;
}

export function createConcurrencyLimit(limit: number): ConcurrencyLimit {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency limit must be a positive integer`);
  let active = 0;
  const queue: Waiter[] = [];

  const makeRelease = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the next live waiter, so a newcomer cannot overtake the queue.
      while (queue.length > 0) {
        const next = queue.shift() as Waiter;
        if (next.cancelled) continue;
        next.grant(makeRelease());
        return;
      }
      active -= 1;
    };
  };

  const acquire = (signal?: AbortSignal): Promise<() => void> => {
    if (signal?.aborted) return Promise.reject(abortError());
    if (active < limit && queue.length === 0) {
      active += 1;
      return Promise.resolve(makeRelease());
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        waiter.cancelled = true;
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        reject(abortError());
      };
      const waiter: Waiter = {
        cancelled: false,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    acquire,
    async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const release = await acquire(signal);
      try {
        return await fn();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    limit,
  };
}
