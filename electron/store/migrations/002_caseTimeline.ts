// Migration 2: the case timeline — what happened on a case, from either side, in order: comments,
// status changes, escalations, conflicts, documents, and the engine's own sync steps.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE case_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL,
      -- Stable key of the event (e.g. 'issue-created', 'comment:tg:C-1'): the same event is recorded once.
      event_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      origin TEXT NOT NULL,
      at INTEGER NOT NULL,
      summary TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}',
      UNIQUE (case_id, event_key)
    );
    CREATE INDEX case_events_by_case ON case_events (case_id, at, id);
  `);
}
