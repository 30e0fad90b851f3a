// The engine as every benchmark builds it: on a fresh SQLite file in a temporary folder, pointed at a
// pair of simulators (in this process or in a simulator process), silent, with no desktop notifier.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import type { EngineSettingsInput, HttpPolicy } from '../../shared/config/engineSettings.ts';
import type { Clock } from '../../electron/engine/clock.ts';

export interface BenchTarget {
  xconnectorUrl: string;
  tradingGridUrl: string;
  credentials: { xconnectorApiKey: string; tradingGridClientId: string; tradingGridClientSecret: string };
}

/** In-process simulators as a target. */
export function targetOf(sims: {
  xconnector: { url: string };
  tradingGrid: { url: string };
  credentials: BenchTarget['credentials'];
}): BenchTarget {
  return {
    xconnectorUrl: sims.xconnector.url,
    tradingGridUrl: sims.tradingGrid.url,
    credentials: sims.credentials,
  };
}

export interface BenchEngineOptions {
  /** Requests in flight per system and outbox deliveries at once; unset keeps the defaults. */
  concurrency?: number;
  /** HTTP policy for both systems (default with `concurrency`: no client-side rate limit to speak of). */
  http?: Partial<HttpPolicy>;
  /** Trading Grid's own HTTP policy, over `http` (e.g. its published rate limit). */
  tradingGridHttp?: Partial<HttpPolicy>;
  settings?: Partial<EngineSettingsInput>;
  clock?: Clock;
  /** An existing data folder (a second engine on the same store); otherwise a fresh one. */
  dataDir?: string;
}

export interface BenchEngine {
  engine: Engine;
  dataDir: string;
  /** Closes the engine and removes its data folder. */
  close(): Promise<void>;
}

export function benchEngine(target: BenchTarget, o: BenchEngineOptions = {}): BenchEngine {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'pd-bench-'));
  const http =
    o.concurrency === undefined
      ? { ...o.http }
      : { concurrency: o.concurrency, ratePerSecond: 10_000, burst: 10_000, ...o.http };
  const engine = createEngine({
    dataDir,
    settings: {
      xconnector: { baseUrl: target.xconnectorUrl, http },
      tradingGrid: {
        baseUrl: target.tradingGridUrl,
        clientId: target.credentials.tradingGridClientId,
        http: { ...http, ...o.tradingGridHttp },
      },
      ...(o.concurrency === undefined
        ? {}
        : { poll: { pageSize: 1000 }, outbox: { concurrency: o.concurrency } }),
      ...o.settings,
    },
    credentials: memoryCredentialSource({
      'xconnector.apiKey': target.credentials.xconnectorApiKey,
      'tradingGrid.clientSecret': target.credentials.tradingGridClientSecret,
    }),
    notifier: { notify: async () => {} },
    logger: silentLogger(),
    ...(o.clock ? { clock: o.clock } : {}),
  });
  return {
    engine,
    dataDir,
    async close() {
      await engine.close();
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
