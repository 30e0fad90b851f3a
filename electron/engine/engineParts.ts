// Builds the engine's parts from its options, wired to one another: the store, the remote ports, the
// health tracker, the unit of work the flows write through, outbox delivery, documents and partner
// files, the spool sweeper, reference data and the SLA clock. The loops and the public API use them.
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.ts';
import { createUnitOfWork } from '../flows/flowContext.ts';
import { createHealthTracker, SYSTEM_BACKOFF } from '../sync/health.ts';
import { createOutboxDelivery } from '../sync/outboxDelivery.ts';
import { createSecretScrubber } from '../logging/secretScrubber.ts';
import { createLogger } from '../logging/logger.ts';
import { TypedEmitter } from './typedEmitter.ts';
import { systemClock } from './clock.ts';
import { createWaker } from './waker.ts';
import { createRunStats } from './runStats.ts';
import { outboxOperations } from './flowRegistry.ts';
import { createHttpPorts } from './httpPorts.ts';
import { parseEngineSettings, STORE_FILE, type EngineOptions } from './engineOptions.ts';
import { createStorageProblemNote } from './storageProblems.ts';
import { createDocumentsSection } from '../documents/documentsSection.ts';
import {
  createPartnerFileTransfer,
  PARTNER_FILE_SPOOL,
  UPLOAD_PARTNER_FILE,
} from '../documents/partnerFileTransfer.ts';
import { createSpoolSweeper } from '../documents/spoolSweep.ts';
import { createSlaEngine } from '../sla/slaEngine.ts';
import { createReferenceDataSection } from '../referenceData/referenceDataSection.ts';
import type { EngineEvents } from './events.ts';

export function assembleEngineParts(options: EngineOptions) {
  const settings = parseEngineSettings(options.settings);
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const scrubber = options.scrubber ?? createSecretScrubber();
  const logger = options.logger ?? createLogger({ scrubber, level: 'warn' });
  const events = new TypedEmitter<EngineEvents>();
  const stats = createRunStats();
  const store: Store = openStore(
    join(options.dataDir, STORE_FILE),
    options.maxDatabasePages === undefined ? {} : { maxPageCount: options.maxDatabasePages },
  );
  const ports =
    options.ports ?? createHttpPorts({ settings, credentials: options.credentials, scrubber, logger, clock });
  const publish = <K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]) =>
    events.emit(event, payload);
  const health = createHealthTracker(
    ['xconnector', 'trading-grid'],
    { ...SYSTEM_BACKOFF, authRetryMs: settings.authRetryMs },
    (h) => publish('healthChanged', h),
    options.random,
  );
  const outboxWaker = createWaker(clock);
  const pollWaker = createWaker(clock);
  const unit = createUnitOfWork({
    store,
    mappings: settings.mappings,
    now,
    publish,
    onEnqueued: (e) => {
      stats.enqueued(e);
      outboxWaker.wake();
    },
    onQuarantined: (k) => stats.quarantined(k),
  });
  const documents = createDocumentsSection({
    store,
    unit,
    ports,
    settings,
    dataDir: options.dataDir,
    clock,
    logger,
    publish,
  });
  events.on('documentProgress', (p) => {
    if (p.state === 'attached') stats.documentAttached();
  });
  const partnerFiles = createPartnerFileTransfer({
    ports: ports.documents,
    settings,
    spoolDir: join(options.dataDir, PARTNER_FILE_SPOOL),
    logger,
  });
  // Spool files left by writes that ended without removing them (dead letters, discards, crashes).
  const spoolSweeper = createSpoolSweeper({ store, dataDir: options.dataDir, logger });
  spoolSweeper.request();
  events.on('delivered', (d) => {
    if (d.operation === UPLOAD_PARTNER_FILE && d.remoteId !== null) stats.attachmentRouted();
  });
  const delivery = createOutboxDelivery({
    store,
    unit,
    health,
    ports,
    notifier: options.notifier,
    documents: documents.transfer,
    partnerFiles,
    operations: outboxOperations,
    policy: settings.outbox,
    now,
    random: options.random,
    logger,
    publish,
    onDelivered: (e, recovered) => stats.delivered(e, recovered),
    onDeadLettered: (e) => {
      stats.deadLettered(e);
      spoolSweeper.request(e.operation);
    },
  });
  const referenceData = createReferenceDataSection({
    store,
    ports,
    unit,
    health,
    now,
    settings,
    logger,
    publish,
    onReconciled: (r) => stats.referenceRecordsRepaired(r.repaired.total),
  });
  const sla = createSlaEngine({ store, unit, settings: settings.sla, logger });

  const publishOutboxCounts = () => {
    const c = store.outbox.counts();
    publish('outboxChanged', { pending: c.pending, dead: c.dead });
  };

  return {
    settings,
    clock,
    now,
    logger,
    events,
    stats,
    store,
    ports,
    health,
    /** Wakes the outbox loop: something new to deliver, or a reason to try again now. */
    outboxWaker,
    /** Wakes the poll loop before its next interval ends. */
    pollWaker,
    unit,
    documents,
    partnerFiles,
    spoolSweeper,
    delivery,
    referenceData,
    sla,
    publishOutboxCounts,
    noteStorageProblem: createStorageProblemNote(store, health, now),
  };
}

export type EngineParts = ReturnType<typeof assembleEngineParts>;
