import { describe, expect, it } from 'vitest';
import { createRefreshScheduler, type Timers } from './refreshScheduler.ts';

/** A clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let pending: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = nextId++;
      pending.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(id) {
      pending = pending.filter((p) => p.id !== id);
    },
    now: () => now,
  };
  return {
    timers,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((p) => p !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
  };
}

describe('refreshing a screen after engine events', () => {
  it('refreshes once after a burst of events settles', () => {
    const clock = manualTimers();
    let refreshes = 0;
    const s = createRefreshScheduler(() => refreshes++, {
      waitMs: 250,
      maxWaitMs: 1500,
      timers: clock.timers,
    });
    for (let i = 0; i < 200; i++) s.request();
    clock.advance(249);
    expect(refreshes).toBe(0);
    clock.advance(1);
    expect(refreshes).toBe(1);
    clock.advance(5000);
    expect(refreshes).toBe(1);
  });

  it('still refreshes while events keep coming, at most every maxWait', () => {
    const clock = manualTimers();
    let refreshes = 0;
    const s = createRefreshScheduler(() => refreshes++, {
      waitMs: 250,
      maxWaitMs: 1000,
      timers: clock.timers,
    });
    for (let t = 0; t < 3000; t += 100) {
      s.request();
      clock.advance(100);
    }
    expect(refreshes).toBe(3);
  });

  it('does not refresh after being cancelled', () => {
    const clock = manualTimers();
    let refreshes = 0;
    const s = createRefreshScheduler(() => refreshes++, { timers: clock.timers });
    s.request();
    s.cancel();
    clock.advance(10_000);
    expect(refreshes).toBe(0);
  });
});
