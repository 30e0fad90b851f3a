// Makes every commit so far survive a power loss without stopping the engine while the disk works.
// Commits run with synchronous=NORMAL (./database.ts): they are safe from a crash or kill as soon as they
// return, but sit in the write-ahead log in the OS's cache until SQLite syncs it. The record that a create
// is about to be sent must survive even a power loss, because the retry's lookup depends on it. Asking
// SQLite for that (synchronous=FULL) syncs inside COMMIT, blocking the event loop for the disk's latency
// — milliseconds per batch, which every other sync and the window wait out. Syncing the log file from
// libuv's thread pool after the commit gives the same guarantee off the main thread: once it resolves,
// the log holds every commit made before it started, on disk. A checkpoint that moves the log into the
// database file meanwhile syncs the log before and the database after (SQLite's rule in NORMAL mode), so
// nothing committed escapes between the two.
import { open } from 'node:fs/promises';

/** Returns `sync()`: resolves once every commit made before the call is on disk. */
export function createWalSync(
  dbPath: string,
  /** How one sync is done (tests watch the order through it). */
  syncOnce: (dbPath: string) => Promise<void> = syncLog,
): () => Promise<void> {
  if (dbPath === ':memory:') return async () => {};
  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const p: Promise<void> = syncOnce(dbPath).finally(() => {
      if (inFlight === p) inFlight = null;
    });
    inFlight = p;
    return p;
  };
  return () => {
    if (!inFlight) return start();
    // The sync running now may have started before the caller's commit: wait for one that starts after
    // it. Everyone who asks meanwhile shares that one, so a burst of creates costs two syncs, not many.
    next ??= inFlight
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}

export async function syncLog(dbPath: string): Promise<void> {
  try {
    let handle;
    try {
      handle = await open(`${dbPath}-wal`, 'r');
    } catch (error) {
      // No log (a file system where SQLite could not use WAL): commits went to the file itself.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      handle = await open(dbPath, 'r');
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Partner Desk could not make its database safe on disk (${reason}); writes waiting to be sent stay queued and are tried again.`,
    );
  }
}
