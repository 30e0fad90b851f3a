// What can go wrong with the engine's database file itself, as errors a person can act on: the file is
// damaged, it or its folder cannot be written, or the disk is full.
// Each says what is wrong, where, and what to do; none is ever "fixed" by deleting the user's data.

export type StorageProblemKind = 'damaged' | 'unwritable' | 'disk_full';

export class StorageError extends Error {
  readonly kind: StorageProblemKind;
  /** The database file concerned. */
  readonly path: string;
  constructor(kind: StorageProblemKind, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
    this.path = path;
  }
}

// SQLite's primary result codes (https://sqlite.org/rescode.html) that say something about the file.
const SQLITE_PERM = 3;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

function codesOf(error: unknown): { errcode?: number; code?: string; reason: string } {
  if (!(error instanceof Error)) return { reason: String(error) };
  const e = error as Error & { errcode?: unknown; code?: unknown; errstr?: unknown };
  return {
    ...(typeof e.errcode === 'number' ? { errcode: e.errcode & 0xff } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    reason: typeof e.errstr === 'string' ? e.errstr : (FS_WORDS[String(e.code)] ?? e.message),
  };
}

// The file-system refusals met while opening, in words (the raw text names the system call).
const FS_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'a file is in the way where a folder should be',
  EISDIR: 'a folder is in the way where the file should be',
  ENOSPC: 'the disk is full',
};

/** True when the error is SQLite (or the OS) saying the disk or the database's size limit is full. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof StorageError) return error.kind === 'disk_full';
  const c = codesOf(error);
  return c.errcode === SQLITE_FULL || c.code === 'ENOSPC' || c.code === 'EDQUOT';
}

export function diskFull(path: string, cause?: unknown): StorageError {
  return new StorageError(
    'disk_full',
    path,
    `The disk is full: Partner Desk cannot save to its database at ${path}. Nothing already saved was lost, and the sync is waiting. Free some space on that disk; the sync resumes by itself.`,
    { cause },
  );
}

export function damaged(path: string, reason: string, cause?: unknown): StorageError {
  return new StorageError(
    'damaged',
    path,
    `The Partner Desk database at ${path} is damaged (${reason}). Partner Desk has not changed it and will not start on it. Quit Partner Desk, move that file aside (with any ${path}-wal and ${path}-shm beside it) or restore it from a backup, and start again: Partner Desk then starts on a new database and reads both systems again, looking up what it already wrote before writing it again. Keep the damaged file for support.`,
    { cause },
  );
}

export function unwritable(path: string, reason: string, cause?: unknown): StorageError {
  return new StorageError(
    'unwritable',
    path,
    `Partner Desk cannot write its database at ${path} (${reason}). Make that file and its folder writable for your user account (or free the disk if it is full), or start Partner Desk on another data folder (npm start -- --user-data=DIR), then start again.`,
    { cause },
  );
}

/** Turns an error met while opening the database into one that says what to do; others pass through. */
export function classifyOpenError(path: string, error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const c = codesOf(error);
  if (isDiskFull(error)) return diskFull(path, error);
  if (c.errcode === SQLITE_CORRUPT || c.errcode === SQLITE_NOTADB) return damaged(path, c.reason, error);
  if (
    c.errcode === SQLITE_READONLY ||
    c.errcode === SQLITE_CANTOPEN ||
    c.errcode === SQLITE_PERM ||
    c.errcode === SQLITE_IOERR ||
    c.code === 'EACCES' ||
    c.code === 'EPERM' ||
    c.code === 'EROFS' ||
    c.code === 'ENOTDIR' ||
    c.code === 'EISDIR'
  )
    return unwritable(path, c.reason, error);
  return error;
}
