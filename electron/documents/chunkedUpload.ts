// The bytes of a document into its open upload session, chunk by chunk from the session's own offset,
// then the completion that attaches it. Chunks stream from disk, so memory stays flat whatever the
// size; the offset reached is stored after each chunk for the case view, and progress is reported while
// a chunk is on its way. After a break the session is asked where it stands and sending goes on from
// there, a few times within one attempt (a stall); past that, or when Trading Grid keeps answering
// without taking more, the outbox tries again later from where the upload stopped.
import { createReadStream } from 'node:fs';
import type { DocumentSettings } from '../../shared/config/documentSettings.ts';
import type { UploadSession } from '../../shared/domain/document.ts';
import type { RemoteError } from '../engine/ports.ts';
import { err, ok, type Result } from '../http/result.ts';
import type { StoredDocument } from '../store/documents.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import { readBufferFor } from './contentHash.ts';
import { attachedDocument, failedDocument, type Delivery } from './documentOutcome.ts';
import { sourceProblem } from './documentSource.ts';
import { CHANGED_DURING_UPLOAD } from './droppedFileCheck.ts';
import type { ProgressReporter } from './progressReporter.ts';
import { forgetSession, type UploadSessionDeps } from './uploadSession.ts';

export interface ChunkedUploadDeps extends UploadSessionDeps {
  settings: Pick<DocumentSettings, 'stallRetries' | 'chunkRetryBaseMs'>;
  progress: ProgressReporter;
  spoolDir: string;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ChunkedUpload {
  doc: StoredDocument;
  name: string;
  /** The bytes on this machine: the dropped file or the spooled copy. */
  path: string;
  session: UploadSession;
  entry: OutboxEntry;
  maxChunk: number;
  signal: AbortSignal;
}

/** Errors after which the same chunk may well go through: ask the session's offset and send again. */
const TRANSIENT = new Set(['network', 'timeout', 'server', 'rate_limited', 'conflict']);

/** Chunks from the session's offset to the end, then completion. */
export async function sendChunks(deps: ChunkedUploadDeps, u: ChunkedUpload): Promise<Delivery> {
  const { doc, name, path, signal } = u;
  const { settings, tg } = deps;
  const size = doc.sizeBytes;
  const sessionId = u.session.id;
  let offset = u.session.receivedBytes;
  let stalls = 0;
  const report = (sentBytes: number) =>
    deps.progress.report({
      uploadId: doc.uploadId,
      caseId: doc.caseId,
      name,
      sentBytes,
      totalBytes: doc.sizeBytes,
      state: 'uploading',
    });
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
  const sessionGone = (): Delivery => {
    forgetSession(deps, doc);
    return err({
      kind: 'not_found',
      message: `Trading Grid no longer has the upload session of "${name}" (it expired); the upload starts again.`,
      retryable: true,
      maybeApplied: false,
    });
  };
  report(offset);
  for (;;) {
    while (offset < size) {
      const end = Math.min(offset + u.maxChunk, size) - 1;
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
        onProgress: (sent) => report(from + sent),
        signal,
      });
      if (r.ok) {
        stalls = r.value.receivedBytes > offset ? 0 : stalls + 1;
        offset = r.value.receivedBytes;
        deps.store.documents.setProgress(doc.id, offset, deps.now());
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
        const problem = await sourceProblem(doc, path, readError);
        if (problem) return failedDocument(deps.spoolDir, doc, problem);
      }
      if (r.error.kind === 'not_found') return sessionGone();
      if (!TRANSIENT.has(r.error.kind)) return err(r.error);
      const resumed = await stalled(r.error);
      if (!resumed.ok) return resumed.error.kind === 'not_found' ? sessionGone() : err(resumed.error);
      offset = resumed.value;
    }
    report(size);
    const done = await tg.completeUploadSession(sessionId, `${u.entry.idempotencyKey}/complete`, signal);
    if (done.ok) return attachedDocument(deps.spoolDir, doc, done.value, false);
    if (done.error.status === 422) {
      // Trading Grid found other bytes than the fingerprint: a dropped file changed, a spooled copy is
      // uploaded again from the start in a new session.
      forgetSession(deps, doc);
      if (doc.source === 'desk') return failedDocument(deps.spoolDir, doc, CHANGED_DURING_UPLOAD);
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
