// Engine events can arrive by the thousand during a big sync. A screen refetches once they settle
// (`waitMs` after the last one), but never waits longer than `maxWaitMs` while they keep coming, so a
// steady stream of changes still shows up and never starves the refresh.

export interface RefreshScheduler {
  /** Something changed: refresh soon. */
  request(): void;
  /** Drop a pending refresh (the screen was left or refreshed by other means). */
  cancel(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createRefreshScheduler(
  refresh: () => void,
  {
    waitMs = 250,
    maxWaitMs = 1500,
    timers = realTimers,
  }: { waitMs?: number; maxWaitMs?: number; timers?: Timers } = {},
): RefreshScheduler {
  let handle: unknown = null;
  let firstRequestAt: number | null = null;

  const fire = () => {
    handle = null;
    firstRequestAt = null;
    refresh();
  };

  return {
    request() {
      const now = timers.now();
      firstRequestAt ??= now;
      if (handle !== null) timers.clearTimeout(handle);
      const deadline = firstRequestAt + maxWaitMs;
      handle = timers.setTimeout(fire, Math.max(0, Math.min(waitMs, deadline - now)));
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      firstRequestAt = null;
    },
  };
}
