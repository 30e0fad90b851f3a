// A clock a test can step forward: time always passes at the wall clock's pace (the HTTP client's
// token bucket waits in real time for it), and the test can jump it ahead, so hours of an outage pass
// in seconds. While skipping, the engine's own sleeps return at once having moved time on; running
// again, they wait in real time, so rate limits measured by the simulators hold against the engine's.
import { systemClock, type Clock } from '../../electron/engine/clock.ts';

export interface SteppedClock extends Clock {
  /** From now on the engine's sleeps jump time ahead instead of waiting. */
  skip(): void;
  /** Jumps time ahead. */
  advance(ms: number): void;
  /** The engine's sleeps wait in real time again. */
  run(): void;
}

export function steppedClock(): SteppedClock {
  let offset = 0;
  let skipping = false;
  return {
    now: () => Date.now() + offset,
    sleep(ms, signal) {
      if (!skipping) return systemClock.sleep(ms, signal);
      offset += Math.max(0, ms);
      // A macrotask turn, so a loop that only sleeps still lets sockets and timers run.
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
    skip() {
      skipping = true;
    },
    advance(ms) {
      offset += ms;
    },
    run() {
      skipping = false;
    },
  };
}
