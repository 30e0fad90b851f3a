// The sync engine: one object built from injected adapters (clock, store path, credential source,
// settings, notifier), so the Electron shell, the tests, the benchmarks and the headless demo build it
// alike. It never imports electron.
import { join } from 'node:path';
import { EngineSettings, type EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import { openStore, type Store } from '../store/store.ts';
import { createUnitOfWork } from '../flows/flowContext.ts';
import { createHealthTracker, SYSTEM_BACKOFF, type SystemHealth, type SystemName } from '../sync/health.ts';
import { pollFeed } from '../sync/feedPoller.ts';
import { createOutboxDelivery } from '../sync/outboxDelivery.ts';
import { createSecretScrubber, type SecretScrubber } from '../logging/secretScrubber.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { TypedEmitter } from './typedEmitter.ts';
import { systemClock, type Clock } from './clock.ts';
import { createWaker } from './waker.ts';
import { createRunStats, type RunStats } from './runStats.ts';
import { feedFlows, outboxOperations } from './flowRegistry.ts';
import { releaseQuarantined } from './quarantineRelease.ts';
import { createHttpPorts } from './httpPorts.ts';
import { createDocumentsSection } from '../documents/documentsSection.ts';
import {
  createPartnerFileTransfer,
  PARTNER_FILE_SPOOL,
  UPLOAD_PARTNER_FILE,
} from '../documents/partnerFileTransfer.ts';
import { createSpoolSweeper } from '../documents/spoolSweep.ts';
import { createSlaEngine } from '../sla/slaEngine.ts';
import { createReferenceDataSection } from '../referenceData/referenceDataSection.ts';
import { replyToPartner } from '../flows/caseSyncReply.ts';
import type { EngineEvents } from './events.ts';
import type { Notifier } from './notifier.ts';
import type { Ports } from './ports.ts';
import type { CredentialSource } from '../connectors/credentialSource.ts';
import type { CaseQuery } from '../store/cases.ts';

export const STORE_FILE = 'partner-desk.sqlite';

export interface EngineOptions {
  /** Folder holding the engine's SQLite file. */
  dataDir: string;
  settings: EngineSettingsInput;
  credentials: CredentialSource;
  notifier: Notifier;
  clock?: Clock;
  logger?: Logger;
  scrubber?: SecretScrubber;
  random?: () => number;
  /** Replaces the HTTP connectors (tests that wrap or observe them). */
  ports?: Ports;
  /** Caps the database at this many pages: a quota, and how the disk-full tests fill the disk. */
  maxDatabasePages?: number;
}

export interface CycleReport {
  itemsRead: number;
  errors: { feed: string; message: string }[];
  /** Feeds not read because their system is backing off after a failure: not read to their end. */
  deferred: number;
}

export class EngineSettingsError extends Error {}

export function parseEngineSettings(input: EngineSettingsInput): EngineSettings {
  const parsed = EngineSettings.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new EngineSettingsError(`The engine settings are not valid: ${problems}`);
  }
  return parsed.data;
}

export function createEngine(options: EngineOptions) {
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
  const flows = [...feedFlows].sort((a, b) => a.order - b.order);
  const lastPollAt = new Map<SystemName, number>();
  const interval: Record<SystemName, number> = {
    xconnector: settings.poll.xconnectorIntervalMs,
    'trading-grid': settings.poll.tradingGridIntervalMs,
  };

  let paused = false;
  // Unmapped statuses are tried again once per engine: the mappings are fixed for its lifetime.
  let mappingsReleased = false;
  let running: { stop: AbortController; loops: Promise<void>[] } | null = null;

  /**
   * A full disk, or a damaged page read for the first time, stops the sync with a health state that
   * says what to do; it resumes once saving works.
   */
  const noteStorageProblem = (error: unknown) => {
    const problem = store.storageProblem(error);
    if (problem) health.storageProblem(problem.message, now());
    return problem;
  };

  const publishOutboxCounts = () => {
    const c = store.outbox.counts();
    publish('outboxChanged', { pending: c.pending, dead: c.dead });
  };

  /** Reads every feed of the given systems to its end, directory feeds first. */
  async function pollSystems(systems: SystemName[], signal?: AbortSignal): Promise<CycleReport> {
    const report: CycleReport = { itemsRead: 0, errors: [], deferred: 0 };
    // Before reading: a released step is queued ahead of the transitions that arrived after it.
    if (!mappingsReleased) {
      mappingsReleased = true;
      releaseQuarantined(store, unit, flows, 'unmapped_status', logger);
    }
    let directoryChanged = false;
    for (const flow of flows) {
      if (!systems.includes(flow.system)) continue;
      for (;;) {
        const outcome = await pollFeed(flow, {
          store,
          ports,
          unit,
          health,
          now,
          pageSize: settings.poll.pageSize,
          logger,
          signal,
        });
        report.itemsRead += outcome.items;
        if (flow.order === 0 && outcome.items > 0) directoryChanged = true;
        if (outcome.error) report.errors.push({ feed: flow.feed, message: outcome.error.message });
        if (!outcome.attempted) report.deferred++;
        // pollFeed stops after a bounded number of pages; go on while it still finds a backlog.
        if (outcome.error || !outcome.attempted || outcome.pages < 50 || signal?.aborted) break;
      }
    }
    for (const s of systems) lastPollAt.set(s, now());
    stats.itemsRead(report.itemsRead);
    if (directoryChanged) releaseQuarantined(store, unit, flows, 'unknown_partner', logger);
    return report;
  }

  async function pollLoop(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      await sla.tick();
      const t = now();
      const due = (['xconnector', 'trading-grid'] as SystemName[]).filter(
        (s) => t >= (lastPollAt.get(s) ?? 0) + interval[s],
      );
      if (!paused && due.length > 0) {
        try {
          await pollSystems(due, stop);
          await referenceData.runIfDue(stop);
        } catch (error) {
          noteStorageProblem(error);
          logger.error({ err: error }, 'poll cycle failed');
        }
      }
      const next = Math.min(
        ...(['xconnector', 'trading-grid'] as SystemName[]).map(
          (s) => (lastPollAt.get(s) ?? 0) + interval[s],
        ),
      );
      await pollWaker.sleep(Math.max(50, next - now()), stop);
    }
  }

  async function outboxLoop(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      let attempted = 0;
      if (!paused) {
        try {
          attempted = await delivery.drain(stop);
          if (attempted > 0) publishOutboxCounts();
        } catch (error) {
          noteStorageProblem(error);
          logger.error({ err: error }, 'outbox delivery failed');
        }
      }
      if (attempted > 0) continue;
      let nextDue: number | null = null;
      try {
        nextDue = store.outbox.nextDueAt();
      } catch (error) {
        // A damaged page or a failing disk: said on the health view; the loop keeps its pace, not a spin.
        noteStorageProblem(error);
        logger.error({ err: error }, 'outbox schedule could not be read');
      }
      const t = now();
      // Entries due but not attempted wait on something else (their system backing off, a dead letter
      // ahead of them): sleep until a backoff ends or something wakes the loop, never in a spin.
      const resumeAt = nextDue === null || nextDue > t ? nextDue : health.nextAvailableAt(t);
      const wait = resumeAt === null ? 30_000 : Math.min(30_000, Math.max(50, resumeAt - t));
      await outboxWaker.sleep(wait, stop);
    }
  }

  return {
    events,
    on: events.on.bind(events),
    settings,
    /** Starts polling and delivering in the background. */
    start(): void {
      if (running) return;
      const stop = new AbortController();
      running = { stop, loops: [pollLoop(stop.signal), outboxLoop(stop.signal)] };
    },
    /** Stops the background loops; in-flight requests finish or are abandoned safely (the outbox resumes them). */
    async stop(): Promise<void> {
      if (!running) return;
      // A long upload would hold the loop for minutes: break it off; the outbox resumes it from its offset.
      documents.transfer.halt();
      partnerFiles.halt();
      running.stop.abort();
      await Promise.allSettled(running.loops);
      running = null;
    },
    pause(): void {
      paused = true;
    },
    resume(): void {
      paused = false;
      pollWaker.wake();
      outboxWaker.wake();
    },
    isPaused: () => paused,
    /** One full cycle now: read every feed to its end, then deliver everything due. */
    async syncNow(): Promise<CycleReport> {
      const report = await pollSystems(['xconnector', 'trading-grid']);
      await sla.tick();
      await delivery.drain();
      publishOutboxCounts();
      return report;
    },
    /**
     * Runs until the current backlog is synced: feeds read to their end and the outbox holding nothing
     * but dead letters. Used by `npm run demo -- --once` and by tests.
     */
    async runUntilIdle(opts: { timeoutMs?: number } = {}): Promise<{ idle: boolean; stats: RunStats }> {
      const deadline = now() + (opts.timeoutMs ?? 120_000);
      while (now() < deadline) {
        const report = await pollSystems(['xconnector', 'trading-grid']);
        await referenceData.runIfDue();
        await sla.tick();
        const attempted = await delivery.drain();
        const pending = store.outbox.counts().pending;
        const read = report.errors.length === 0 && report.deferred === 0;
        if (report.itemsRead === 0 && attempted === 0 && pending === 0 && read) {
          publishOutboxCounts();
          return { idle: true, stats: stats.snapshot() };
        }
        // Items read that asked for no write (echoes of our own writes): poll again at once to confirm idle.
        const settled = report.itemsRead > 0 && pending === 0 && read;
        if (attempted === 0 && !settled) {
          const nextDue = store.outbox.nextDueAt();
          const wait = nextDue === null ? 200 : Math.max(10, Math.min(nextDue - now(), 5_000));
          await clock.sleep(Math.min(wait, Math.max(0, deadline - now())));
        }
      }
      publishOutboxCounts();
      return { idle: false, stats: stats.snapshot() };
    },
    stats: () => stats.snapshot(),
    async testConnection(system: SystemName): Promise<{ ok: true } | { ok: false; message: string }> {
      const r = await (system === 'xconnector' ? ports.xconnector : ports.tradingGrid).testConnection();
      if (r.ok) {
        health.success(system, now());
        return { ok: true };
      }
      return { ok: false, message: r.error.message };
    },
    health: (): SystemHealth[] => health.all(),
    credentialsChanged(system: SystemName): void {
      (system === 'xconnector' ? ports.xconnector : ports.tradingGrid).forgetCredentials();
      health.credentialsChanged(system);
      pollWaker.wake();
      outboxWaker.wake();
    },
    outbox: {
      counts: () => store.outbox.counts(),
      deadLetters: (limit?: number, offset?: number) => store.outbox.deadLetters(limit, offset),
      retry(id: number): boolean {
        const ok = store.outbox.retryDead(id, now());
        if (ok) {
          outboxWaker.wake();
          publishOutboxCounts();
        }
        return ok;
      },
      discard(id: number): boolean {
        const ok = store.outbox.discardDead(id, now());
        if (ok) {
          spoolSweeper.request();
          // Entries of the same case held behind the dead letter may go now.
          outboxWaker.wake();
          publishOutboxCounts();
        }
        return ok;
      },
    },
    quarantine: {
      open: (opts?: Parameters<Store['quarantine']['open']>[0]) => store.quarantine.open(opts),
      count: () => store.quarantine.openCount(),
    },
    cases: {
      list: (q: CaseQuery) => store.cases.list(q),
      countMatching: (q: CaseQuery) => store.cases.countMatching(q),
      countsBy: (column: 'status' | 'sla_state' | 'type') => store.cases.countsBy(column),
      /** SLA states of open cases only: what needs attention (the resolved statuses close a case). */
      openCountsBySlaState: () => store.cases.openCountsBySlaState(settings.sla.resolvedStatuses),
      get: (id: string) => store.cases.get(id),
      timeline: (id: string) => store.timeline.list(id),
      count: () => store.cases.count(),
    },
    /** A desk reply: a comment to the partner on the case's Trading Grid issue, through the outbox (flow 7). */
    replyToPartner: (caseId: string, text: string) => replyToPartner(unit, caseId, text),
    partners: () => store.directory.partners(),
    /** Flow 8: one case's SLA clock (countdown, escalation level) and the SLA settings in force. */
    sla: sla.api,
    /** Flow 6: reference data pushed to Trading Grid's directory, and its full reconcile. */
    referenceData: referenceData.api,
    /** Flow 2: files dropped on a case, and each case's documents with their upload state. */
    documents: documents.api,
    /**
     * What an error met while serving the window says about the database (damaged, full, unwritable) as
     * a StorageError that says what to do, also shown on the health view; null when it says nothing.
     */
    storageProblem: noteStorageProblem,
    /** Resolves once the spool sweeps asked for so far have run. */
    spoolSwept: () => spoolSweeper.settled(),
    transactions: {
      failed: (limit?: number, offset?: number, partnerId?: string) =>
        store.transactions.failed(limit, offset, partnerId ?? null),
      failedCount: (partnerId?: string) => store.transactions.failedCount(partnerId ?? null),
    },
    /** Stops the loops and closes connections and the database. */
    async close(): Promise<void> {
      documents.transfer.halt();
      partnerFiles.halt();
      await this.stop();
      await Promise.allSettled([
        ports.xconnector.close(),
        ports.tradingGrid.close(),
        ports.documents.close(),
      ]);
      await spoolSweeper.close();
      store.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
