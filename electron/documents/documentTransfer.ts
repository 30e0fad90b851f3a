// Delivers one document to its case's Trading Grid issue: the outbox operation `tg.attachDocument`
// calls this. The bytes stream from disk in chunks into a resumable upload session, so memory stays
// flat whatever the size, and the work survives a crash or a broken connection:
//
//   1. an earlier attempt may have attached it already: look the attachment up by correlation reference;
//   2. the bytes must be here and unchanged (a dropped file), or copied and verified (xConnector's);
//   3. the session: the one this document's row remembers, else one found by correlation reference
//      (its create answer was lost), else a new one, remembered durably before any byte is sent;
//   4. chunks from the session's own offset (asked again after any break) to the end;
//   5. complete: Trading Grid checks size and SHA-256 and attaches.
//
// Problems with the document itself (vanished, changed, refused by policy, wrong type) end the write
// with a failed outcome and a reason for the case view; problems on the way (network, 5xx, 429) go
// back to the outbox, which tries again later from where the upload stopped.
import { createReadStream } from 'node:fs';
import type { DocumentSettings } from '../../shared/config/documentSettings.ts';
import type { Attachment, UploadSession } from '../../shared/domain/document.ts';
import type { RemoteError } from '../engine/ports.ts';
import { err, ok, type Result } from '../http/result.ts';
import type { Logger } from '../logging/logger.ts';
import type { StoredDocument } from '../store/documents.ts';
import type { Store } from '../store/store.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type { Delivered } from '../sync/delivered.ts';
import { refusalByPolicy } from './attachmentRules.ts';
import { readBufferFor } from './contentHash.ts';
import type { DocumentPorts } from './documentPorts.ts';
import { CHANGED_DURING_UPLOAD, checkDroppedFile } from './droppedFileCheck.ts';
import { sanitizeFileName } from './fileNameSanitizer.ts';
import { fileProblem } from './fileProblems.ts';
import { detectFileType, extensionOf } from './fileTypes.ts';
import type { PolicyCache } from './policyCache.ts';
import type { ProgressReporter } from './progressReporter.ts';
import { removeSpooled, spoolDocument, spooledHead } from './spool.ts';

export interface AttachPayload {
  documentId: number;
}

/** What a delivery ended in; the flow records it on the case in the transaction that marks it done. */
export type TransferOutcome =
  | { outcome: 'attached'; documentId: number; attachmentId: string; issueId: string }
  | { outcome: 'failed'; documentId: number; reason: string }
  /** A newer try of the same content took over (the file was dropped again): nothing to record. */
  | { outcome: 'superseded'; documentId: number };

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

export interface DocumentTransfer {
  deliver(entry: OutboxEntry, previousAttempts: number): Promise<Result<Delivered, RemoteError>>;
  /** Stops the uploads in flight (the engine is stopping); the outbox resumes them later. */
  halt(): void;
}

type Step<T> =
  { kind: 'ok'; value: T } | { kind: 'failed'; reason: string } | { kind: 'error'; error: RemoteError };

/** Errors after which the same chunk may well go through: ask the session's offset and send again. */
const TRANSIENT = new Set(['network', 'timeout', 'server', 'rate_limited', 'conflict']);

function oldest<T extends { createdAt: string; id: string }>(items: T[]): T | undefined {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
}

export function createDocumentTransfer(deps: DocumentTransferDeps): DocumentTransfer {
  const { store, settings } = deps;
  const tg = deps.ports.tradingGrid;
  let stopping = new AbortController();

  const now = () => deps.now();
  const attached = (
    doc: StoredDocument,
    a: Attachment,
    recovered: boolean,
  ): Result<Delivered, RemoteError> => {
    if (doc.source === 'xconnector')
      void removeSpooled(deps.spoolDir, { documentId: doc.id, sha256: doc.sha256 });
    const value: TransferOutcome = {
      outcome: 'attached',
      documentId: doc.id,
      attachmentId: a.id,
      issueId: a.issueId,
    };
    return ok({ remoteId: a.id, recovered, value });
  };
  const failed = (doc: StoredDocument, reason: string): Result<Delivered, RemoteError> => {
    if (doc.source === 'xconnector')
      void removeSpooled(deps.spoolDir, { documentId: doc.id, sha256: doc.sha256 });
    const value: TransferOutcome = { outcome: 'failed', documentId: doc.id, reason };
    return ok({ remoteId: null, recovered: false, value });
  };
  const report = (doc: StoredDocument, name: string, sentBytes: number) =>
    deps.progress.report({
      uploadId: doc.uploadId,
      caseId: doc.caseId,
      name,
      sentBytes,
      totalBytes: doc.sizeBytes,
      state: 'uploading',
    });
  const forgetSession = (doc: StoredDocument) => {
    store.transaction(() => store.documents.forgetSession(doc.id, now()), { durable: true });
    doc.sessionId = null;
    doc.sessionsOpened++;
  };

  /** The bytes on this machine: the dropped file itself (unchanged), or xConnector's verified copy. */
  async function localBytes(doc: StoredDocument, name: string, signal: AbortSignal): Promise<Step<string>> {
    if (doc.source === 'desk') {
      const check = await checkDroppedFile(
        { path: doc.sourceRef, sizeBytes: doc.sizeBytes, sha256: doc.sha256, mtimeMs: doc.sourceMtimeMs },
        signal,
      );
      if (check.kind === 'failed') return check;
      if (check.mtimeMs !== doc.sourceMtimeMs) {
        store.documents.confirmUnchanged(doc.id, check.mtimeMs, now());
        doc.sourceMtimeMs = check.mtimeMs;
      }
      return { kind: 'ok', value: check.path };
    }
    const spooled = await spoolDocument(
      deps.ports.xconnector,
      deps.spoolDir,
      { documentId: doc.id, sourceRef: doc.sourceRef, sha256: doc.sha256, sizeBytes: doc.sizeBytes },
      signal,
    );
    if (spooled.kind === 'failed') return spooled;
    if (spooled.kind === 'error') {
      // xConnector being slow or down must not count against Trading Grid's health (this write is its).
      const systemWide = ['network', 'timeout', 'server', 'rate_limited'].includes(spooled.error.kind);
      return {
        kind: 'error',
        error: systemWide ? { ...spooled.error, kind: `source_${spooled.error.kind}` } : spooled.error,
      };
    }
    // xConnector's word for the type is checked like a dropped file's: by the name and the bytes.
    let head: Buffer;
    try {
      head = await spooledHead(spooled, doc.sizeBytes);
    } catch (error) {
      return {
        kind: 'error',
        error: { kind: 'internal', message: fileProblem(error), retryable: true, maybeApplied: false },
      };
    }
    const type = detectFileType(name, head, settings.fileTypes);
    if (!type.ok) return { kind: 'failed', reason: type.reason };
    return { kind: 'ok', value: spooled.path };
  }

  /** The session to send into: remembered, found by correlation reference, or newly opened. */
  async function session(
    doc: StoredDocument,
    name: string,
    contentType: string,
    issueId: string,
    entry: OutboxEntry,
    previousAttempts: number,
    signal: AbortSignal,
  ): Promise<Result<UploadSession, RemoteError>> {
    const fits = (s: UploadSession) =>
      s.issueId === issueId && s.sha256 === doc.sha256 && s.sizeBytes === doc.sizeBytes && s.state === 'open';
    const hadSession = doc.sessionId !== null;
    if (doc.sessionId) {
      const r = await tg.getUploadSession(doc.sessionId, signal);
      if (r.ok && fits(r.value)) return r;
      if (!r.ok && r.error.kind !== 'not_found') return r;
      forgetSession(doc);
    }
    if (previousAttempts > 0 || hadSession) {
      // A create whose answer was lost left a session behind: continue it rather than open another.
      const found = await tg.findUploadSessions(entry.correlationRef, signal);
      if (!found.ok) return found;
      const open = found.value.filter(fits).sort((a, b) => b.receivedBytes - a.receivedBytes)[0];
      if (open) {
        store.transaction(() => store.documents.setSession(doc.id, open.id, now()), { durable: true });
        return ok(open);
      }
    }
    const created = await tg.createUploadSession(
      issueId,
      {
        name,
        originalName: doc.originalName.slice(0, 1024),
        contentType,
        sizeBytes: doc.sizeBytes,
        sha256: doc.sha256,
        correlationRef: entry.correlationRef,
      },
      `${entry.idempotencyKey}/session/${doc.sessionsOpened}`,
      signal,
    );
    if (!created.ok) {
      // A lost answer may have opened one: the next attempt looks it up by correlation reference.
      if (created.error.kind === 'invalid_response')
        return err({ ...created.error, retryable: true, maybeApplied: true });
      return created;
    }
    store.transaction(() => store.documents.setSession(doc.id, created.value.id, now()), { durable: true });
    return created;
  }

  /** Chunks from the session's offset to the end, then completion. */
  async function send(
    doc: StoredDocument,
    name: string,
    path: string,
    start: UploadSession,
    entry: OutboxEntry,
    maxChunk: number,
    signal: AbortSignal,
  ): Promise<Result<Delivered, RemoteError>> {
    const size = doc.sizeBytes;
    const sessionId = start.id;
    let offset = start.receivedBytes;
    let stalls = 0;
    const stalled = async (error: RemoteError): Promise<Result<number, RemoteError>> => {
      stalls++;
      if (stalls > settings.stallRetries || signal.aborted) return err(error);
      await deps.sleep(
        Math.min(5_000, error.retryAfterMs ?? settings.chunkRetryBaseMs * 2 ** (stalls - 1)),
        signal,
      );
      const s = await tg.getUploadSession(sessionId, signal);
      return s.ok ? ok(s.value.receivedBytes) : err(s.error);
    };
    const sessionGone = (): Result<Delivered, RemoteError> => {
      forgetSession(doc);
      return err({
        kind: 'not_found',
        message: `Trading Grid no longer has the upload session of "${name}" (it expired); the upload starts again.`,
        retryable: true,
        maybeApplied: false,
      });
    };
    report(doc, name, offset);
    for (;;) {
      while (offset < size) {
        const end = Math.min(offset + maxChunk, size) - 1;
        let readError: unknown = null;
        const from = offset;
        const r = await tg.uploadChunk(sessionId, {
          start: from,
          end,
          total: size,
          body: () => {
            const stream = createReadStream(path, {
              start: from,
              end,
              highWaterMark: readBufferFor(end - from + 1, 256 * 1024),
            });
            stream.on('error', (e) => (readError = e));
            return stream;
          },
          onProgress: (sent) => report(doc, name, from + sent),
          signal,
        });
        if (r.ok) {
          stalls = r.value.receivedBytes > offset ? 0 : stalls + 1;
          offset = r.value.receivedBytes;
          store.documents.setProgress(doc.id, offset, now());
          if (stalls > settings.stallRetries)
            return err({
              kind: 'server',
              message: `Trading Grid keeps answering without taking more of "${name}"; the upload will be tried again later.`,
              retryable: true,
              maybeApplied: false,
            });
          continue;
        }
        if (signal.aborted) return err(r.error);
        if (readError !== null || doc.source === 'desk') {
          // The file may have vanished or shrunk under the upload: that is the document's problem.
          const check = await checkDroppedFileOrRead(doc, path, readError);
          if (check) return failed(doc, check);
        }
        if (r.error.kind === 'not_found') return sessionGone();
        if (!TRANSIENT.has(r.error.kind)) return err(r.error);
        const resumed = await stalled(r.error);
        if (!resumed.ok) return resumed.error.kind === 'not_found' ? sessionGone() : err(resumed.error);
        offset = resumed.value;
      }
      report(doc, name, size);
      const done = await tg.completeUploadSession(sessionId, `${entry.idempotencyKey}/complete`, signal);
      if (done.ok) return attached(doc, done.value, false);
      if (done.error.status === 422) {
        forgetSession(doc);
        if (doc.source === 'desk') return failed(doc, CHANGED_DURING_UPLOAD);
        return err({
          ...done.error,
          retryable: true,
          message: `${done.error.message} The upload starts again.`,
        });
      }
      if (done.error.kind === 'not_found') return sessionGone();
      if (done.error.status !== 409) return err(done.error);
      // Trading Grid is missing bytes (a chunk was cut short): send the rest.
      const resumed = await stalled(done.error);
      if (!resumed.ok) return resumed.error.kind === 'not_found' ? sessionGone() : err(resumed.error);
      offset = resumed.value;
    }
  }

  async function checkDroppedFileOrRead(
    doc: StoredDocument,
    path: string,
    readError: unknown,
  ): Promise<string | null> {
    if (doc.source === 'desk') {
      const check = await checkDroppedFile({
        path,
        sizeBytes: doc.sizeBytes,
        sha256: doc.sha256,
        mtimeMs: doc.sourceMtimeMs,
      });
      if (check.kind === 'failed') return check.reason;
    }
    return readError === null ? null : `${fileProblem(readError)} Nothing was attached.`;
  }

  async function deliver(
    entry: OutboxEntry,
    previousAttempts: number,
  ): Promise<Result<Delivered, RemoteError>> {
    const signal = stopping.signal;
    const { documentId } = entry.payload as AttachPayload;
    const doc = store.documents.get(documentId);
    if (!doc)
      return err({
        kind: 'internal',
        message: `Document #${documentId} is no longer in Partner Desk's records.`,
        retryable: false,
        maybeApplied: false,
      });
    if (doc.outboxKey !== entry.idempotencyKey || doc.state === 'attached' || doc.state === 'failed') {
      const value: TransferOutcome = { outcome: 'superseded', documentId: doc.id };
      return ok({ remoteId: doc.attachmentId, recovered: false, value });
    }
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
      const existing = oldest(found.value);
      if (existing) return attached(doc, existing, true);
    }

    // 2. What it is called and what it is, judged here with the settings in force.
    const name = sanitizeFileName(doc.originalName, settings.maxNameChars).name;
    if (name !== doc.name) store.documents.rename(doc.id, name, now());
    const bytes = await localBytes(doc, name, signal);
    if (bytes.kind === 'failed') return failed(doc, bytes.reason);
    if (bytes.kind === 'error') return err(bytes.error);
    const rule = settings.fileTypes.find((t) => t.extensions.includes(extensionOf(name)));
    if (!rule) return failed(doc, `Files like "${name}" are not accepted as case documents.`);
    const { policy } = await deps.policies.get(signal);
    const refusal = refusalByPolicy(
      { sizeBytes: doc.sizeBytes, contentType: rule.contentType, label: rule.label },
      policy,
    );
    if (refusal) return failed(doc, refusal);

    // 3. The session.
    const s = await session(doc, name, rule.contentType, issueId, entry, previousAttempts, signal);
    if (!s.ok) {
      // Trading Grid refusing the file itself (too large, type not accepted) is final for this document.
      if (s.error.status === 413 || s.error.status === 415)
        return failed(doc, `Trading Grid refused the file: ${s.error.message}`);
      return s;
    }
    // 4–5. The bytes, then completion.
    const maxChunk = Math.min(settings.chunkBytes, policy.maxChunkBytes ?? Number.MAX_SAFE_INTEGER);
    return send(doc, name, bytes.value, s.value, entry, maxChunk, signal);
  }

  return {
    async deliver(entry, previousAttempts) {
      try {
        return await deliver(entry, previousAttempts);
      } catch (error) {
        deps.logger.error({ err: error, outboxId: entry.id }, 'document upload failed unexpectedly');
        return err({
          kind: 'internal',
          message: `Uploading the document failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
          retryable: true,
          maybeApplied: true,
        });
      }
    },
    halt() {
      stopping.abort();
      stopping = new AbortController();
    },
  };
}
