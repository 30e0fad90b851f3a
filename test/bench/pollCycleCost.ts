// The cost of one poll cycle when nothing changed, with N cases already stored, beside the same cycle
// on an empty store, and with 100 changes. Cost must follow the changes, not the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { openStore } from '../../electron/store/store.ts';
import { median } from './figures.ts';
import { benchEngine, targetOf } from './benchEngine.ts';

/** Fills the store as if every exception had been synced: cases linked, cursors at the feeds' ends. */
function prefill(dataDir: string, sims: RunningSimulators): void {
  const store = openStore(join(dataDir, STORE_FILE));
  const now = Date.now();
  store.transaction(() => {
    for (const p of sims.scenario.partners) store.directory.upsertPartner(p);
    for (const c of sims.scenario.communities) store.directory.upsertCommunity(c);
    for (const e of sims.scenario.exceptions) {
      const id = `exc:${e.id}`;
      store.cases.open(
        {
          id,
          origin: 'exception',
          partnerId: e.partnerId,
          communityId: null,
          exceptionId: e.id,
          title: e.summary,
          type: e.kind,
          status: 'open',
          priority: 'medium',
          payload: e,
          searchText: e.summary,
        },
        now,
      );
      store.cases.linkIssue(id, `ISS-${e.id}`, 'C-1', now);
    }
    const xcEnd = String(sims.xconnector.sim.state.seq.current);
    for (const feed of ['xc.partners', 'xc.exceptions', 'xc.transactions'])
      store.cursors.set(feed, xcEnd, now);
    store.cursors.set('tg.communities', String(sims.tradingGrid.sim.state.seq.current), now);
  });
  store.close();
}

export async function pollCycleCost(
  cases: number,
  runs = 7,
): Promise<{ emptyMs: number; fullMs: number; changedMs: number; itemsReadIdle: number }> {
  // One prefilled store serves both measures (filling it is what takes long): idle cycles first, then
  // cycles that each find `changes` exceptions updated.
  const measure = async (n: number, changes: number) => {
    const sims = await startSimulators({
      seed: 9,
      partners: 50,
      exceptions: n,
      transactions: 0,
      now: Date.UTC(2026, 0, 1),
      validateResponses: false,
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-poll-'));
    prefill(dataDir, sims);
    const { engine } = benchEngine(targetOf(sims), { dataDir });
    const cycles = async (changed: number) => {
      const times: number[] = [];
      let itemsRead = 0;
      for (let i = 0; i < runs; i++) {
        if (changed > 0) sims.xconnector.sim.generateActivity({ exceptionUpdates: changed });
        const t = performance.now();
        const r = await engine.syncNow();
        times.push(performance.now() - t);
        itemsRead = r.itemsRead;
      }
      return { ms: median(times), itemsRead };
    };
    try {
      await engine.syncNow(); // warm: token, connections
      const idle = await cycles(0);
      const changed = changes > 0 ? await cycles(changes) : idle;
      return { idle, changed };
    } finally {
      await engine.close();
      await sims.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const empty = await measure(0, 0);
  const full = await measure(cases, 100);
  return {
    emptyMs: empty.idle.ms,
    fullMs: full.idle.ms,
    changedMs: full.changed.ms,
    itemsReadIdle: full.idle.itemsRead,
  };
}
