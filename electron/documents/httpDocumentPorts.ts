// The document ports over HTTP: Trading Grid's attachment calls and xConnector's document calls,
// each with connections of their own (see the two clients).
import type { EngineSettings } from '../../shared/config/engineSettings.ts';
import type { CredentialSource } from '../connectors/credentialSource.ts';
import { createTradingGridAttachmentClient } from '../connectors/tradingGrid/attachmentClient.ts';
import { createXConnectorDocumentClient } from '../connectors/xconnector/documentClient.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../engine/clock.ts';
import type { DocumentPorts } from './documentPorts.ts';

export function createHttpDocumentPorts(o: {
  settings: EngineSettings;
  credentials: CredentialSource;
  logger: Logger;
  clock: Clock;
}): DocumentPorts {
  const tradingGrid = createTradingGridAttachmentClient({
    settings: o.settings.tradingGrid,
    credentials: o.credentials,
    logger: o.logger.child({ system: 'trading-grid', area: 'documents' }),
    clock: o.clock,
  });
  const xconnector = createXConnectorDocumentClient({
    settings: o.settings.xconnector,
    credentials: o.credentials,
    logger: o.logger.child({ system: 'xconnector', area: 'documents' }),
    clock: o.clock,
  });
  return {
    tradingGrid,
    xconnector,
    async close() {
      await Promise.all([tradingGrid.close(), xconnector.close()]);
    },
  };
}
