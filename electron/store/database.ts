// Opens the SQLite file the engine keeps its state in, and runs work in transactions.
// node:sqlite is built into the Node that Electron's main process ships, so there is no native module.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

export type Db = DatabaseSync;

export interface Database {
  readonly db: Db;
  /**
   * Runs `work` in one IMMEDIATE transaction: all of it lands or none of it does. Nested calls join the
   * outer transaction. `durable` makes this commit reach the disk before it returns (see below).
   */
  transaction<T>(work: () => T, options?: { durable?: boolean }): T;
  /** Inside a transaction: runs `work` under a savepoint, undoing only its writes if it throws. */
  isolated<T>(work: () => T): { ok: true; value: T } | { ok: false; error: unknown };
  close(): void;
}

export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL lets readers (the inbox) run while the engine writes. synchronous=NORMAL keeps every commit
  // safe from a crash or kill of the process (the WAL is in the OS's hands); only a power loss can roll
  // back the newest commits, all-or-nothing. The one thing that must survive even that is the record
  // that a create is about to be sent, because the retry's lookup depends on it: those commits ask for
  // `durable`, which syncs the WAL — and with it every commit before them — to the disk.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  let depth = 0;
  return {
    db,
    transaction<T>(work: () => T, options?: { durable?: boolean }): T {
      if (depth > 0) return work();
      depth++;
      // The level cannot change inside a transaction, so it is set around it.
      if (options?.durable) db.exec('PRAGMA synchronous = FULL');
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
        if (options?.durable) db.exec('PRAGMA synchronous = NORMAL');
      }
    },
    isolated<T>(work: () => T) {
      db.exec('SAVEPOINT item');
      try {
        const value = work();
        db.exec('RELEASE item');
        return { ok: true as const, value };
      } catch (error) {
        db.exec('ROLLBACK TO item');
        db.exec('RELEASE item');
        return { ok: false as const, error };
      }
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
