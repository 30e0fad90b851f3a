// Builds the engine's ports from the real HTTP connectors. Every secret the credential source hands
// out is registered with the log scrubber first, so no log line can carry it.
import { createXConnectorClient } from '../connectors/xconnector/xConnectorClient.ts';
import { createTradingGridClient } from '../connectors/tradingGrid/tradingGridClient.ts';
import type { CredentialSource } from '../connectors/credentialSource.ts';
import type { EngineSettings } from '../../shared/config/engineSettings.ts';
import type { SecretScrubber } from '../logging/secretScrubber.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from './clock.ts';
import type { Ports } from './ports.ts';
import { createHttpDocumentPorts } from '../documents/httpDocumentPorts.ts';

export function scrubbedCredentials(source: CredentialSource, scrubber: SecretScrubber): CredentialSource {
  return {
    async get(name) {
      const value = await source.get(name);
      scrubber.register(value);
      return value;
    },
  };
}

export function createHttpPorts(o: {
  settings: EngineSettings;
  credentials: CredentialSource;
  scrubber: SecretScrubber;
  logger: Logger;
  clock: Clock;
}): Ports {
  const credentials = scrubbedCredentials(o.credentials, o.scrubber);
  const xc = createXConnectorClient({
    settings: o.settings.xconnector,
    credentials,
    logger: o.logger.child({ system: 'xconnector' }),
    clock: o.clock,
  });
  const tg = createTradingGridClient({
    settings: o.settings.tradingGrid,
    credentials,
    logger: o.logger.child({ system: 'trading-grid' }),
    clock: o.clock,
  });
  return {
    xconnector: {
      partnersFeed: (since, limit) => xc.partnersFeed(since, limit),
      exceptionsFeed: (since, limit) => xc.exceptionsFeed(since, limit),
      transactionsFeed: (since, limit) => xc.transactionsFeed(since, limit),
      referenceDataFeed: (since, limit) => xc.referenceDataFeed(since, limit),
      cases: xc.cases,
      linkException: (id, link, key) => xc.linkException(id, link, key),
      triggerWorkflow: (workflowId, run, key) => xc.triggerWorkflow(workflowId, run, key),
      findWorkflowRunsByRef: (ref) => xc.findWorkflowRunsByRef(ref),
      testConnection: () => xc.testConnection(),
      forgetCredentials: () => xc.forgetCredentials(),
      close: () => xc.close(),
    },
    tradingGrid: {
      communitiesFeed: (since, limit) => tg.communitiesFeed(since, limit),
      directory: tg.directory,
      cases: tg.cases,
      createIssue: (communityId, issue, key) => tg.createIssue(communityId, issue, key),
      findIssuesByRef: (ref) => tg.findIssuesByRef(ref),
      createAlert: (communityId, alert, key) => tg.createAlert(communityId, alert, key),
      findAlertsByRef: (ref) => tg.findAlertsByRef(ref),
      updateIssue: (issueId, update, key) => tg.updateIssue(issueId, update, key),
      findIssueUpdatesByRef: (ref) => tg.findIssueUpdatesByRef(ref),
      testConnection: () => tg.testConnection(),
      forgetCredentials: () => tg.forgetCredentials(),
      close: () => tg.close(),
    },
    documents: createHttpDocumentPorts({
      settings: o.settings,
      credentials,
      logger: o.logger,
      clock: o.clock,
    }),
  };
}
