// A desk for integration tests: both simulators over real HTTP, and an engine on a real SQLite file in
// a temporary folder, built exactly as the demo and the shell build it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startSimulators,
  type RunningSimulators,
  type StartSimulatorsOptions,
} from '../../electron/simulators/index.ts';
import { createEngine, type Engine } from '../../electron/engine/engine.ts';
import {
  memoryCredentialSource,
  type MemoryCredentialSource,
} from '../../electron/connectors/credentialSource.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import type { NotificationRequest } from '../../electron/engine/notifier.ts';
import type { Logger } from '../../electron/logging/logger.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import type { Clock } from '../../electron/engine/clock.ts';

/** The fixed "now" of test worlds, so timestamps are identical run to run. */
export const TEST_NOW = Date.UTC(2026, 10, 2, 9, 0, 0);

export interface TestDesk {
  sims: RunningSimulators;
  engine: Engine;
  dataDir: string;
  credentials: MemoryCredentialSource;
  notifications: NotificationRequest[];
  /** Closes the engine and builds a new one on the same data folder, as after a restart. */
  restart(settings?: Partial<EngineSettingsInput>): Promise<Engine>;
  close(): Promise<void>;
}

export function engineSettingsFor(
  sims: RunningSimulators,
  overrides: Partial<EngineSettingsInput> = {},
): EngineSettingsInput {
  return {
    xconnector: { baseUrl: sims.xconnector.url, http: { backoffBaseMs: 5, backoffMaxMs: 50 } },
    tradingGrid: {
      baseUrl: sims.tradingGrid.url,
      clientId: sims.credentials.tradingGridClientId,
      http: { backoffBaseMs: 5, backoffMaxMs: 50 },
    },
    poll: { xconnectorIntervalMs: 250, tradingGridIntervalMs: 250, pageSize: 100 },
    outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 30 },
    ...overrides,
  };
}

export async function startDesk(
  o: {
    sim?: StartSimulatorsOptions;
    settings?: Partial<EngineSettingsInput>;
    logger?: Logger;
    /** The engine's clock (the SLA tests drive time through business hours with it). */
    clock?: Clock;
  } = {},
): Promise<TestDesk> {
  const sims = await startSimulators({
    seed: 7,
    partners: 6,
    exceptions: 25,
    transactions: 60,
    now: TEST_NOW,
    ...o.sim,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-desk-'));
  const credentials = memoryCredentialSource({
    'xconnector.apiKey': sims.credentials.xconnectorApiKey,
    'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
  });
  const notifications: NotificationRequest[] = [];
  const build = (settings?: Partial<EngineSettingsInput>) =>
    createEngine({
      dataDir,
      settings: engineSettingsFor(sims, { ...o.settings, ...settings }),
      credentials,
      notifier: { notify: async (n) => void notifications.push(n) },
      logger: o.logger ?? silentLogger(),
      ...(o.clock ? { clock: o.clock } : {}),
    });
  const desk: TestDesk = {
    sims,
    engine: build(),
    dataDir,
    credentials,
    notifications,
    async restart(settings) {
      await desk.engine.close();
      desk.engine = build(settings);
      return desk.engine;
    },
    async close() {
      await desk.engine.close();
      await sims.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return desk;
}

/** Issues in the Trading Grid simulator, by correlation reference. */
export function issuesByRef(sims: RunningSimulators): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of sims.tradingGrid.sim.issues())
    out.set(i.correlationRef, [...(out.get(i.correlationRef) ?? []), i.id]);
  return out;
}

export function alertsByRef(sims: RunningSimulators): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of sims.tradingGrid.sim.alerts())
    out.set(a.correlationRef, [...(out.get(a.correlationRef) ?? []), a.id]);
  return out;
}
