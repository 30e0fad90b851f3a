// The cost of one poll cycle when nothing changed, with N cases already stored, beside the same cycle
// on an empty store, and with 100 changes. Cost must follow the changes, not the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';
import { createEngine, STORE_FILE } from '../../electron/engine/engine.ts';
import { openStore } from '../../electron/store/store.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import { median } from './figures.ts';

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
    const engine = createEngine({
      dataDir,
      settings: {
        xconnector: { baseUrl: sims.xconnector.url },
        tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId },
      },
      credentials: memoryCredentialSource({
        'xconnector.apiKey': sims.credentials.xconnectorApiKey,
        'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
      }),
      notifier: { notify: async () => {} },
      logger: silentLogger(),
    });
    try {
      await engine.syncNow(); // warm: token, connections
      const times: number[] = [];
      let itemsRead = 0;
      for (let i = 0; i < runs; i++) {
        if (changes > 0) sims.xconnector.sim.generateActivity({ exceptionUpdates: changes });
        const t = performance.now();
        const r = await engine.syncNow();
        times.push(performance.now() - t);
        itemsRead = r.itemsRead;
      }
      return { ms: median(times), itemsRead };
    } finally {
      await engine.close();
      await sims.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const empty = await measure(0, 0);
  const full = await measure(cases, 0);
  const changed = await measure(cases, 100);
  return { emptyMs: empty.ms, fullMs: full.ms, changedMs: changed.ms, itemsReadIdle: full.itemsRead };
}
