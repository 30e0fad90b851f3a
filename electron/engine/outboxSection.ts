// The engine's outbox section: the counts the window shows, and the desk's hand on dead letters (retry
// one, or discard it and let the writes of the same case held behind it go).
import type { EngineParts } from './engineParts.ts';

type OutboxParts = Pick<
  EngineParts,
  'store' | 'now' | 'outboxWaker' | 'spoolSweeper' | 'publishOutboxCounts'
>;

export function createOutboxSection(parts: OutboxParts) {
  const { store, now, outboxWaker, spoolSweeper, publishOutboxCounts } = parts;
  return {
    counts: () => store.outbox.counts(),
    deadLetters: (limit?: number, offset?: number) => store.outbox.deadLetters(limit, offset),
    retry(id: number): boolean {
      const ok = store.outbox.retryDead(id, now());
      if (ok) {
        outboxWaker.wake();
        publishOutboxCounts();
      }
      return ok;
    },
    discard(id: number): boolean {
      const ok = store.outbox.discardDead(id, now());
      if (ok) {
        spoolSweeper.request();
        // Entries of the same case held behind the dead letter may go now.
        outboxWaker.wake();
        publishOutboxCounts();
      }
      return ok;
    },
  };
}
