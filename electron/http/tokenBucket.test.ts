import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './tokenBucket.ts';
import { fakeClock, tick } from './testing.ts';

/**
 * A sleep that moves the fake clock forward by exactly the requested time, after letting the callers
 * already granted a token observe the clock (so each grant is stamped with the time it happened).
 */
function clockSleep(clock: ReturnType<typeof fakeClock>, waits: number[] = []) {
  return async (ms: number) => {
    waits.push(ms);
    await tick();
    clock.advance(ms);
  };
}

describe('token bucket', () => {
  it('lets a burst through at once, then one token per 1/rate seconds', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, clock, sleep: clockSleep(clock) });
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, () => bucket.take().then(() => grantedAt.push(clock.now() - t0))),
    );
    expect(grantedAt).toEqual([0, 0, 0, 100, 200, 300, 400, 500]);
  });

  it('waits exactly the time needed for the missing fraction of a token', async () => {
    const clock = fakeClock();
    const waits: number[] = [];
    const bucket = createTokenBucket({ ratePerSecond: 4, burst: 1, clock, sleep: clockSleep(clock, waits) });
    await bucket.take();
    clock.advance(100); // 0.4 of a token refilled
    await bucket.take();
    expect(waits).toEqual([150]); // the remaining 0.6 token at 4/s
  });

  it('refills up to the burst and no further', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 100, burst: 5, clock, sleep: clockSleep(clock) });
    for (let i = 0; i < 5; i += 1) await bucket.take();
    expect(bucket.available()).toBeCloseTo(0);
    clock.advance(60_000);
    expect(bucket.available()).toBe(5);
  });

  it('serves waiters in arrival order, and a newcomer does not overtake the queue', async () => {
    const clock = fakeClock();
    const order: string[] = [];
    let releaseSleep: (() => void) | undefined;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        releaseSleep = () => {
          clock.advance(ms);
          resolve();
        };
      });
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, clock, sleep });
    await bucket.take();
    const a = bucket.take().then(() => order.push('a'));
    const b = bucket.take().then(() => order.push('b'));
    // A token arrives "meanwhile": still, the newcomer c queues behind a and b.
    clock.advance(1000);
    const c = bucket.take().then(() => order.push('c'));
    while (order.length < 3) {
      await new Promise((r) => setImmediate(r));
      releaseSleep?.();
    }
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('never grants more than burst + rate × elapsed over any window', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const rate = 7;
    const burst = 4;
    const bucket = createTokenBucket({ ratePerSecond: rate, burst, clock, sleep: clockSleep(clock) });
    const at: number[] = [];
    await Promise.all(Array.from({ length: 40 }, () => bucket.take().then(() => at.push(clock.now() - t0))));
    for (let i = 0; i < at.length; i += 1) {
      for (let j = i; j < at.length; j += 1) {
        const granted = j - i + 1;
        const allowed = burst + (rate * ((at[j] as number) - (at[i] as number))) / 1000;
        expect(granted).toBeLessThanOrEqual(allowed + 1e-9);
      }
    }
    // And it is not slower than needed: 36 tokens beyond the burst take ceil-rounded 36/7 s.
    expect(at[at.length - 1]).toBeLessThanOrEqual(Math.ceil((36 / 7) * 1000) + 36);
  });

  it('drops a cancelled waiter without consuming its token', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 1, clock, sleep: clockSleep(clock) });
    await bucket.take();
    const ac = new AbortController();
    const cancelled = bucket.take(ac.signal);
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    const t = clock.now();
    await bucket.take();
    expect(clock.now() - t).toBe(100);
  });
});
