import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrencyLimit.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('concurrency limit', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let max = 0;
    const gates = Array.from({ length: 10 }, deferred);
    const all = gates.map((g) =>
      limit.run(async () => {
        running += 1;
        max = Math.max(max, running);
        await g.promise;
        running -= 1;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(limit.active).toBe(3);
    expect(limit.waiting).toBe(7);
    for (const g of gates) {
      g.resolve();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(all);
    expect(max).toBe(3);
    expect(limit.active).toBe(0);
  });

  it('grants slots first come, first served', async () => {
    const limit = createConcurrencyLimit(1);
    const first = await limit.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => limit.acquire().then((release) => (order.push(n), release)));
    first();
    for (const w of waiters) (await w)();
    expect(order).toEqual([1, 2, 3]);
  });

  it('a cancelled waiter gives up its place; releasing twice is harmless', async () => {
    const limit = createConcurrencyLimit(1);
    const first = await limit.acquire();
    const ac = new AbortController();
    const cancelled = limit.acquire(ac.signal);
    const next = limit.acquire();
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    first();
    first();
    const release = await next;
    expect(limit.active).toBe(1);
    release();
    expect(limit.active).toBe(0);
  });
});
