// Flow 7 — an internal case's documents go to its Trading Grid issue. Flow 2's machinery does the
// uploading (queueDocument: resumable streamed upload sessions, the same bytes never attached twice
// to a case, from any path); this module only decides which documents go and records them. Internal
// documents stay internal. Partner files travel the other way (caseSyncPartnerFiles) and, marked as
// ours on the internal case, are never sent back.
import { queueDocument } from './documentQueue.ts';
import { sanitizeFileName } from '../documents/fileNameSanitizer.ts';
import { byteWords } from '../documents/byteWords.ts';
import { isOwnWrite } from '../caseSync/echo.ts';
import type { FlowContext } from './flowContext.ts';
import type { CaseAttachment, InternalCase } from '../../shared/domain/internalCase.ts';

export function syncCaseAttachment(
  c: InternalCase,
  caseId: string,
  a: CaseAttachment,
  ctx: FlowContext,
): void {
  // A partner's file Partner Desk stored on the case came from Trading Grid: never sent back there.
  if (isOwnWrite({ id: a.documentId, ...a }, 'xconnector', ctx.store.caseCopies)) return;
  const name = sanitizeFileName(a.name).name;
  const internal = a.visibility === 'internal';
  const isNew = ctx.store.timeline.add({
    caseId,
    eventKey: `document:xc:${a.documentId}`,
    kind: 'document',
    origin: 'xconnector',
    at: Date.parse(a.createdAt),
    summary: `"${name}" (${byteWords(a.sizeBytes)}) attached to xConnector case ${c.id}${internal ? ', internal only' : ': it goes to the Trading Grid issue'}`,
    detail: {
      documentId: a.documentId,
      name,
      originalName: a.name,
      sha256: a.sha256,
      visibility: a.visibility,
    },
  });
  // Queued once, when first seen: a later change to the case must not send a failed upload again.
  if (!isNew || internal) return;
  queueDocument(ctx, {
    uploadId: `xc-case:${a.documentId}:${a.sha256.slice(0, 16)}`,
    caseId,
    sha256: a.sha256,
    name,
    originalName: a.name,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    source: 'xconnector',
    sourceRef: a.documentId,
    sourceMtimeMs: null,
    kind: a.documentType ?? null,
  });
}
