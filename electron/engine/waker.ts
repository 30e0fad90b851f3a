// Lets a background loop sleep until its next deadline or until something new happens, whichever
// comes first (a new outbox entry wakes the delivery loop at once instead of on the next tick).
import type { Clock } from './clock.ts';

export function createWaker(clock: Clock) {
  let controller = new AbortController();
  return {
    async sleep(ms: number, stop: AbortSignal): Promise<void> {
      const current = controller;
      const both = AbortSignal.any([current.signal, stop]);
      await clock.sleep(ms, both);
      if (current.signal.aborted && controller === current) controller = new AbortController();
    },
    wake(): void {
      // abort() builds its DOMException (with a stack) on every call, even when already aborted; a sync
      // that enqueues thousands of writes would pay for each one.
      if (!controller.signal.aborted) controller.abort();
    },
  };
}
export type Waker = ReturnType<typeof createWaker>;
