// An engine on an existing store file with the desk service around it: the path every inbox call of
// the window takes (argument validation, the store's query, the mapping to what the window receives).
// The SLA evaluator is off: the seeded cases carry fixed SLA states, and its first tick would otherwise
// look at every one of them, which is not what these benchmarks measure.
import { createEngine, type Engine } from '../../electron/engine/engine.ts';
import { createDeskService, type DeskService } from '../../electron/service/deskService.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import { memoryCredentialsPort, memorySettingsPort } from '../e2e/bridge/memorySettingsPort.ts';

export interface InboxDeskOptions {
  dataDir: string;
  /** The simulators to poll; without them the engine is never asked to sync (a closed port stands in). */
  systems?: {
    xconnectorUrl: string;
    tradingGridUrl: string;
    clientId: string;
    apiKey: string;
    clientSecret: string;
  };
}

export interface InboxDesk {
  engine: Engine;
  service: DeskService;
  close(): Promise<void>;
}

export function openInboxDesk(options: InboxDeskOptions): InboxDesk {
  const s = options.systems ?? {
    xconnectorUrl: 'http://127.0.0.1:9',
    tradingGridUrl: 'http://127.0.0.1:9',
    clientId: 'bench',
    apiKey: 'unused',
    clientSecret: 'unused',
  };
  const credentials = memoryCredentialSource({
    'xconnector.apiKey': s.apiKey,
    'tradingGrid.clientSecret': s.clientSecret,
  });
  const engine = createEngine({
    dataDir: options.dataDir,
    settings: {
      xconnector: { baseUrl: s.xconnectorUrl },
      tradingGrid: { baseUrl: s.tradingGridUrl, clientId: s.clientId },
      sla: { enabled: false },
    },
    credentials,
    notifier: { notify: async () => {} },
    logger: silentLogger(),
  });
  const service = createDeskService({
    engine,
    appInfo: { version: 'bench', mode: 'demo', platform: process.platform },
    settings: memorySettingsPort(credentials),
    credentials: memoryCredentialsPort(credentials),
    emit: () => {},
  });
  return {
    engine,
    service,
    async close() {
      service.dispose();
      await engine.close();
    },
  };
}
