// A case's document as the window lists it. A write that ended on the failed-writes list (or was
// discarded there) shows as failed with its reason, so the case view never claims an upload is going on.
import type { CaseDocument } from '../../shared/ipc/dto.ts';
import type { ListedDocument } from '../store/documents.ts';

export function toCaseDocument(d: ListedDocument): CaseDocument {
  const deadWrite = d.outboxState === 'dead' || d.outboxState === 'discarded';
  const state: CaseDocument['state'] =
    d.state === 'attached' ? 'attached' : d.state === 'failed' || deadWrite ? 'failed' : 'uploading';
  const error =
    d.state === 'failed'
      ? (d.error ?? undefined)
      : deadWrite
        ? `The upload kept failing and is listed under failed writes in Sync health: ${d.outboxError ?? 'no reason recorded'}`
        : undefined;
  return {
    id: d.uploadId,
    name: d.name,
    originalName: d.originalName,
    sizeBytes: d.sizeBytes,
    contentType: d.contentType,
    sha256: d.sha256,
    source: d.source,
    state,
    attachedAt: d.attachedAt,
    ...(error !== undefined ? { error } : {}),
  };
}
