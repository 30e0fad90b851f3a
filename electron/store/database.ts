// Opens the SQLite file the engine keeps its state in, and runs work in transactions.
// node:sqlite is built into the Node that Electron's main process ships, so there is no native module.
// A file that is damaged or cannot be written, and a full disk, surface as StorageErrors that say what
// to do (./storageProblem.ts); the file itself is never deleted or reset.
import { DatabaseSync } from 'node:sqlite';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';
import { classifyOpenError, damaged, diskFull, isDiskFull, StorageError } from './storageProblem.ts';
import { markCleanShutdown, takeStartCheck, type StartCheck } from './cleanShutdown.ts';

export type Db = DatabaseSync;

export interface Database {
  readonly db: Db;
  /** Whether this open read the whole file to check it, and why (./cleanShutdown.ts). */
  readonly startCheck: StartCheck;
  /**
   * Runs `work` in one IMMEDIATE transaction: all of it lands or none of it does. Nested calls join the
   * outer transaction. `durable` makes this commit reach the disk before it returns (see below).
   * A full disk rolls all of it back and throws a StorageError of kind `disk_full`.
   */
  transaction<T>(work: () => T, options?: { durable?: boolean }): T;
  /**
   * Inside a transaction: runs `work` under a savepoint, undoing only its writes if it throws. A full
   * disk or a damaged file is not the item's fault: it is thrown on, so the whole transaction rolls back.
   */
  isolated<T>(work: () => T): { ok: true; value: T } | { ok: false; error: unknown };
  /**
   * What an error met while running says about the file, as a StorageError that says what to do (a
   * damaged page read for the first time, a full disk), or null when it says nothing about the file.
   * Damage seen this way keeps close() from marking the file clean, so the next start checks it.
   */
  storageProblem(error: unknown): StorageError | null;
  /** Closes the file and records that it was closed cleanly, so the next open need not check it. */
  close(): void;
}

export interface OpenDatabaseOptions {
  /** Caps the file at this many pages (SQLite's max_page_count): a quota, and how tests fill the disk. */
  maxPageCount?: number;
  /** `always` checks the whole file at open even after a clean close: for an explicit check. */
  integrityCheck?: 'always' | 'when-needed';
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  try {
    return open(path, options);
  } catch (error) {
    throw classifyOpenError(path, error);
  }
}

function open(path: string, options: OpenDatabaseOptions): Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    // SQLite would open a file it may not write read-only and fail at the first write, far from here;
    // the WAL and its index live beside the file, so the folder must be writable too.
    accessSync(dirname(path), constants.R_OK | constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  }
  const startCheck = takeStartCheck(path, options.integrityCheck === 'always');
  const db = new DatabaseSync(path);
  try {
    // WAL lets readers (the inbox) run while the engine writes. synchronous=NORMAL keeps every commit
    // safe from a crash or kill of the process (the WAL is in the OS's hands); only a power loss can
    // roll back the newest commits, all-or-nothing. The one thing that must survive even that is the
    // record that a create is about to be sent, because the retry's lookup depends on it: those commits
    // ask for `durable`, which syncs the WAL — and with it every commit before them — to the disk.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    if (options.maxPageCount !== undefined)
      db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(options.maxPageCount))}`);
    // After a run that did not close the file cleanly (or on a file never closed here): a damaged file
    // is reported before the engine builds on it, not mid-sync.
    if (startCheck.run) {
      const check = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
      const verdict = check.map((r) => r.quick_check).filter((t) => t !== 'ok');
      if (verdict.length > 0) throw damaged(path, verdict.slice(0, 3).join('; '));
    }
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  let depth = 0;
  let damageSeen = false;
  return {
    db,
    startCheck,
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
        // After some errors (a full disk) SQLite has already rolled back: undo only what is still open.
        if (db.isTransaction) db.exec('ROLLBACK');
        throw isDiskFull(error) ? diskFull(path, error) : error;
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
        // A full disk, a damaged page or a failing disk is not the item's fault: the whole transaction goes.
        if (classifyOpenError(path, error) instanceof StorageError || !db.isTransaction) {
          if (depth === 0 && db.isTransaction) db.exec('ROLLBACK');
          throw error;
        }
        db.exec('ROLLBACK TO item');
        db.exec('RELEASE item');
        return { ok: false as const, error };
      }
    },
    storageProblem(error: unknown): StorageError | null {
      const problem = classifyOpenError(path, error);
      if (!(problem instanceof StorageError)) return null;
      if (problem.kind === 'damaged') damageSeen = true;
      return problem;
    },
    close() {
      if (!db.isOpen) return;
      db.close();
      if (!damageSeen) markCleanShutdown(path);
    },
  };
}
