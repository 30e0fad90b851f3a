// Flow 7 at volume: a first run that links N internal cases (each with several comments and a
// resolution step) to N new Trading Grid issues, copies the comments and posts the steps, through the
// engine with its outbox, over real HTTP. Reports cases per second and remote writes per second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators } from '../../electron/simulators/index.ts';
import { createEngine } from '../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';

export async function caseSyncVolume(o: {
  cases: number;
  commentsPerCase: number;
  concurrency: number;
}): Promise<{ casesPerSecond: number; writesPerSecond: number; issues: number; duplicates: number }> {
  const sims = await startSimulators({
    seed: 9,
    partners: 50,
    exceptions: 0,
    transactions: 0,
    now: Date.UTC(2026, 0, 1),
    validateResponses: false,
    xconnector: {
      internalCases: { standalone: o.cases, commentsPerCase: o.commentsPerCase, stepsPerCase: 1 },
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-flow7-'));
  const http = { concurrency: o.concurrency, ratePerSecond: 10_000, burst: 10_000 };
  const engine = createEngine({
    dataDir,
    settings: {
      xconnector: { baseUrl: sims.xconnector.url, http },
      tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId, http },
      poll: { pageSize: 1000 },
      outbox: { concurrency: o.concurrency },
    },
    credentials: memoryCredentialSource({
      'xconnector.apiKey': sims.credentials.xconnectorApiKey,
      'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
    }),
    notifier: { notify: async () => {} },
    logger: silentLogger(),
  });
  try {
    const started = performance.now();
    const result = await engine.runUntilIdle({ timeoutMs: 1_800_000 });
    const seconds = (performance.now() - started) / 1000;
    if (!result.idle) throw new Error('flow 7 benchmark did not finish');
    const s = result.stats;
    const writes = s.issuesCreated + s.linksWritten + s.commentsSynced + s.statusesPosted;
    return {
      casesPerSecond: o.cases / seconds,
      writesPerSecond: writes / seconds,
      issues: sims.tradingGrid.sim.issues().length,
      duplicates:
        sims.tradingGrid.sim.duplicates().length +
        sims.tradingGrid.sim.issueFeed.duplicates().length +
        sims.xconnector.sim.cases.duplicates().length,
    };
  } finally {
    await engine.close();
    await sims.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
