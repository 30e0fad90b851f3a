// Flow 1 end to end: N exceptions read from xConnector, N issues created in Trading Grid and N links
// written back, through the engine with its outbox, over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators } from '../../electron/simulators/index.ts';
import { createEngine } from '../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';

export async function flow1Throughput(o: {
  partners: number;
  exceptions: number;
  concurrency: number;
}): Promise<{ rate: number; issues: number; duplicates: number }> {
  const sims = await startSimulators({
    seed: 5,
    partners: o.partners,
    exceptions: o.exceptions,
    transactions: 0,
    now: Date.UTC(2026, 0, 1),
    validateResponses: false,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-flow1-'));
  const http = { concurrency: o.concurrency, ratePerSecond: 10_000, burst: 10_000 };
  const engine = createEngine({
    dataDir,
    settings: {
      xconnector: { baseUrl: sims.xconnector.url, http },
      tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId, http },
      poll: { pageSize: 1000 },
      outbox: { concurrency: o.concurrency },
      // The seeded exceptions are days old, so SLA escalations would add writes the bare-client
      // reference does not make: measure flow 1 alone.
      sla: { enabled: false },
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
    const result = await engine.runUntilIdle({ timeoutMs: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    if (!result.idle) throw new Error('flow 1 benchmark did not finish');
    return {
      rate: o.exceptions / seconds,
      issues: sims.tradingGrid.sim.issues().length,
      duplicates: sims.tradingGrid.sim.duplicates().length,
    };
  } finally {
    await engine.close();
    await sims.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
