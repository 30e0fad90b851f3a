// Migration 5: reference data (flow 6). One row per record xConnector has told us about (deletes
// included), with what we last pushed to Trading Grid and what Trading Grid acknowledged, so only
// changes are pushed; and one row per full reconcile of Trading Grid's directory, with its report.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE reference_records (
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      deleted INTEGER NOT NULL,
      -- The record's data as xConnector last sent it (JSON); kept after a delete for the desk to show.
      data TEXT,
      -- xConnector's updatedAt in ms: an older version (a released quarantine item) never wins.
      source_updated_ms INTEGER NOT NULL,
      -- Partner code and content hash of the current version (NULL while held back or deleted).
      partner_code TEXT,
      content_hash TEXT,
      -- 1 while the record is held back because xConnector names no such partner.
      held INTEGER NOT NULL DEFAULT 0,
      -- What we last enqueued for Trading Grid: a content hash, 'deleted', or NULL for nothing yet.
      pushed TEXT,
      -- Counts the writes enqueued for the record: part of each write's idempotency key, so a record
      -- that changes back to an earlier version is still pushed.
      push_seq INTEGER NOT NULL DEFAULT 0,
      -- What Trading Grid last acknowledged, and when.
      confirmed TEXT,
      confirmed_at INTEGER,
      -- The last reconcile that found the record in Trading Grid's directory.
      reconcile_run INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (kind, key)
    ) WITHOUT ROWID;
    CREATE INDEX reference_records_by_partner ON reference_records (partner_id);

    CREATE TABLE reference_reconcile_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      outcome TEXT NOT NULL DEFAULT 'running',
      report TEXT
    );
  `);
}
