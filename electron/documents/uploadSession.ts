// The life of a document's resumable upload session in Trading Grid. The session the document's row
// remembers is continued while it still fits; one whose create answer was lost is found by correlation
// reference rather than opened twice; a new one is remembered durably before any byte is sent, so a
// crash never leaves bytes in a session the desk does not know about. A session that expired or went
// wrong is forgotten, and the next one gets a new idempotency key (the count of sessions opened).
import type { UploadSession } from '../../shared/domain/document.ts';
import type { RemoteError } from '../engine/ports.ts';
import { err, ok, type Result } from '../http/result.ts';
import type { StoredDocument } from '../store/documents.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type { Store } from '../store/store.ts';
import type { TradingGridAttachmentPort } from './documentPorts.ts';

export interface UploadSessionDeps {
  store: Store;
  tg: TradingGridAttachmentPort;
  now: () => number;
}

export interface SessionRequest {
  doc: StoredDocument;
  /** The sanitized name Trading Grid is given. */
  name: string;
  contentType: string;
  issueId: string;
  entry: OutboxEntry;
  previousAttempts: number;
  signal: AbortSignal;
}

export function forgetSession(deps: UploadSessionDeps, doc: StoredDocument): void {
  deps.store.transaction(() => deps.store.documents.forgetSession(doc.id, deps.now()), { durable: true });
  doc.sessionId = null;
  doc.sessionsOpened++;
}

function rememberSession(deps: UploadSessionDeps, doc: StoredDocument, sessionId: string): void {
  deps.store.transaction(() => deps.store.documents.setSession(doc.id, sessionId, deps.now()), {
    durable: true,
  });
}

/** The session to send into: remembered, found by correlation reference, or newly opened. */
export async function openUploadSession(
  deps: UploadSessionDeps,
  r: SessionRequest,
): Promise<Result<UploadSession, RemoteError>> {
  const { doc, entry, signal } = r;
  const tg = deps.tg;
  const fits = (s: UploadSession) =>
    s.issueId === r.issueId && s.sha256 === doc.sha256 && s.sizeBytes === doc.sizeBytes && s.state === 'open';
  const hadSession = doc.sessionId !== null;
  if (doc.sessionId) {
    const remembered = await tg.getUploadSession(doc.sessionId, signal);
    if (remembered.ok && fits(remembered.value)) return remembered;
    if (!remembered.ok && remembered.error.kind !== 'not_found') return remembered;
    forgetSession(deps, doc);
  }
  if (r.previousAttempts > 0 || hadSession) {
    // A create whose answer was lost left a session behind: continue it rather than open another.
    const found = await tg.findUploadSessions(entry.correlationRef, signal);
    if (!found.ok) return found;
    const open = found.value.filter(fits).sort((a, b) => b.receivedBytes - a.receivedBytes)[0];
    if (open) {
      rememberSession(deps, doc, open.id);
      return ok(open);
    }
  }
  const created = await tg.createUploadSession(
    r.issueId,
    {
      name: r.name,
      originalName: doc.originalName.slice(0, 1024),
      contentType: r.contentType,
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
  rememberSession(deps, doc, created.value.id);
  return created;
}
