// Queues one document for its case, from either path (xConnector's dispute documents, a dropped file),
// inside the caller's transaction: the row and its outbox write land together. The same content is
// queued once per case; a document that failed is tried again under a new outbox key.
import type { FlowContext } from './flowContext.ts';
import type { NewDocument, StoredDocument } from '../store/documents.ts';
import { attachIdempotencyKey, documentCorrelationRef } from '../documents/documentRefs.ts';
import type { AttachPayload } from '../documents/documentTransfer.ts';

export const ATTACH_DOCUMENT = 'tg.attachDocument';

export type QueueOutcome =
  { kind: 'queued'; document: StoredDocument } | { kind: 'duplicate'; existing: StoredDocument };

export function queueDocument(
  ctx: FlowContext,
  d: Omit<NewDocument, 'outboxKey' | 'state' | 'error'>,
): QueueOutcome {
  const docs = ctx.store.documents;
  const existing = docs.byContent(d.caseId, d.sha256);
  if (existing && existing.state !== 'failed') return { kind: 'duplicate', existing };
  const generation = existing ? existing.generation + 1 : 1;
  const outboxKey = attachIdempotencyKey(d.caseId, d.sha256, generation);
  let id: number | null;
  if (existing) {
    docs.retry(existing.id, { ...d, outboxKey }, ctx.now);
    id = existing.id;
  } else {
    id = docs.add({ ...d, outboxKey }, ctx.now);
  }
  const document = id === null ? undefined : docs.get(id);
  if (!document) throw new Error(`document ${d.uploadId} could not be recorded`);
  const payload: AttachPayload = { documentId: document.id };
  // Ordered behind the case's other writes: the issue exists before anything is attached to it.
  ctx.enqueue({
    idempotencyKey: outboxKey,
    correlationRef: documentCorrelationRef(d.caseId, d.sha256),
    system: 'trading-grid',
    operation: ATTACH_DOCUMENT,
    orderingKey: d.caseId,
    payload,
  });
  ctx.emit('documentProgress', {
    uploadId: document.uploadId,
    caseId: document.caseId,
    name: document.name,
    sentBytes: 0,
    totalBytes: document.sizeBytes,
    state: 'queued',
  });
  return { kind: 'queued', document };
}
