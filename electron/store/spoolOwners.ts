// Which spool files still have a live owner: the spool sweep (electron/documents/spoolSweep.ts) keeps
// those and removes the rest. One query for both spool folders, whatever the number of files.
import type { Db } from './database.ts';

export interface SpoolOperations {
  /** The outbox operation that attaches a dispute document (payload `{ documentId }`). */
  attachDocument: string;
  /** The outbox operation that passes a partner's file on (payload `{ file: { sha256 } }`). */
  uploadPartnerFile: string;
}

/** Spool file stems (`<id>-<sha256>`) whose write may still read or write them, per spool folder. */
export interface LiveSpoolOwners {
  documents: Set<string>;
  partnerFiles: Set<string>;
}

export function createSpoolOwnerStore(db: Db) {
  // Only a pending entry counts: a delivering one is pending until it is marked done, and a dead letter
  // the user retries is pending again before any transfer can touch its file. Done, dead and discarded
  // entries never write their spool file again. Both halves read along the pending-only index.
  const live = db.prepare(
    `SELECT 'documents' AS folder, d.id AS id, d.sha256 AS sha256
       FROM outbox o JOIN case_documents d ON d.id = json_extract(o.payload, '$.documentId')
      WHERE o.state = 'pending' AND o.operation = ?
     UNION ALL
     SELECT 'partnerFiles', o.id, json_extract(o.payload, '$.file.sha256')
       FROM outbox o
      WHERE o.state = 'pending' AND o.operation = ?`,
  );

  return {
    live(ops: SpoolOperations): LiveSpoolOwners {
      const out: LiveSpoolOwners = { documents: new Set(), partnerFiles: new Set() };
      const rows = live.all(ops.attachDocument, ops.uploadPartnerFile) as {
        folder: keyof LiveSpoolOwners;
        id: number;
        sha256: string | null;
      }[];
      for (const r of rows) out[r.folder].add(`${r.id}-${r.sha256 ?? ''}`);
      return out;
    },
  };
}
