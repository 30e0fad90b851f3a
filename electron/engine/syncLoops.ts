// The two background loops of a running engine: the poll loop reads each system's feeds when its
// interval ends (and ticks the SLA clock), the outbox loop delivers writes as they fall due. Both sleep
// on a waker, so new work or a resume starts them at once, and both outlive a failing database: the
// problem is said on the health view and the loop keeps its pace.
import type { EngineParts } from './engineParts.ts';
import type { FeedCycle } from './feedCycle.ts';

type LoopParts = Pick<
  EngineParts,
  | 'now'
  | 'logger'
  | 'store'
  | 'health'
  | 'sla'
  | 'referenceData'
  | 'delivery'
  | 'documents'
  | 'partnerFiles'
  | 'pollWaker'
  | 'outboxWaker'
  | 'publishOutboxCounts'
  | 'noteStorageProblem'
>;

export function createSyncLoops(parts: LoopParts, cycle: FeedCycle) {
  const { now, logger, store, health, sla, referenceData, delivery, pollWaker, outboxWaker } = parts;
  let paused = false;
  let running: { stop: AbortController; loops: Promise<void>[] } | null = null;

  async function pollLoop(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      await sla.tick();
      const due = cycle.dueAt(now());
      if (!paused && due.length > 0) {
        try {
          await cycle.pollSystems(due, stop);
          await referenceData.runIfDue(stop);
        } catch (error) {
          parts.noteStorageProblem(error);
          logger.error({ err: error }, 'poll cycle failed');
        }
      }
      await pollWaker.sleep(Math.max(50, cycle.nextDueAt() - now()), stop);
    }
  }

  async function outboxLoop(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      let attempted = 0;
      if (!paused) {
        try {
          attempted = await delivery.drain(stop);
          if (attempted > 0) parts.publishOutboxCounts();
        } catch (error) {
          parts.noteStorageProblem(error);
          logger.error({ err: error }, 'outbox delivery failed');
        }
      }
      if (attempted > 0) continue;
      let nextDue: number | null = null;
      try {
        nextDue = store.outbox.nextDueAt();
      } catch (error) {
        // A damaged page or a failing disk: said on the health view; the loop keeps its pace, not a spin.
        parts.noteStorageProblem(error);
        logger.error({ err: error }, 'outbox schedule could not be read');
      }
      const t = now();
      // Entries due but not attempted wait on something else (their system backing off, a dead letter
      // ahead of them): sleep until a backoff ends or something wakes the loop, never in a spin.
      const resumeAt = nextDue === null || nextDue > t ? nextDue : health.nextAvailableAt(t);
      const wait = resumeAt === null ? 30_000 : Math.min(30_000, Math.max(50, resumeAt - t));
      await outboxWaker.sleep(wait, stop);
    }
  }

  return {
    /** Starts polling and delivering in the background. */
    start(): void {
      if (running) return;
      const stop = new AbortController();
      running = { stop, loops: [pollLoop(stop.signal), outboxLoop(stop.signal)] };
    },
    /** Stops the background loops; in-flight requests finish or are abandoned safely (the outbox resumes them). */
    async stop(): Promise<void> {
      if (!running) return;
      // A long upload would hold the loop for minutes: break it off; the outbox resumes it from its offset.
      parts.documents.transfer.halt();
      parts.partnerFiles.halt();
      running.stop.abort();
      await Promise.allSettled(running.loops);
      running = null;
    },
    pause(): void {
      paused = true;
    },
    resume(): void {
      paused = false;
      pollWaker.wake();
      outboxWaker.wake();
    },
    isPaused: () => paused,
  };
}
