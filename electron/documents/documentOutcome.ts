// How a document's delivery ends, as the outbox hands it to flow 2. Attached or failed for good, the
// spooled copy of an xConnector document has done its job and is removed; a dropped file is the
// person's own and is never touched.
import type { Attachment } from '../../shared/domain/document.ts';
import type { RemoteError } from '../engine/ports.ts';
import { ok, type Result } from '../http/result.ts';
import type { StoredDocument } from '../store/documents.ts';
import type { Delivered } from '../sync/delivered.ts';
import { removeSpooled } from './spool.ts';

/** What a delivery ended in; the flow records it on the case in the transaction that marks it done. */
export type TransferOutcome =
  | { outcome: 'attached'; documentId: number; attachmentId: string; issueId: string }
  | { outcome: 'failed'; documentId: number; reason: string }
  /** A newer try of the same content took over (the file was dropped again): nothing to record. */
  | { outcome: 'superseded'; documentId: number };

export type Delivery = Result<Delivered, RemoteError>;

function releaseSpooled(spoolDir: string, doc: StoredDocument): void {
  if (doc.source === 'xconnector') void removeSpooled(spoolDir, { documentId: doc.id, sha256: doc.sha256 });
}

export function attachedDocument(
  spoolDir: string,
  doc: StoredDocument,
  a: Attachment,
  recovered: boolean,
): Delivery {
  releaseSpooled(spoolDir, doc);
  const value: TransferOutcome = {
    outcome: 'attached',
    documentId: doc.id,
    attachmentId: a.id,
    issueId: a.issueId,
  };
  return ok({ remoteId: a.id, recovered, value });
}

export function failedDocument(spoolDir: string, doc: StoredDocument, reason: string): Delivery {
  releaseSpooled(spoolDir, doc);
  const value: TransferOutcome = { outcome: 'failed', documentId: doc.id, reason };
  return ok({ remoteId: null, recovered: false, value });
}

export function supersededDocument(doc: StoredDocument): Delivery {
  const value: TransferOutcome = { outcome: 'superseded', documentId: doc.id };
  return ok({ remoteId: doc.attachmentId, recovered: false, value });
}
