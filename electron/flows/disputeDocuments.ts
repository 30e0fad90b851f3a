// Flow 2 — dispute documents. When an exception becomes a dispute in xConnector, its supporting
// documents (PO, invoice, packing slip, proof of delivery) come in the documents feed; each is attached
// to the case's Trading Grid issue exactly once, behind the issue's own creation. Files a person drops
// on a case take the same road (electron/documents/documentIntake.ts). The bytes move in
// electron/documents/documentTransfer.ts; this module decides and records.
import { defineFeedFlow } from './feedFlow.ts';
import type { FlowContext } from './flowContext.ts';
import { ATTACH_DOCUMENT, queueDocument } from './documentQueue.ts';
import { defineOperation } from '../sync/outboxOperation.ts';
import { DisputeDocument } from '../../shared/domain/document.ts';
import { itemIdOf } from '../connectors/itemParsing.ts';
import { sanitizeSnippet } from '../http/sanitize.ts';
import { summarizeIssues } from '../http/zodIssues.ts';
import { byteWords } from '../documents/byteWords.ts';
import { sanitizeFileName } from '../documents/fileNameSanitizer.ts';
import type { TransferOutcome } from '../documents/documentTransfer.ts';
import type { ParseResult } from './feedFlow.ts';

export const DOCUMENTS_FEED = 'xc.documents';

const KIND_LABEL: Record<DisputeDocument['kind'], string> = {
  purchase_order: 'purchase order',
  invoice: 'invoice',
  packing_slip: 'packing slip',
  proof_of_delivery: 'proof of delivery',
  other: 'document',
};

export function parseDisputeDocument(raw: unknown): ParseResult<DisputeDocument> {
  const parsed = DisputeDocument.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const itemId = itemIdOf(raw);
  return {
    ok: false,
    reasonKind: 'malformed',
    reason: `${itemId ? `Document ${sanitizeSnippet(itemId, 128)}` : 'A document without a usable id'} is malformed and was set aside: ${summarizeIssues(parsed.error.issues)}.`,
    ...(itemId !== undefined ? { itemId } : {}),
  };
}

export const documentsFeedFlow = defineFeedFlow({
  feed: DOCUMENTS_FEED,
  system: 'xconnector',
  // After exceptions (order 1): a dispute's case is opened before its documents are read.
  order: 2,
  fetch: (ports) => ports.documents.xconnector.documentsFeed,
  parse: parseDisputeDocument,
  apply(d, ctx) {
    const c = ctx.store.cases.byExceptionId(d.exceptionId);
    if (!c) {
      // Its exception is waiting too (unknown partner): released with it when the partner turns up.
      ctx.quarantine({
        feed: DOCUMENTS_FEED,
        itemId: d.id,
        reasonKind: 'unknown_partner',
        reason: `Dispute document ${d.id} ("${sanitizeSnippet(d.name, 120)}") was not attached: its exception ${d.exceptionId} has no case in Partner Desk yet. It will be attached once the case exists.`,
        payload: d,
      });
      return;
    }
    ctx.store.timeline.add({
      caseId: c.id,
      eventKey: 'dispute',
      kind: 'document',
      origin: 'xconnector',
      at: Date.parse(d.createdAt),
      summary:
        'The exception became a dispute in xConnector: its supporting documents go to the Trading Grid issue.',
      detail: { exceptionId: d.exceptionId },
    });
    const queued = queueDocument(ctx, {
      uploadId: `xc:${d.id}:${d.sha256.slice(0, 16)}`,
      caseId: c.id,
      sha256: d.sha256,
      name: sanitizeFileName(d.name).name,
      originalName: d.name,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      source: 'xconnector',
      sourceRef: d.id,
      sourceMtimeMs: null,
      kind: d.kind,
    });
    if (queued.kind === 'duplicate' && queued.existing.sourceRef !== d.id)
      ctx.store.timeline.add({
        caseId: c.id,
        eventKey: `document-duplicate:${d.id}:${d.sha256}`,
        kind: 'document',
        origin: 'xconnector',
        at: ctx.now,
        summary: `xConnector's ${KIND_LABEL[d.kind]} "${queued.existing.name}" is the same file as one already on the case, so it was not attached twice.`,
        detail: { documentId: d.id, sha256: d.sha256 },
      });
  },
});

function recordOutcome(outcome: TransferOutcome, ctx: FlowContext): void {
  const docs = ctx.store.documents;
  const doc = docs.get(outcome.documentId);
  if (!doc || outcome.outcome === 'superseded') return;
  const c = ctx.store.cases.get(doc.caseId);
  const origin = doc.source === 'desk' ? 'desk' : 'xconnector';
  const detail = {
    uploadId: doc.uploadId,
    name: doc.name,
    originalName: doc.originalName,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    source: doc.source,
  };
  if (outcome.outcome === 'attached') {
    if (!docs.markAttached(doc.id, outcome.attachmentId, ctx.now)) return;
    ctx.store.timeline.add({
      caseId: doc.caseId,
      eventKey: `document:${doc.sha256}`,
      kind: 'document',
      origin,
      at: ctx.now,
      summary:
        `${doc.kind ? `${KIND_LABEL[doc.kind as DisputeDocument['kind']] ?? 'Document'} ` : ''}"${doc.name}" (${byteWords(doc.sizeBytes)}) attached to Trading Grid issue ${outcome.issueId}${doc.source === 'desk' ? ' from the desk' : ' from xConnector'}`.replace(
          /^./,
          (ch) => ch.toUpperCase(),
        ),
      detail: { ...detail, attachmentId: outcome.attachmentId, issueId: outcome.issueId },
    });
    ctx.emit('documentProgress', {
      uploadId: doc.uploadId,
      caseId: doc.caseId,
      name: doc.name,
      sentBytes: doc.sizeBytes,
      totalBytes: doc.sizeBytes,
      state: 'attached',
    });
  } else {
    if (!docs.markFailed(doc.id, outcome.reason, ctx.now)) return;
    ctx.store.timeline.add({
      caseId: doc.caseId,
      eventKey: `document-failed:${doc.sha256}:${doc.generation}`,
      kind: 'document',
      origin,
      at: ctx.now,
      summary: `"${doc.name}" was not attached: ${outcome.reason}`,
      detail: { ...detail, reason: outcome.reason },
    });
    ctx.emit('documentProgress', {
      uploadId: doc.uploadId,
      caseId: doc.caseId,
      name: doc.name,
      sentBytes: 0,
      totalBytes: doc.sizeBytes,
      state: 'failed',
      message: outcome.reason,
    });
  }
  if (c)
    ctx.emit('caseUpdated', { caseId: c.id, partnerId: c.partnerId, title: c.title, tgIssueId: c.tgIssueId });
}

export const attachDocumentOperation = defineOperation({
  operation: ATTACH_DOCUMENT,
  system: 'trading-grid',
  lookupBeforeRetry: true,
  async deliver(entry, previousAttempts, deps) {
    if (!deps.documents)
      return {
        ok: false,
        error: {
          kind: 'internal',
          message: 'This engine was built without document uploads.',
          retryable: false,
          maybeApplied: false,
        },
      };
    return deps.documents.deliver(entry, previousAttempts);
  },
  onDelivered(_entry, delivered, ctx) {
    recordOutcome(delivered.value as TransferOutcome, ctx);
  },
});
