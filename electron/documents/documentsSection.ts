// The engine's documents section (flow 2): builds the policy cache, the progress reporter, the intake
// of dropped files and the transfer the outbox delivers with, and exposes what the desk asks for.
import { join } from 'node:path';
import type { EngineSettings } from '../../shared/config/engineSettings.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { Clock } from '../engine/clock.ts';
import type { EngineEvents } from '../engine/events.ts';
import type { Ports } from '../engine/ports.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import { createDocumentIntake } from './documentIntake.ts';
import { createDocumentTransfer } from './documentTransfer.ts';
import { createPolicyCache } from './policyCache.ts';
import { createProgressReporter } from './progressReporter.ts';

/** Where xConnector's documents wait, verified, until they are attached (inside the data folder). */
export const SPOOL_FOLDER = 'document-spool';

export function createDocumentsSection(deps: {
  store: Store;
  unit: UnitOfWork;
  ports: Ports;
  settings: EngineSettings;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  publish: <K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]) => void;
}) {
  const settings = deps.settings.documents;
  const now = () => deps.clock.now();
  const progress = createProgressReporter(
    (p) => deps.publish('documentProgress', p),
    settings.progressIntervalMs,
    now,
  );
  const policies = createPolicyCache({
    fetch: (signal) => deps.ports.documents.tradingGrid.attachmentPolicy(signal),
    ttlMs: settings.policyCacheMs,
    assumed: settings.assumedPolicy,
    now,
  });
  const transfer = createDocumentTransfer({
    store: deps.store,
    ports: deps.ports.documents,
    settings,
    policies,
    spoolDir: join(deps.dataDir, SPOOL_FOLDER),
    progress,
    now,
    sleep: (ms, signal) => deps.clock.sleep(ms, signal),
    logger: deps.logger.child({ area: 'documents' }),
  });
  const intake = createDocumentIntake({ store: deps.store, unit: deps.unit, settings, policies, progress });
  return {
    transfer,
    api: {
      /** Files a person dropped on a case: each is queued or refused with a reason. */
      upload: (caseId: string, paths: readonly string[]) => intake.accept(caseId, paths),
      /** The case's documents, oldest first, with their upload state. */
      list: (caseId: string) => deps.store.documents.listForCase(caseId),
      /** Trading Grid's attachment limits as the engine currently judges files by them. */
      policy: () => policies.get(),
    },
  };
}
