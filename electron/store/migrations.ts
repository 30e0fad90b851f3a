// Numbered, append-only schema migrations, one file each under migrations/. Never edit a released
// step: add the next one.
import type { DatabaseSync } from 'node:sqlite';
import * as m001 from './migrations/001_core.ts';
import * as m002 from './migrations/002_caseTimeline.ts';
import * as m003 from './migrations/003_documents.ts';
import * as m004 from './migrations/004_sla.ts';
import * as m005 from './migrations/005_referenceData.ts';
import * as m006 from './migrations/006_caseSync.ts';
import * as m007 from './migrations/007_outboxUnreachable.ts';
import * as m008 from './migrations/008_openCountsIndex.ts';
import * as m009 from './migrations/009_searchByRowid.ts';

const migrations: { version: number; up: (db: DatabaseSync) => void }[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
  { version: 4, up: m004.up },
  { version: 5, up: m005.up },
  { version: 6, up: m006.up },
  { version: 7, up: m007.up },
  { version: 8, up: m008.up },
  { version: 9, up: m009.up },
];

export const LATEST_SCHEMA_VERSION = migrations.length;

export function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const current = row.user_version;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `The data file was written by a newer Partner Desk (schema ${current}, this one knows ${LATEST_SCHEMA_VERSION}). Update Partner Desk or open another data folder.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      m.up(db);
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (error) {
      // A full disk makes SQLite roll the transaction back itself; a second ROLLBACK would throw and
      // hide the error that says what is wrong.
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}
