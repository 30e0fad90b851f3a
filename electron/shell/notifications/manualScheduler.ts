// A Scheduler whose clock moves only when a test says so. Timers due within an advance fire in time
// order, each with the clock set to its due instant, like real timers would.
import type { Scheduler } from './scheduler.ts';

export interface ManualScheduler extends Scheduler {
  /** Moves the clock forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void;
  advanceTo(instant: number): void;
  /**
   * A machine asleep for `ms`: the wall clock moves on, but timers (which count monotonic time, paused
   * during sleep on macOS and Windows) are due that much later.
   */
  sleep(ms: number): void;
  pendingTimers(): number;
}

interface Timer {
  at: number;
  seq: number;
  run: () => void;
}

export function createManualScheduler(start: number): ManualScheduler {
  let now = start;
  let seq = 0;
  const timers = new Set<Timer>();

  const advanceTo = (instant: number): void => {
    for (;;) {
      let next: Timer | undefined;
      for (const t of timers)
        if (t.at <= instant && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (!next) break;
      timers.delete(next);
      now = Math.max(now, next.at);
      next.run();
    }
    now = Math.max(now, instant);
  };

  return {
    now: () => now,
    schedule(delayMs, run) {
      const timer: Timer = { at: now + Math.max(0, delayMs), seq: seq++, run };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance: (ms) => advanceTo(now + ms),
    advanceTo,
    sleep(ms) {
      now += ms;
      for (const t of timers) t.at += ms;
    },
    pendingTimers: () => timers.size,
  };
}
