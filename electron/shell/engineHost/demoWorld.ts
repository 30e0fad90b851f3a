// The built-in demo: both simulators on a seeded world with activity every few seconds, and their
// made-up credentials, which live in this process's memory only (never in the keychain or settings).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulators, type RunningSimulators } from '../../simulators/index.ts';
import { memoryCredentialSource, type CredentialSource } from '../../connectors/credentialSource.ts';
import type { AppSettings, DemoConnections } from '../../../shared/config/appSettings.ts';
import type { DemoOptions } from './protocol.ts';

export interface DemoWorld {
  sims: RunningSimulators;
  connections: DemoConnections;
  credentials: CredentialSource;
  /** The demo's own database folder. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The simulators build a new world at every start (new ids from zero, new credentials), so yesterday's
 * demo database would hold cursors and pending writes that mean nothing to them: it starts empty too.
 * It lives in its own folder, so the live database is never touched by the demo.
 */
export async function startDemoWorld(
  appDataDir: string,
  settings: AppSettings,
  options: DemoOptions,
): Promise<DemoWorld> {
  const dataDir = join(appDataDir, 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  const sims = await startSimulators({
    host: '127.0.0.1',
    seed: options.seed,
    partners: options.partners,
    exceptions: options.exceptions,
    transactions: options.transactions,
    unknownPartnerExceptions: options.unknownPartnerExceptions,
  });
  if (options.activityIntervalMs > 0) sims.xconnector.sim.startActivity(options.activityIntervalMs);
  const { connections: c } = settings;
  return {
    sims,
    dataDir,
    connections: {
      xconnectorUrl: sims.xconnector.url,
      tradingGridUrl: sims.tradingGrid.url,
      tradingGridClientId: sims.credentials.tradingGridClientId,
    },
    // Filed under the names the settings give, as the engine asks for them by those names.
    credentials: memoryCredentialSource({
      [c.xconnector.apiKeySecretName]: sims.credentials.xconnectorApiKey,
      [c.tradingGrid.clientSecretName]: sims.credentials.tradingGridClientSecret,
    }),
    async close() {
      sims.xconnector.sim.stopActivity();
      await sims.close();
    },
  };
}
