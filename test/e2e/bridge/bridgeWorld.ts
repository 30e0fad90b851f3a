// One living desk for the browser bridge: both simulators (seeded) over real HTTP, an engine on a
// SQLite file in a temporary folder with the simulators' credentials in memory, synced once and then
// running in the background, and the desk service (the engine's side of the IPC contract) around it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators, type RunningSimulators } from '../../../electron/simulators/index.ts';
import { createEngine, type Engine } from '../../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../../electron/connectors/credentialSource.ts';
import { createDeskService, type DeskService } from '../../../electron/service/deskService.ts';
import { silentLogger } from '../../../electron/logging/logger.ts';
import type { NotificationRequest } from '../../../electron/engine/notifier.ts';
import type { EngineSettingsInput } from '../../../shared/config/engineSettings.ts';
import type { EventChannel, EventChannels } from '../../../shared/ipc/contract.ts';
import { memoryCredentialsPort, memorySettingsPort } from './memorySettingsPort.ts';
import { createRestartingDesk, type EngineRules } from './restartingDesk.ts';
import { defaultAppSettings, engineRulesFrom } from '../../../shared/config/appSettings.ts';

export interface WorldOptions {
  seed?: number;
  partners?: number;
  /** One case per exception. */
  exceptions?: number;
  transactions?: number;
  failedTransactionShare?: number;
  unknownPartnerExceptions?: number;
  /** How often the background loops poll each system. */
  pollIntervalMs?: number;
  /** Outbox attempts before a write becomes a dead letter (kept low so a test can make one quickly). */
  maxAttempts?: number;
  /**
   * The attachment size limit Trading Grid publishes (its policy endpoint), which the engine judges
   * dropped files by: small enough that a test can drop a file just over it without gigabytes.
   */
  attachmentMaxBytes?: number;
}

export const DEFAULT_WORLD: Required<WorldOptions> = {
  seed: 42,
  partners: 12,
  exceptions: 300,
  transactions: 400,
  failedTransactionShare: 0.15,
  unknownPartnerExceptions: 3,
  pollIntervalMs: 1000,
  maxAttempts: 3,
  attachmentMaxBytes: 5 * 1024 * 1024,
};

export interface World {
  sims: RunningSimulators;
  engine: Engine;
  service: DeskService;
  /** Every desktop notification the engine asked for, in order (the shell would show these). */
  notifications: NotificationRequest[];
  options: Required<WorldOptions>;
  close(): Promise<void>;
}

const packageVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
};

function engineSettings(sims: RunningSimulators, o: Required<WorldOptions>): EngineSettingsInput {
  // Local simulators answer in microseconds: no reason to hold the sync back with the production rate
  // limits, and short backoffs keep a dead letter (and its retry) within a test's patience.
  const http = { ratePerSecond: 2000, burst: 2000, maxRetries: 1, backoffBaseMs: 20, backoffMaxMs: 200 };
  return {
    xconnector: { baseUrl: sims.xconnector.url, http },
    tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId, http },
    poll: { xconnectorIntervalMs: o.pollIntervalMs, tradingGridIntervalMs: o.pollIntervalMs, pageSize: 200 },
    outbox: { maxAttempts: o.maxAttempts, retryBaseMs: 100, retryMaxMs: 1000 },
  };
}

export async function startWorld(
  options: WorldOptions,
  emit: <E extends EventChannel>(event: E, payload: EventChannels[E]) => void,
): Promise<World> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o: Required<WorldOptions> = { ...DEFAULT_WORLD, ...given };
  const sims = await startSimulators({
    seed: o.seed,
    partners: o.partners,
    exceptions: o.exceptions,
    transactions: o.transactions,
    failedTransactionShare: o.failedTransactionShare,
    unknownPartnerExceptions: o.unknownPartnerExceptions,
  });
  sims.tradingGrid.sim.attachments.updateSettings({ maxBytes: o.attachmentMaxBytes });
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-bridge-'));
  const credentials = memoryCredentialSource({
    'xconnector.apiKey': sims.credentials.xconnectorApiKey,
    'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
  });
  const notifications: NotificationRequest[] = [];
  const newEngine = (rules: EngineRules = {}) =>
    createEngine({
      dataDir,
      settings: { ...engineSettings(sims, o), ...rules },
      credentials,
      notifier: { notify: async (n) => void notifications.push(n) },
      logger: silentLogger(),
    });
  let engine: Engine;
  try {
    engine = newEngine();
  } catch (error) {
    await sims.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const synced = await engine.runUntilIdle({ timeoutMs: 60_000 });
  if (!synced.idle) console.warn('bridge: the first sync did not finish within 60 s; serving anyway');
  // Saved settings reach the engine as in the desktop app: a new engine on the same data folder.
  const settings = memorySettingsPort(credentials, (saved) => desk.apply(saved));
  const newService = (e: Engine) =>
    createDeskService({
      engine: e,
      appInfo: { version: packageVersion(), mode: 'demo', platform: process.platform },
      settings,
      credentials: memoryCredentialsPort(credentials),
      emit,
    });
  const started = (e: Engine) => {
    e.start();
    return { engine: e, service: newService(e) };
  };
  const desk = createRestartingDesk(
    started(engine),
    (rules) => started(newEngine(rules)),
    JSON.stringify(engineRulesFrom(defaultAppSettings())),
  );
  return {
    sims,
    get engine() {
      return desk.engine;
    },
    service: desk.service,
    notifications,
    options: o,
    async close() {
      await desk.close();
      await sims.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
