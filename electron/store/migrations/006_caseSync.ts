// Migration 6: case sync (flows 4, 5, 7). Which internal cases belong to which desk case, the
// changes one side made that the other has not taken yet, and every comment, status update and step
// Partner Desk wrote on either side, so it recognises its own writes when they come back.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    -- An xConnector internal case belongs to one desk case (its own, or its exception's).
    CREATE TABLE case_links (
      xc_case_id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      -- 1 when xConnector already named the Trading Grid issue the first time we saw the case (an
      -- earlier installation synced it): its copies are then looked up before they are written.
      adopted INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX case_links_by_case ON case_links (case_id, created_at);

    -- Per desk case and synced field: a change the non-owning side made that is not reconciled yet
    -- (JSON). It becomes a recorded conflict when the owner changes the same field.
    CREATE TABLE case_sync_state (
      case_id TEXT PRIMARY KEY,
      fields TEXT NOT NULL DEFAULT '{}',
      updated_at INTEGER NOT NULL
    );

    -- What Partner Desk wrote on either side: the correlation reference stored on the remote object,
    -- what it copies, and the remote id once the write was delivered.
    CREATE TABLE case_copies (
      correlation_ref TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL,
      target_system TEXT NOT NULL,
      target_id TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX case_copies_by_target ON case_copies (target_system, target_id) WHERE target_id IS NOT NULL;
  `);
}
