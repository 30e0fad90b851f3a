// Remembers the request ids already accepted, so a request the engine delivers again (its outbox
// retries after a crash) is shown once. Bounded: the oldest ids are forgotten first, and a redelivery
// comes soon after the original, long before 10,000 newer requests have passed.
export interface SeenIds {
  /** Records `id`; false when it had been seen already. */
  add(id: string): boolean;
}

export function createSeenIds(capacity = 10_000): SeenIds {
  const ids = new Set<string>();
  return {
    add(id) {
      if (ids.has(id)) return false;
      ids.add(id);
      if (ids.size > capacity) {
        const oldest = ids.values().next().value;
        if (oldest !== undefined) ids.delete(oldest);
      }
      return true;
    },
  };
}
