// Migration 1: cursors, the partner directory, cases, transactions, the outbox and the quarantine.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
        CREATE TABLE cursors (
          feed TEXT PRIMARY KEY,
          cursor TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE partners (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          partner_code TEXT NOT NULL,
          active INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX partners_by_code ON partners (partner_code);
        CREATE TABLE communities (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          partner_code TEXT NOT NULL
        );
        CREATE INDEX communities_by_code ON communities (partner_code);

        -- One row per case the desk follows. Flow 1 creates one per xConnector exception.
        CREATE TABLE cases (
          id TEXT PRIMARY KEY,
          origin TEXT NOT NULL,
          partner_id TEXT NOT NULL,
          community_id TEXT,
          exception_id TEXT UNIQUE,
          tg_issue_id TEXT UNIQUE,
          title TEXT NOT NULL,
          type TEXT NOT NULL,
          status TEXT NOT NULL,
          priority TEXT NOT NULL,
          sla_state TEXT NOT NULL DEFAULT 'ok',
          sla_due_at INTEGER,
          payload TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX cases_by_sla ON cases (sla_due_at);
        CREATE INDEX cases_by_partner ON cases (partner_id, sla_due_at);
        CREATE INDEX cases_by_status ON cases (status, sla_due_at);
        CREATE INDEX cases_by_sla_state ON cases (sla_state, sla_due_at);
        CREATE INDEX cases_by_type ON cases (type, sla_due_at);
        CREATE VIRTUAL TABLE cases_search USING fts5 (case_id UNINDEXED, text, tokenize = 'unicode61');

        CREATE TABLE transactions (
          id TEXT PRIMARY KEY,
          partner_id TEXT NOT NULL,
          standard TEXT NOT NULL,
          document_type TEXT NOT NULL,
          direction TEXT NOT NULL,
          control_number TEXT NOT NULL,
          status TEXT NOT NULL,
          raw_status TEXT NOT NULL,
          errors TEXT NOT NULL DEFAULT '[]',
          error_summary TEXT,
          payload TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX transactions_failed ON transactions (status, updated_at) WHERE status IN ('failed', 'rejected');

        -- Every remote write. The unique idempotency key makes enqueueing the same effect twice a no-op;
        -- delivered rows stay (state 'done') so that holds forever.
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          idempotency_key TEXT NOT NULL UNIQUE,
          correlation_ref TEXT NOT NULL,
          system TEXT NOT NULL,
          operation TEXT NOT NULL,
          ordering_key TEXT NOT NULL,
          payload TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending',
          attempts INTEGER NOT NULL DEFAULT 0,
          -- Attempts made before a person retried a dead letter: they may have been applied, so the
          -- retried entry still looks its object up before creating it again.
          prior_attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          last_error TEXT,
          remote_id TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
        CREATE INDEX outbox_order ON outbox (ordering_key, id) WHERE state IN ('pending', 'dead');
        CREATE INDEX outbox_dead ON outbox (updated_at) WHERE state = 'dead';

        -- Items that could not be synced, kept with the reason and the raw payload: never dropped.
        CREATE TABLE quarantine (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          feed TEXT NOT NULL,
          item_id TEXT,
          reason_kind TEXT NOT NULL,
          reason TEXT NOT NULL,
          payload TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          released_at INTEGER
        );
        CREATE INDEX quarantine_open ON quarantine (reason_kind, created_at) WHERE released_at IS NULL;
        CREATE UNIQUE INDEX quarantine_once ON quarantine (feed, item_id, reason_kind) WHERE item_id IS NOT NULL AND released_at IS NULL;
  `);
}
