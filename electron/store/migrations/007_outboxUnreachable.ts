// Migration 7: attempts an outbox entry made while its system could not be reached (connection
// refused or reset, timeout). They are not the entry's fault, so they do not count toward moving it
// to the dead-letter list: after an outage of any length the backlog drains instead of dying.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`ALTER TABLE outbox ADD COLUMN unreachable_attempts INTEGER NOT NULL DEFAULT 0;`);
}
