// The engine's store: one SQLite file, reached only through these named areas. No SQL lives elsewhere.
import { openDatabase, type OpenDatabaseOptions } from './database.ts';
import { createCursorStore } from './cursors.ts';
import { createDirectoryStore } from './directory.ts';
import { createCaseStore } from './cases.ts';
import { createTransactionStore } from './transactions.ts';
import { createOutboxStore } from './outboxStore.ts';
import { createQuarantineStore } from './quarantine.ts';
import { createCaseTimelineStore } from './caseTimeline.ts';
import { createDocumentStore } from './documents.ts';
import { createReferenceDataStore } from './referenceData.ts';
import { createSlaStore } from './sla.ts';
import { createCaseLinkStore } from './caseLinks.ts';
import { createCaseCopyStore } from './caseCopies.ts';
import { createSpoolOwnerStore } from './spoolOwners.ts';
import { createWalSync } from './walSync.ts';

export function openStore(path: string, options?: OpenDatabaseOptions) {
  const database = openDatabase(path, options);
  const { db } = database;
  return {
    transaction: database.transaction,
    isolated: database.isolated,
    cursors: createCursorStore(db),
    directory: createDirectoryStore(db),
    cases: createCaseStore(db),
    transactions: createTransactionStore(db),
    outbox: createOutboxStore(db),
    quarantine: createQuarantineStore(db),
    timeline: createCaseTimelineStore(db),
    documents: createDocumentStore(db),
    referenceData: createReferenceDataStore(db),
    sla: createSlaStore(db),
    caseLinks: createCaseLinkStore(db),
    caseCopies: createCaseCopyStore(db),
    spoolOwners: createSpoolOwnerStore(db),
    /** Resolves once every commit made so far would survive a power loss (./walSync.ts). */
    syncToDisk: createWalSync(path),
    /** What a runtime error says about the database file (./database.ts), or null. */
    storageProblem: database.storageProblem,
    close: () => database.close(),
  };
}
export type Store = ReturnType<typeof openStore>;
