// Flows 5 and 7 — the files a partner attaches to a comment in Trading Grid travel into xConnector as
// real files: onto the internal case the issue is linked to (flow 7) and onto the message routed to an
// internal team (flow 5). This module decides which files go where, refuses what the configured limits
// do not allow (with the reason on the case's timeline), and records the outcome; the bytes move in
// partnerFileTransfer.ts. The correlation reference is keyed on the content hash and the target, so
// the same bytes land once per case or message however often they are attached or the write retried.
import { defineOperation } from '../sync/outboxOperation.ts';
import { refPart } from '../caseSync/refs.ts';
import { sanitizeFileName } from '../documents/fileNameSanitizer.ts';
import { byteWords } from '../documents/byteWords.ts';
import {
  UPLOAD_PARTNER_FILE,
  type PartnerFileOutcome,
  type PartnerFilePayload,
} from '../documents/partnerFileTransfer.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { FlowContext } from './flowContext.ts';
import type { CommentAttachment } from '../../shared/domain/comment.ts';
import type { PartnerFileTarget } from '../../shared/domain/partnerFile.ts';

export interface PartnerFileDestination {
  caseId: string;
  kind: PartnerFileTarget;
  /** xConnector's case id, or the routed message's id. */
  id: string;
  /** Stable across restarts and data folders: the internal case's id, or the comment the message routes. */
  refKey: string;
  /** The outbox queue it joins: behind the comment's copy or the routed message. */
  orderingKey: string;
  /** "xConnector case XC-1", "the message routed to ERP". */
  label: string;
}

const KIND_REF: Record<PartnerFileTarget, string> = { case: 'case', 'route-message': 'route' };

export function partnerFileRef(kind: PartnerFileTarget, refKey: string, sha256: string): string {
  return `pd:partner-file:${KIND_REF[kind]}:${refPart(refKey)}:${sha256}`;
}

/** Why the file is not passed on, judged from what Trading Grid says about it; null when it may go. */
function refusalOf(a: CommentAttachment, ctx: FlowContext): string | null {
  const limits = ctx.mappings.caseSync.partnerFiles;
  if (!a.sha256)
    return 'Trading Grid gave no SHA-256 fingerprint for it, so its bytes could not be verified.';
  if (a.sizeBytes === 0) return 'The file is empty (0 bytes).';
  if (a.sizeBytes > limits.maxBytes)
    return `The file is too large: ${byteWords(a.sizeBytes)}, and partner files are passed on up to ${byteWords(limits.maxBytes)}.`;
  if (!limits.allowedContentTypes.includes(a.contentType.toLowerCase()))
    return `Files of type ${a.contentType} are not passed on to xConnector (Settings → Mappings → case sync → partner files).`;
  return null;
}

/** Queues each file a partner attached for the destination, once per content, or records why not. */
export function queuePartnerFiles(
  ctx: FlowContext,
  files: readonly CommentAttachment[],
  author: string,
  to: PartnerFileDestination,
): void {
  for (const a of files) {
    const name = sanitizeFileName(a.name).name;
    const key = a.sha256 ?? `attachment-${refPart(a.id)}`;
    const ref = partnerFileRef(to.kind, to.refKey, key);
    const refusal = refusalOf(a, ctx);
    // Bytes the desk itself attached to this case came from our side: never sent back.
    const ours = a.sha256 ? ctx.store.documents.byContent(to.caseId, a.sha256) : undefined;
    if (refusal || ours) {
      ctx.store.timeline.add({
        caseId: to.caseId,
        eventKey: `partner-file:${ref}`,
        kind: 'document',
        origin: 'engine',
        at: ctx.now,
        summary: ours
          ? `"${name}" from ${author} is a document this case already sent to Trading Grid, so it is not copied back to ${to.label}.`
          : `"${name}" from ${author} was not passed on to ${to.label}: ${refusal}`,
        detail: { attachmentId: a.id, name, refused: refusal, echo: ours !== undefined, target: to.kind },
      });
      continue;
    }
    const payload: PartnerFilePayload = {
      caseId: to.caseId,
      attachmentId: a.id,
      target: { kind: to.kind, id: to.id },
      file: {
        name,
        contentType: a.contentType.toLowerCase(),
        sizeBytes: a.sizeBytes,
        sha256: key,
        correlationRef: ref,
        origin: PARTNER_DESK_ORIGIN,
        sourceAttachmentId: a.id,
        ...(a.documentType ? { documentType: a.documentType } : {}),
      },
      author,
      label: to.label,
      // A lookup is one small request beside a download: always look first, so a replaced data folder
      // never stores the file twice.
      lookFirst: true,
    };
    ctx.enqueue({
      idempotencyKey: `${UPLOAD_PARTNER_FILE}:${ref}`,
      correlationRef: ref,
      system: 'xconnector',
      operation: UPLOAD_PARTNER_FILE,
      orderingKey: to.orderingKey,
      payload,
    });
  }
}

export const uploadPartnerFileOperation = defineOperation({
  operation: UPLOAD_PARTNER_FILE,
  system: 'xconnector',
  lookupBeforeRetry: true,
  async deliver(entry, previousAttempts, deps) {
    if (!deps.partnerFiles)
      return {
        ok: false,
        error: {
          kind: 'internal',
          message: 'This engine was built without partner file transfers.',
          retryable: false,
          maybeApplied: false,
        },
      };
    return deps.partnerFiles.deliver(entry, previousAttempts);
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as PartnerFilePayload;
    const o = delivered.value as PartnerFileOutcome | undefined;
    if (!o) return;
    const size = byteWords(p.file.sizeBytes);
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `partner-file:${entry.correlationRef}`,
      kind: 'document',
      origin: 'engine',
      at: ctx.now,
      summary:
        o.outcome === 'delivered'
          ? `"${p.file.name}" (${size}) from ${p.author} handed to ${p.label} as a file`
          : `"${p.file.name}" (${size}) from ${p.author} was not passed on to ${p.label}: ${o.reason}`,
      detail: {
        attachmentId: p.attachmentId,
        name: p.file.name,
        sha256: p.file.sha256,
        target: p.target,
        ...(o.outcome === 'delivered'
          ? { fileId: o.file.id, recovered: delivered.recovered }
          : { refused: o.reason }),
      },
    });
  },
});
