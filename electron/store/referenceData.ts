// Reference data (flow 6): what xConnector last said about each record, what we last pushed to
// Trading Grid and what it acknowledged, plus the history of full reconciles.
import type { Db } from './database.ts';
import type { ReferenceKind, ReferenceRecord } from '../../shared/domain/reference.ts';
import type { ReconcileReport } from '../referenceData/reconcileReport.ts';

/** `pushed` / `confirmed` value of a record whose last write was a delete. */
export const PUSHED_DELETE = 'deleted';

export interface StoredReference {
  kind: ReferenceKind;
  key: string;
  partnerId: string;
  deleted: boolean;
  data: unknown;
  sourceUpdatedMs: number;
  partnerCode: string | null;
  contentHash: string | null;
  held: boolean;
  pushed: string | null;
  pushSeq: number;
  confirmed: string | null;
  confirmedAt: number | null;
  reconcileRun: number;
}

interface Row extends Omit<StoredReference, 'deleted' | 'held' | 'data'> {
  deleted: number;
  held: number;
  data: string | null;
}

export interface ReconcileRun {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'running' | 'done' | 'failed';
  report: ReconcileReport | null;
}

export interface ReferenceCounts {
  live: number;
  deleted: number;
  held: number;
  /** Live records whose current version Trading Grid has acknowledged. */
  inSync: number;
  byKind: Record<string, number>;
}

const columns = `kind, key, partner_id AS partnerId, deleted, data, source_updated_ms AS sourceUpdatedMs,
  partner_code AS partnerCode, content_hash AS contentHash, held, pushed, push_seq AS pushSeq,
  confirmed, confirmed_at AS confirmedAt, reconcile_run AS reconcileRun`;

function toStored(row: Row): StoredReference {
  return {
    ...row,
    deleted: row.deleted === 1,
    held: row.held === 1,
    data: row.data === null ? null : (JSON.parse(row.data) as unknown),
  };
}

export function createReferenceDataStore(db: Db) {
  // The feed is in change order, but a released quarantine item is an older version: it never wins.
  const upsertSource = db.prepare(
    `INSERT INTO reference_records (kind, key, partner_id, deleted, data, source_updated_ms, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET partner_id = excluded.partner_id, deleted = excluded.deleted,
       data = COALESCE(excluded.data, reference_records.data), source_updated_ms = excluded.source_updated_ms,
       updated_at = excluded.updated_at
     WHERE excluded.source_updated_ms >= reference_records.source_updated_ms`,
  );
  const get = db.prepare(`SELECT ${columns} FROM reference_records WHERE kind = ? AND key = ?`);
  const setCurrent = db.prepare(
    `UPDATE reference_records SET held = ?, partner_code = ?, content_hash = ?, updated_at = ? WHERE kind = ? AND key = ?`,
  );
  const markPushed = db.prepare(
    `UPDATE reference_records SET pushed = ?, push_seq = push_seq + 1, updated_at = ? WHERE kind = ? AND key = ?
     RETURNING push_seq AS pushSeq`,
  );
  const markConfirmed = db.prepare(
    `UPDATE reference_records SET confirmed = ?, confirmed_at = ? WHERE kind = ? AND key = ?`,
  );
  const markSeen = db.prepare(`UPDATE reference_records SET reconcile_run = ? WHERE kind = ? AND key = ?`);
  // Live records we have pushed that the given reconcile did not find in Trading Grid, in key order.
  const unseen = db.prepare(
    `SELECT ${columns} FROM reference_records
     WHERE deleted = 0 AND held = 0 AND pushed IS NOT NULL AND pushed <> '${PUSHED_DELETE}' AND reconcile_run <> ?
       AND (kind > ? OR (kind = ? AND key > ?))
     ORDER BY kind, key LIMIT ?`,
  );
  const inFlight = db.prepare(
    `SELECT 1 AS yes FROM outbox WHERE ordering_key = ? AND state IN ('pending', 'dead') LIMIT 1`,
  );
  const startRun = db.prepare(
    `INSERT INTO reference_reconcile_runs (started_at) VALUES (?) RETURNING id AS id`,
  );
  const finishRun = db.prepare(
    `UPDATE reference_reconcile_runs SET finished_at = ?, outcome = ?, report = ? WHERE id = ?`,
  );
  const lastRun = db.prepare(
    `SELECT id, started_at AS startedAt, finished_at AS finishedAt, outcome, report
     FROM reference_reconcile_runs ORDER BY id DESC LIMIT 1`,
  );
  const counts = db.prepare(
    `SELECT kind, deleted, held, (content_hash IS NOT NULL AND confirmed = content_hash) AS synced, COUNT(*) AS n
     FROM reference_records GROUP BY kind, deleted, held, synced`,
  );

  return {
    /** Stores the record as xConnector sent it, unless we already hold a newer version. */
    recordSource(r: ReferenceRecord, now: number): void {
      upsertSource.run(
        r.kind,
        r.key,
        r.partnerId,
        r.deleted ? 1 : 0,
        r.data === undefined ? null : JSON.stringify(r.data),
        Date.parse(r.updatedAt),
        now,
      );
    },
    get(kind: ReferenceKind, key: string): StoredReference | undefined {
      const row = get.get(kind, key) as Row | undefined;
      return row && toStored(row);
    },
    /** Whether the record is held back, and the partner code and content hash of its current version. */
    setCurrent(
      kind: ReferenceKind,
      key: string,
      current: { held: boolean; partnerCode: string | null; contentHash: string | null },
      now: number,
    ): void {
      setCurrent.run(current.held ? 1 : 0, current.partnerCode, current.contentHash, now, kind, key);
    },
    /** Records what was enqueued for Trading Grid; returns the record's new write number. */
    markPushed(kind: ReferenceKind, key: string, pushed: string, now: number): number {
      const row = markPushed.get(pushed, now, kind, key) as { pushSeq: number } | undefined;
      return row?.pushSeq ?? 0;
    },
    markConfirmed(kind: ReferenceKind, key: string, confirmed: string, now: number): void {
      markConfirmed.run(confirmed, now, kind, key);
    },
    markSeen(kind: ReferenceKind, key: string, runId: number): void {
      markSeen.run(runId, kind, key);
    },
    unseenLive(runId: number, after: { kind: string; key: string } | null, limit: number): StoredReference[] {
      const k = after?.kind ?? '';
      const key = after?.key ?? '';
      return (unseen.all(runId, k, k, key, limit) as unknown as Row[]).map(toStored);
    },
    /** True while a write for this ordering key waits in the outbox (pending, or dead and holding the key). */
    inFlight(orderingKey: string): boolean {
      return inFlight.get(orderingKey) !== undefined;
    },
    startRun(now: number): number {
      return (startRun.get(now) as { id: number }).id;
    },
    finishRun(report: ReconcileReport): void {
      finishRun.run(report.finishedAt, report.outcome, JSON.stringify(report), report.runId);
    },
    lastRun(): ReconcileRun | undefined {
      const row = lastRun.get() as (Omit<ReconcileRun, 'report'> & { report: string | null }) | undefined;
      if (!row) return undefined;
      return { ...row, report: row.report === null ? null : (JSON.parse(row.report) as ReconcileReport) };
    },
    counts(): ReferenceCounts {
      const out: ReferenceCounts = { live: 0, deleted: 0, held: 0, inSync: 0, byKind: {} };
      for (const r of counts.all() as {
        kind: string;
        deleted: number;
        held: number;
        synced: number;
        n: number;
      }[]) {
        if (r.deleted) {
          out.deleted += r.n;
          continue;
        }
        out.live += r.n;
        out.byKind[r.kind] = (out.byKind[r.kind] ?? 0) + r.n;
        if (r.held) out.held += r.n;
        if (r.synced) out.inSync += r.n;
      }
      return out;
    },
  };
}
export type ReferenceDataStore = ReturnType<typeof createReferenceDataStore>;
