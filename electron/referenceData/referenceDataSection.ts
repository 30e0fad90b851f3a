// The engine's reference-data section: the periodic full reconcile (due `reconcileIntervalMs` after the
// last one started — or, before the first, after the first engine started on this data file — counted
// from the data file so a restart does not reset it) and
// `engine.referenceData.reconcileNow()`. Every reconcile is announced as an engine event, counted in
// the run stats and kept with its report.
import { pollFeed } from '../sync/feedPoller.ts';
import { referenceDataFeedFlow } from '../flows/referenceDataFeed.ts';
import { reconcileDirectory } from './reconcile.ts';
import { describeReconcile, newReconcileReport, type ReconcileReport } from './reconcileReport.ts';
import type { EngineSettings } from '../../shared/config/engineSettings.ts';
import type { EngineEvents } from '../engine/events.ts';
import type { Ports } from '../engine/ports.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { Logger } from '../logging/logger.ts';
import type { HealthTracker } from '../sync/health.ts';
import type { Store } from '../store/store.ts';

export interface ReferenceDataSectionDeps {
  store: Store;
  ports: Ports;
  unit: UnitOfWork;
  health: HealthTracker;
  now: () => number;
  settings: EngineSettings;
  logger: Logger;
  publish: <K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]) => void;
  /** Counts what a reconcile repaired into the run stats. */
  onReconciled: (report: ReconcileReport) => void;
}

/** A reconcile that failed is tried again this soon (or at the interval, when that is shorter). */
const RETRY_FAILED_MS = 60_000;
/**
 * Where the time the first engine started on this data file is kept (as ms since the epoch), in the
 * cursors table: like a feed's cursor, it is the position from which the next reconcile is counted.
 */
const RECONCILE_CLOCK = 'referenceData:reconcile-clock';

/**
 * The time the reconcile clock started on this data file, set by the first engine that runs on it.
 * Counting the first reconcile from each engine's own start instead meant that a desk restarted more
 * often than every `reconcileIntervalMs` (a laptop shut every evening) never reconciled at all.
 */
function reconcileClockStart(store: Store, now: number): number {
  const kept = Number(store.cursors.get(RECONCILE_CLOCK));
  if (Number.isFinite(kept) && kept > 0 && kept <= now) return kept;
  store.transaction(() => store.cursors.set(RECONCILE_CLOCK, String(now), now));
  return now;
}

export function createReferenceDataSection(deps: ReferenceDataSectionDeps) {
  const settings = deps.settings.referenceData;
  // Read at the first check, not while the engine is built: a storage problem then surfaces in the
  // sync loop, which reports it, rather than failing the engine's construction.
  let clockStart: number | undefined;
  let running: Promise<ReconcileReport> | null = null;

  function due(): boolean {
    const last = deps.store.referenceData.lastRun();
    clockStart ??= reconcileClockStart(deps.store, deps.now());
    if (!last) return deps.now() >= clockStart + settings.reconcileIntervalMs;
    const wait =
      last.outcome === 'failed'
        ? Math.min(settings.reconcileIntervalMs, RETRY_FAILED_MS)
        : settings.reconcileIntervalMs;
    return deps.now() >= last.startedAt + wait;
  }

  /**
   * Reads the reference-data feed to its end first: a record Trading Grid has that we simply have not
   * read yet must not look like one xConnector never had. (The partner feed is left to the poll cycle,
   * which releases held records when a partner turns up.)
   */
  async function catchUp(signal?: AbortSignal): Promise<string | null> {
    for (;;) {
      const outcome = await pollFeed(referenceDataFeedFlow, {
        store: deps.store,
        ports: deps.ports,
        unit: deps.unit,
        health: deps.health,
        now: deps.now,
        pageSize: deps.settings.poll.pageSize,
        logger: deps.logger,
        signal,
      });
      if (outcome.error) return outcome.error.message;
      if (!outcome.attempted)
        return 'xConnector is not answering (Partner Desk is waiting before trying it again).';
      if (signal?.aborted) return 'Partner Desk stopped before the reconcile started.';
      if (outcome.pages < 50) return null;
    }
  }

  async function reconcile(signal?: AbortSignal): Promise<ReconcileReport> {
    const behind = await catchUp(signal);
    const runId = deps.store.referenceData.startRun(deps.now());
    let report: ReconcileReport;
    if (behind !== null) {
      report = {
        ...newReconcileReport(runId, deps.now()),
        outcome: 'failed',
        error: `xConnector's reference data could not be read to its end, so nothing was compared: ${behind}`,
      };
    } else {
      try {
        report = await reconcileDirectory({ ...deps, settings, signal }, runId);
      } catch (error) {
        deps.logger.error({ err: error }, 'reference-data reconcile failed');
        report = {
          ...newReconcileReport(runId, deps.now()),
          outcome: 'failed',
          error: `Partner Desk could not finish the reconcile: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    deps.store.referenceData.finishRun(report);
    deps.onReconciled(report);
    deps.logger.info({ runId, repaired: report.repaired.total }, describeReconcile(report));
    deps.publish('referenceReconciled', report);
    return report;
  }

  /** One reconcile at a time: a second caller waits for (and gets) the one already running. */
  function run(signal?: AbortSignal): Promise<ReconcileReport> {
    running ??= reconcile(signal).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Runs the periodic reconcile when it is due; null when it is not. */
    async runIfDue(signal?: AbortSignal): Promise<ReconcileReport | null> {
      if (running) return null;
      return due() ? run(signal) : null;
    },
    api: {
      /** Reads xConnector's reference data to its end, then reconciles Trading Grid's directory now. */
      reconcileNow: (): Promise<ReconcileReport> => run(),
      /** The report of the most recent reconcile (null before the first). */
      lastReconcile: (): ReconcileReport | null => deps.store.referenceData.lastRun()?.report ?? null,
      counts: () => deps.store.referenceData.counts(),
    },
  };
}
export type ReferenceDataSection = ReturnType<typeof createReferenceDataSection>;
