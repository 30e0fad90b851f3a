import { describe, expect, it } from 'vitest';
import { createAttentionWatcher } from './attentionWatcher.ts';
import type { Attention } from './attention.ts';

function engine() {
  let failed = 2;
  let reads = 0;
  let down = false;
  return {
    invoke: async (channel: string) => {
      reads++;
      if (down) throw new Error('The sync engine is restarting');
      return channel === 'transactions:failed'
        ? { items: [], total: failed }
        : {
            total: 12,
            byStatus: {},
            bySlaState: { warning: 1, breached: 3, ok: 8 },
            openBySlaState: { warning: 1, breached: 1, ok: 8 },
            byType: {},
          };
    },
    setFailed: (n: number) => (failed = n),
    setDown: (d: boolean) => (down = d),
    reads: () => reads,
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tray: keeping the count current', () => {
  it('reads at start, then once per burst of changes', async () => {
    const e = engine();
    const seen: Attention[] = [];
    const w = createAttentionWatcher({
      invoke: e.invoke,
      onChange: (a) => seen.push(a),
      settleMs: 20,
      periodMs: 60_000,
    });
    w.start();
    await wait(10);
    expect(seen).toEqual([{ failedTransactions: 2, slaWarnings: 1, slaBreaches: 1, total: 4 }]);
    const before = e.reads();
    e.setFailed(200);
    for (let i = 0; i < 200; i++) w.changed();
    await wait(60);
    expect(e.reads() - before).toBe(2); // one read = the two calls
    expect(seen.at(-1)?.total).toBe(202);
    w.stop();
  });

  it('reports only real changes, and keeps the last count while the engine is down', async () => {
    const e = engine();
    const seen: Attention[] = [];
    const w = createAttentionWatcher({
      invoke: e.invoke,
      onChange: (a) => seen.push(a),
      settleMs: 5,
      periodMs: 15,
    });
    w.start();
    await wait(50);
    expect(seen).toHaveLength(1);
    e.setDown(true);
    await wait(40);
    expect(w.current()?.total).toBe(4);
    w.stop();
  });
});
