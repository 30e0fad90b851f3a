// Removes spool files nobody will read again. A transfer removes its own file when its write ends, but
// a write that is dead-lettered or discarded by the user, or a crash between the end of a write and
// that removal, leaves the file behind, and over months those fill the user's disk without a word.
// The sweep runs when the engine is built, after a dead letter of a write that spools, and after a
// discard: one listing per spool folder and one query, whatever the number of files.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.ts';
import type { LiveSpoolOwners } from '../store/spoolOwners.ts';
import type { Store } from '../store/store.ts';
import { ATTACH_DOCUMENT } from '../flows/documentQueue.ts';
import { SPOOL_FOLDER } from './documentsSection.ts';
import { fileProblem } from './fileProblems.ts';
import { PARTNER_FILE_SPOOL, UPLOAD_PARTNER_FILE } from './partnerFileTransfer.ts';

/** The spool folders, and whose stems name their owners (documents: the document row; partner files: the outbox entry). */
const FOLDERS: { folder: keyof LiveSpoolOwners; name: string }[] = [
  { folder: 'documents', name: SPOOL_FOLDER },
  { folder: 'partnerFiles', name: PARTNER_FILE_SPOOL },
];
const OPERATIONS = { attachDocument: ATTACH_DOCUMENT, uploadPartnerFile: UPLOAD_PARTNER_FILE };
const SPOOLING = new Set(Object.values(OPERATIONS));

/** `<owner id>-<sha256>`, and `.part` while it downloads: what spool.ts names its files. */
const SPOOL_NAME = /^(\d+-[0-9a-f]{64})(?:\.part)?$/;
/** How many names of unknown files one log line lists. */
const UNKNOWN_LISTED = 20;

export interface SpoolSweepReport {
  /** Paths removed, relative to the data folder. */
  removed: string[];
  /** Files kept because their write is still pending. */
  kept: number;
  /** Entries whose name the spool never gives, left alone (relative to the data folder). */
  unknown: string[];
}

export interface SpoolSweeperDeps {
  store: Pick<Store, 'spoolOwners'>;
  dataDir: string;
  logger: Logger;
}

async function listFolder(dir: string, logger: Logger) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      logger.warn(
        { dir },
        `The spool folder could not be read, so it was not cleaned: ${fileProblem(error)}`,
      );
    return [];
  }
}

/** One pass over both spool folders. */
export async function sweepSpools(deps: SpoolSweeperDeps): Promise<SpoolSweepReport> {
  const report: SpoolSweepReport = { removed: [], kept: 0, unknown: [] };
  // Listed BEFORE the owners are asked for: a file that appears after the listing is never looked at,
  // and any write that could be writing a listed file is pending by the time the query runs.
  const listed = await Promise.all(
    FOLDERS.map(async (f) => ({ ...f, entries: await listFolder(join(deps.dataDir, f.name), deps.logger) })),
  );
  if (listed.every((f) => f.entries.length === 0)) return report;
  const live = deps.store.spoolOwners.live(OPERATIONS);
  const removals: Promise<void>[] = [];
  for (const { folder, name, entries } of listed) {
    for (const entry of entries) {
      const relative = join(name, entry.name);
      const stem = entry.isFile() ? SPOOL_NAME.exec(entry.name)?.[1] : undefined;
      if (stem === undefined) report.unknown.push(relative);
      else if (live[folder].has(stem)) report.kept++;
      else
        removals.push(
          rm(join(deps.dataDir, relative), { force: true }).then(
            () => void report.removed.push(relative),
            (error: unknown) =>
              deps.logger.warn(
                { file: relative },
                `A spool file could not be removed: ${fileProblem(error)}`,
              ),
          ),
        );
    }
  }
  await Promise.all(removals);
  if (report.removed.length > 0)
    deps.logger.info(
      { removed: report.removed.length, kept: report.kept },
      'removed spool files of writes that ended',
    );
  if (report.unknown.length > 0)
    deps.logger.warn(
      { count: report.unknown.length, files: report.unknown.slice(0, UNKNOWN_LISTED) },
      'the spool folders hold files Partner Desk did not name; they were left alone',
    );
  return report;
}

export interface SpoolSweeper {
  /** Asks for a sweep; given a dead letter's operation, only when that write spools. Requests coalesce. */
  request(operation?: string): void;
  /** Resolves when no sweep is running or asked for. */
  settled(): Promise<void>;
  /** No sweep starts after this; resolves when the running one has ended (before the store closes). */
  close(): Promise<void>;
}

export function createSpoolSweeper(deps: SpoolSweeperDeps): SpoolSweeper {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await sweepSpools(deps);
      } catch (error) {
        // A sweep that fails (the database busy or gone) costs disk space only: the next one catches up.
        deps.logger.warn({ err: error }, 'the spool sweep failed; it runs again at the next start');
      }
    } while (again && !closed);
    running = null;
  }

  return {
    request(operation) {
      if (closed || (operation !== undefined && !SPOOLING.has(operation))) return;
      if (running) again = true;
      else running = run();
    },
    settled: () => running ?? Promise.resolve(),
    async close() {
      closed = true;
      await running;
    },
  };
}
