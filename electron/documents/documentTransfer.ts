// Delivers one document to its case's Trading Grid issue: the outbox operation `tg.attachDocument`
// calls this. The bytes stream from disk in chunks into a resumable upload session, so memory stays
// flat whatever the size, and the work survives a crash or a broken connection:
//
//   1. an earlier attempt may have attached it already: look the attachment up by correlation reference;
//   2. the bytes must be here and unchanged (a dropped file), or copied and verified (xConnector's)
//      (documentSource.ts), and acceptable to the desk and Trading Grid (documentAcceptance.ts);
//   3. the session: the one this document's row remembers, else one found by correlation reference
//      (its create answer was lost), else a new one, remembered durably before any byte is sent
//      (uploadSession.ts);
//   4. chunks from the session's own offset (asked again after any break) to the end (chunkedUpload.ts);
//   5. complete: Trading Grid checks size and SHA-256 and attaches.
//
// Problems with the document itself (vanished, changed, refused by policy, wrong type) end the write
// with a failed outcome and a reason for the case view; problems on the way (network, 5xx, 429) go
// back to the outbox, which tries again later from where the upload stopped.
import type { DocumentSettings } from '../../shared/config/documentSettings.ts';
import { err } from '../http/result.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import { sendChunks, type ChunkedUploadDeps } from './chunkedUpload.ts';
import { acceptance } from './documentAcceptance.ts';
import { attachedDocument, failedDocument, supersededDocument, type Delivery } from './documentOutcome.ts';
import type { DocumentPorts } from './documentPorts.ts';
import { localBytes, type DocumentSourceDeps } from './documentSource.ts';
import { sanitizeFileName } from './fileNameSanitizer.ts';
import { earliest } from '../sync/createOnce.ts';
import { haltableTransfer, type OutboxTransfer } from './outboxTransfer.ts';
import type { PolicyCache } from './policyCache.ts';
import type { ProgressReporter } from './progressReporter.ts';
import { openUploadSession } from './uploadSession.ts';

export type { TransferOutcome } from './documentOutcome.ts';

export interface AttachPayload {
  documentId: number;
}

export interface DocumentTransferDeps {
  store: Store;
  ports: DocumentPorts;
  settings: DocumentSettings;
  policies: PolicyCache;
  spoolDir: string;
  progress: ProgressReporter;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: Logger;
}

/** Delivers documents for the outbox; `halt` stops the uploads in flight, which the outbox resumes later. */
export type DocumentTransfer = OutboxTransfer;

export function createDocumentTransfer(deps: DocumentTransferDeps): DocumentTransfer {
  const { store, settings, spoolDir } = deps;
  const tg = deps.ports.tradingGrid;
  const now = () => deps.now();
  const upload: ChunkedUploadDeps = {
    store,
    tg,
    now,
    settings,
    progress: deps.progress,
    spoolDir,
    sleep: (ms, signal) => deps.sleep(ms, signal),
  };
  const source: DocumentSourceDeps = {
    store,
    xconnector: deps.ports.xconnector,
    spoolDir,
    fileTypes: settings.fileTypes,
    now,
  };

  async function deliver(
    entry: OutboxEntry,
    previousAttempts: number,
    signal: AbortSignal,
  ): Promise<Delivery> {
    const { documentId } = entry.payload as AttachPayload;
    const doc = store.documents.get(documentId);
    if (!doc)
      return err({
        kind: 'internal',
        message: `Document #${documentId} is no longer in Partner Desk's records.`,
        retryable: false,
        maybeApplied: false,
      });
    if (doc.outboxKey !== entry.idempotencyKey || doc.state === 'attached' || doc.state === 'failed')
      return supersededDocument(doc);
    const issueId = store.cases.get(doc.caseId)?.tgIssueId;
    if (!issueId)
      return err({
        kind: 'not_ready',
        message: `Case ${doc.caseId} has no Trading Grid issue yet; its documents wait for it.`,
        retryable: true,
        maybeApplied: false,
      });

    // 1. Attached already, by an attempt whose answer was lost or that a crash interrupted?
    if (previousAttempts > 0 || doc.sessionId !== null) {
      const found = await tg.findAttachmentsByRef(entry.correlationRef, signal);
      if (!found.ok) return found;
      const existing = earliest(found.value);
      if (existing) return attachedDocument(spoolDir, doc, existing, true);
    }

    // 2. What it is called and what it is, judged here with the settings in force.
    const name = sanitizeFileName(doc.originalName, settings.maxNameChars).name;
    if (name !== doc.name) store.documents.rename(doc.id, name, now());
    const bytes = await localBytes(source, doc, name, signal);
    if (bytes.kind === 'failed') return failedDocument(spoolDir, doc, bytes.reason);
    if (bytes.kind === 'error') return err(bytes.error);
    const accepted = await acceptance(
      { name, sizeBytes: doc.sizeBytes },
      settings.fileTypes,
      deps.policies,
      signal,
    );
    if (!accepted.ok) return failedDocument(spoolDir, doc, accepted.reason);
    const { rule, policy } = accepted;

    // 3. The session.
    const s = await openUploadSession(upload, {
      doc,
      name,
      contentType: rule.contentType,
      issueId,
      entry,
      previousAttempts,
      signal,
    });
    if (!s.ok) {
      // Trading Grid refusing the file itself (too large, type not accepted) is final for this document.
      if (s.error.status === 413 || s.error.status === 415)
        return failedDocument(spoolDir, doc, `Trading Grid refused the file: ${s.error.message}`);
      return s;
    }
    // 4–5. The bytes, then completion.
    const maxChunk = Math.min(settings.chunkBytes, policy.maxChunkBytes ?? Number.MAX_SAFE_INTEGER);
    return sendChunks(upload, { doc, name, path: bytes.value, session: s.value, entry, maxChunk, signal });
  }

  return haltableTransfer(deliver, {
    logger: deps.logger,
    logMessage: 'document upload failed unexpectedly',
    errorMessage: 'Uploading the document failed unexpectedly',
  });
}
