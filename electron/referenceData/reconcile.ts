// The full reconcile of Trading Grid's reference-data directory against what xConnector says (our
// stored last-known state). It reads the directory page by page and looks each record up by its key,
// so it holds one page in memory, never either side whole. Drift is repaired through the outbox:
// - a record edited in Trading Grid, or one xConnector no longer has, is put back or deleted as it
//   reads the page;
// - a record deleted in Trading Grid is found afterwards, as one of ours the pages did not contain
//   (each record the pages did contain was marked with this run's number).
// Records with a write still on its way are left to the outbox, which is about to settle them.
import { DirectoryRecord, ReferenceKey, ReferenceKind } from '../../shared/domain/reference.ts';
import type { ReferenceDataSettings } from '../../shared/config/referenceDataSettings.ts';
import { enqueueDelete, enqueueUpsert, referenceOrderingKey } from '../flows/referenceDataWrites.ts';
import { hashOfDirectoryRecord } from './contentHash.ts';
import { newReconcileReport, tallyDrift, type DriftReason, type ReconcileReport } from './reconcileReport.ts';
import type { FlowContext, UnitOfWork } from '../flows/flowContext.ts';
import type { Ports } from '../engine/ports.ts';
import type { HealthTracker } from '../sync/health.ts';
import type { Store } from '../store/store.ts';
import type { StoredReference } from '../store/referenceData.ts';

export interface ReconcileDeps {
  store: Store;
  ports: Ports;
  unit: UnitOfWork;
  health: HealthTracker;
  now: () => number;
  settings: ReferenceDataSettings;
  signal?: AbortSignal;
}

/** Rows of ours looked at per transaction when looking for records Trading Grid lost. */
const SWEEP_BATCH = 500;
/** More pages than any real directory has (100 million records at the largest page size). */
const MAX_PAGES = 100_000;

export async function reconcileDirectory(deps: ReconcileDeps, runId: number): Promise<ReconcileReport> {
  const report = newReconcileReport(runId, deps.now());
  const fail = (error: string): ReconcileReport => {
    report.outcome = 'failed';
    report.error = error;
    report.finishedAt = deps.now();
    return report;
  };

  let since: string | undefined;
  for (;;) {
    if (deps.signal?.aborted) return fail('Partner Desk stopped before the reconcile finished.');
    if (!deps.health.available('trading-grid', deps.now()))
      return fail('Trading Grid is not answering (Partner Desk is waiting before trying it again).');
    const fetchedAt = deps.now();
    const page = await deps.ports.tradingGrid.directory.list(since, deps.settings.reconcilePageSize);
    if (!page.ok) {
      deps.health.failure('trading-grid', page.error, deps.now());
      return fail(page.error.message);
    }
    deps.health.success('trading-grid', deps.now());
    deps.unit.run((ctx) => {
      for (const raw of page.value.items) compareOne(raw, ctx, runId, fetchedAt, deps.settings, report);
    });
    report.pagesRead++;
    if (!page.value.hasMore || page.value.items.length === 0) break;
    // A listing that never ends, or does not move on, must not keep the reconcile (and the poll loop) busy.
    if (page.value.nextCursor === since || report.pagesRead >= MAX_PAGES)
      return fail(
        `Trading Grid's directory listing did not come to an end after ${report.pagesRead} pages; the reconcile stopped there.`,
      );
    since = page.value.nextCursor;
  }

  // Ours, pushed and acknowledged, yet absent from every page: deleted on the Trading Grid side.
  let after: { kind: string; key: string } | null = null;
  for (;;) {
    const batch = deps.store.referenceData.unseenLive(runId, after, SWEEP_BATCH);
    if (batch.length === 0) break;
    deps.unit.run((ctx) => {
      for (const row of batch) {
        if (settling(ctx, row.kind, row.key, row, report.startedAt)) {
          report.skippedInFlight++;
          continue;
        }
        repair(ctx, row, 'deletedInTradingGrid', deps.settings, report);
      }
    });
    const last = batch[batch.length - 1]!;
    after = { kind: last.kind, key: last.key };
    if (batch.length < SWEEP_BATCH) break;
  }
  report.finishedAt = deps.now();
  return report;
}

function compareOne(
  raw: unknown,
  ctx: FlowContext,
  runId: number,
  fetchedAt: number,
  settings: ReferenceDataSettings,
  report: ReconcileReport,
): void {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const kind = ReferenceKind.safeParse(o.kind);
  const key = ReferenceKey.safeParse(o.key);
  if (!kind.success || !key.success) {
    report.unreadable++;
    return;
  }
  report.recordsCompared++;
  const row = ctx.store.referenceData.get(kind.data, key.data);
  if (row) ctx.store.referenceData.markSeen(row.kind, row.key, runId);
  if (settling(ctx, kind.data, key.data, row, fetchedAt)) {
    report.skippedInFlight++;
    return;
  }
  if (!row || row.deleted) {
    const reason: DriftReason = row ? 'deletedInXConnector' : 'unknownToXConnector';
    if (settings.strayRecords === 'report') {
      tallyDrift(report.reportedOnly, { kind: kind.data, key: key.data, reason }, settings.reportedKeysLimit);
      return;
    }
    enqueueDelete(ctx, kind.data, key.data, reason, row ? undefined : runId);
    tallyDrift(report.repaired, { kind: kind.data, key: key.data, reason }, settings.reportedKeysLimit);
    return;
  }
  if (row.held || row.contentHash === null) {
    report.skippedHeld++;
    return;
  }
  // A record whose content no longer fits its kind is drift like any other edit: put ours back.
  const parsed = DirectoryRecord.safeParse(raw);
  const theirs = parsed.success ? hashOfDirectoryRecord(parsed.data) : null;
  if (theirs === row.contentHash) {
    report.inSync++;
    return;
  }
  repair(ctx, row, 'editedInTradingGrid', settings, report);
}

/** Puts xConnector's current version of a live record back into Trading Grid. */
function repair(
  ctx: FlowContext,
  row: StoredReference,
  reason: DriftReason,
  settings: ReferenceDataSettings,
  report: ReconcileReport,
): void {
  if (row.partnerCode === null || row.contentHash === null) return;
  enqueueUpsert(
    ctx,
    {
      kind: row.kind,
      key: row.key,
      partnerCode: row.partnerCode,
      data: row.data,
      contentHash: row.contentHash,
    },
    reason,
  );
  tallyDrift(report.repaired, { kind: row.kind, key: row.key, reason }, settings.reportedKeysLimit);
}

/**
 * True when a write of the record waits in the outbox, or landed after `since` (what Trading Grid
 * showed us may predate it): the record is settling, and comparing it now would repair a non-drift.
 */
function settling(
  ctx: FlowContext,
  kind: ReferenceKind,
  key: string,
  row: StoredReference | undefined,
  since: number,
): boolean {
  if (row !== undefined && row.confirmedAt !== null && row.confirmedAt >= since) return true;
  return ctx.store.referenceData.inFlight(referenceOrderingKey(kind, key));
}
