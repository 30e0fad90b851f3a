// Time for the notification policy: the current instant and one-shot timers. Injected so the tests can
// run a day of quiet hours, throttle windows and DST changes in microseconds, deterministically.
export interface Scheduler {
  now(): number;
  /** Runs `run` once after `delayMs`; the returned function cancels it. */
  schedule(delayMs: number, run: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(delayMs, run) {
    const timer = setTimeout(run, Math.max(0, delayMs));
    return () => clearTimeout(timer);
  },
};
