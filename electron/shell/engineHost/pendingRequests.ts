// Requests waiting for their answer, by id, each with a deadline. Used by both ends of the engine host
// channel: main waiting for the engine's answers, the engine waiting for credentials from the keychain.
export interface PendingRequests<T> {
  /** A new id and the promise its answer will settle. */
  open(timeoutMessage: string, timeoutMs?: number): { id: number; answer: Promise<T> };
  resolve(id: number, value: T): boolean;
  reject(id: number, error: Error): boolean;
  /** Fails every waiting request (the other side is gone). */
  rejectAll(error: Error): void;
  size(): number;
}

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

export function createPendingRequests<T>(defaultTimeoutMs: number): PendingRequests<T> {
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (v: T) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();

  const take = (id: number) => {
    const entry = waiting.get(id);
    if (!entry) return null;
    waiting.delete(id);
    clearTimeout(entry.timer);
    return entry;
  };

  return {
    open(timeoutMessage, timeoutMs = defaultTimeoutMs) {
      const id = nextId++;
      const answer = new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (take(id)) reject(new RequestTimeoutError(timeoutMessage));
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
      });
      return { id, answer };
    },
    resolve(id, value) {
      const entry = take(id);
      entry?.resolve(value);
      return entry !== null;
    },
    reject(id, error) {
      const entry = take(id);
      entry?.reject(error);
      return entry !== null;
    },
    rejectAll(error) {
      for (const id of [...waiting.keys()]) take(id)?.reject(error);
    },
    size: () => waiting.size,
  };
}
