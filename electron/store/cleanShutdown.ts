// Whether opening the database must read the whole file first (PRAGMA quick_check). That read is real
// I/O at 100k cases, and the engine restarts on every saved settings change, so it runs only when the
// file may have been left broken: the last run did not close it cleanly (killed, crashed, power lost),
// or it is a file this install never closed (new, copied in, restored from a backup) — or when asked.
//
// Why a sidecar file `<db>.clean` and not a row in the database: the mark must be readable before the
// file is trusted, must not travel with a copy of the file, and must cost no write inside the database
// (no schema change, no commit or disk sync at every open). The mark records the file it vouches for
// (inode, size, modification time): a different or changed file is checked. It is taken away before
// the database is opened, so a run that never reaches close() leaves none; a write-ahead log left
// beside the file also means the last run did not finish, even if the removal of the mark was lost.
// Damage that happens while the file is cleanly closed (a failing disk) is not seen here: it is caught
// when SQLite first reads the damaged page, as the same StorageError (see Database.storageProblem).
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export type StartCheckReason =
  | 'asked'
  | 'no clean close recorded'
  | 'changed since its clean close'
  | 'a write-ahead log was left beside it'
  | 'closed cleanly';

/** What opening the database decided about checking the whole file, and why. */
export interface StartCheck {
  readonly run: boolean;
  readonly why: StartCheckReason;
}

const CleanMark = z.object({
  v: z.literal(1),
  ino: z.string(),
  size: z.string(),
  mtimeMs: z.string(),
});
type CleanMark = z.infer<typeof CleanMark>;

export const cleanMarkPath = (dbPath: string) => `${dbPath}.clean`;

const IN_MEMORY = ':memory:';

/** The file as it stands; times in whole milliseconds, the precision every file system keeps. */
function identityOf(dbPath: string): CleanMark | null {
  try {
    const s = statSync(dbPath, { bigint: true });
    return { v: 1, ino: String(s.ino), size: String(s.size), mtimeMs: String(s.mtimeMs) };
  } catch {
    return null;
  }
}

function readMark(markPath: string): CleanMark | null {
  let text: string;
  try {
    text = readFileSync(markPath, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = CleanMark.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // A mark that cannot be read vouches for nothing: the file is checked.
    return null;
  }
}

function walLeftBeside(dbPath: string): boolean {
  try {
    return statSync(`${dbPath}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Decides whether this open checks the whole file, and takes the clean-shutdown mark away, so that a
 * run which ends without close() leaves none. Call before the database is opened.
 */
export function takeStartCheck(dbPath: string, always: boolean): StartCheck {
  if (dbPath === IN_MEMORY) return { run: true, why: 'no clean close recorded' };
  const markPath = cleanMarkPath(dbPath);
  const mark = readMark(markPath);
  rmSync(markPath, { force: true });
  if (mark) syncFolder(dbPath);
  if (always) return { run: true, why: 'asked' };
  if (!mark) return { run: true, why: 'no clean close recorded' };
  if (walLeftBeside(dbPath)) return { run: true, why: 'a write-ahead log was left beside it' };
  const now = identityOf(dbPath);
  const same = now && now.ino === mark.ino && now.size === mark.size && now.mtimeMs === mark.mtimeMs;
  return same ? { run: false, why: 'closed cleanly' } : { run: true, why: 'changed since its clean close' };
}

/**
 * Records that the database at `dbPath` was closed cleanly, after its connection closed. Written to a
 * temporary name and renamed, so a half-written mark is never read. Not synced to the disk: SQLite has
 * synced the file at its last checkpoint, and a mark lost to a power cut only costs one check.
 */
export function markCleanShutdown(dbPath: string): void {
  if (dbPath === IN_MEMORY) return;
  const identity = identityOf(dbPath);
  if (!identity) return;
  const markPath = cleanMarkPath(dbPath);
  try {
    writeFileSync(`${markPath}.tmp`, JSON.stringify(identity));
    renameSync(`${markPath}.tmp`, markPath);
  } catch {
    // Without a mark the next start checks the file: slower, never wrong. Nothing here is worth
    // failing a shutdown for (the disk may be full or read-only by now).
    rmSync(`${markPath}.tmp`, { force: true });
  }
}

/**
 * Makes the mark's removal durable before the database is written, so a power cut cannot bring back a
 * mark for a file that changed. Folders cannot be opened for syncing on Windows, where NTFS journals the
 * removal itself; a write-ahead log beside the file is the second line of defence there.
 */
function syncFolder(dbPath: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dirname(dbPath), 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse a folder sync; the write-ahead-log test still stands.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
