// Trading Grid's attachments, as the simulator keeps them: resumable upload sessions (opened, resumed,
// expired; each chunk request's body taken in by chunkIntake.ts, what arrived before a broken
// connection kept), completion into an attachment when the SHA-256 matches, and lookups by
// correlationRef. Every chunk request is logged so tests can see where an upload resumed.
import { createHash } from 'node:crypto';
import type { Attachment, NewUploadSession, UploadSession } from '../../../shared/domain/document.ts';
import type { Rng } from '../rng.ts';
import { AttachmentSimSettings, DEFAULT_ATTACHMENT_SETTINGS } from './attachmentSettings.ts';
import { takeChunk, type ChunkRecord, type SessionRecord } from './chunkIntake.ts';

export { AttachmentSimSettings, DEFAULT_ATTACHMENT_SETTINGS } from './attachmentSettings.ts';
export type { ChunkRecord } from './chunkIntake.ts';

export type ReceiveOutcome =
  | { kind: 'ok'; session: UploadSession }
  | { kind: 'offset_mismatch'; session: UploadSession }
  | { kind: 'busy' }
  | { kind: 'not_found' }
  | { kind: 'completed'; session: UploadSession };

export type CompleteOutcome =
  | { kind: 'ok'; attachment: Attachment; replayed: boolean }
  | { kind: 'not_found' }
  | { kind: 'incomplete'; session: UploadSession }
  | { kind: 'hash_mismatch'; expected: string; actual: string };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export class AttachmentState {
  settings: AttachmentSimSettings = { ...DEFAULT_ATTACHMENT_SETTINGS };
  readonly attachments = new Map<string, Attachment>();
  /** Bytes of attachments no larger than `keepContentBytes`, by attachment id. */
  readonly contents = new Map<string, Buffer>();
  sessionsCreated = 0;
  chunkRequests = 0;
  bytesReceived = 0;
  midBodyResets = 0;
  hashMismatches = 0;
  idempotentReplays = 0;

  private readonly sessions = new Map<string, SessionRecord>();
  private readonly sessionsByRef = new Map<string, string[]>();
  private readonly attachmentsByRef = new Map<string, string[]>();
  private readonly keys = new Map<string, string>();
  private readonly rng: Rng;
  private readonly clock: () => number;
  private sessionCounter = 0;
  private attachmentCounter = 0;

  constructor(rng: Rng, clock: () => number = Date.now) {
    this.rng = rng;
    this.clock = clock;
  }

  updateSettings(patch: Partial<AttachmentSimSettings>): AttachmentSimSettings {
    this.settings = AttachmentSimSettings.parse({ ...this.settings, ...patch });
    return this.settings;
  }

  policy(): { maxBytes: number; allowedContentTypes: string[]; maxChunkBytes: number } {
    const s = this.settings;
    return {
      maxBytes: s.maxBytes,
      allowedContentTypes: [...s.allowedContentTypes],
      maxChunkBytes: s.maxChunkBytes,
    };
  }

  /** Opens a session; a repeated Idempotency-Key (when honoured) returns the first one. */
  createSession(
    issueId: string,
    input: NewUploadSession,
    idempotencyKey: string | undefined,
    honourKeys: boolean,
  ): { session: UploadSession; replayed: boolean } {
    const replayedId = idempotencyKey && honourKeys ? this.keys.get(`session|${idempotencyKey}`) : undefined;
    // A key whose session has gone (expired) opens a new one: replaying a dead session helps nobody.
    const replayed = replayedId === undefined ? undefined : this.live(replayedId);
    if (replayed) {
      this.idempotentReplays++;
      return { session: { ...replayed.session }, replayed: true };
    }
    this.sessionCounter++;
    const now = this.clock();
    const session: UploadSession = {
      ...input,
      id: `UPL-${pad(this.sessionCounter, 7)}`,
      issueId,
      receivedBytes: 0,
      state: 'open',
      attachmentId: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.settings.sessionTtlSeconds * 1000).toISOString(),
    };
    this.sessions.set(session.id, {
      session,
      hash: createHash('sha256'),
      content: input.sizeBytes <= this.settings.keepContentBytes ? [] : null,
      chunks: [],
      busy: false,
      gone: false,
    });
    this.sessionsByRef.set(input.correlationRef, [
      ...(this.sessionsByRef.get(input.correlationRef) ?? []),
      session.id,
    ]);
    this.sessionsCreated++;
    if (idempotencyKey && honourKeys) this.keys.set(`session|${idempotencyKey}`, session.id);
    return { session: { ...session }, replayed: false };
  }

  /** The session, or undefined when unknown or expired (an expired session is forgotten). */
  session(id: string): UploadSession | undefined {
    const record = this.live(id);
    return record ? { ...record.session } : undefined;
  }

  findSessions(correlationRef: string): UploadSession[] {
    return (this.sessionsByRef.get(correlationRef) ?? [])
      .map((id) => this.live(id)?.session)
      .filter((s): s is UploadSession => s !== undefined)
      .map((s) => ({ ...s }));
  }

  findAttachments(correlationRef: string): Attachment[] {
    return (this.attachmentsByRef.get(correlationRef) ?? []).map(
      (id) => this.attachments.get(id) as Attachment,
    );
  }

  /** Every chunk request of a session, in arrival order (tests read where an upload resumed). */
  chunkLog(sessionId: string): ChunkRecord[] {
    return [...(this.sessions.get(sessionId)?.chunks ?? [])];
  }

  /** Sessions ever opened for a correlationRef, expired and dropped ones included, with their chunk logs. */
  sessionHistory(correlationRef: string): { session: UploadSession; chunks: ChunkRecord[] }[] {
    return (this.sessionsByRef.get(correlationRef) ?? []).map((id) => {
      const r = this.sessions.get(id) as SessionRecord;
      return { session: { ...r.session }, chunks: [...r.chunks] };
    });
  }

  /**
   * Appends the bytes of one chunk request starting at `start`. Bytes before the session's offset are
   * skipped (a resent chunk), a start past it is refused, and whatever arrives before the connection
   * breaks is kept. `cut` destroys the connection once part of the body arrived (a simulated reset).
   */
  async receive(
    id: string,
    start: number,
    body: AsyncIterable<Buffer>,
    cut: () => void,
  ): Promise<ReceiveOutcome> {
    const record = this.live(id);
    if (!record) return { kind: 'not_found' };
    const s = record.session;
    if (s.state === 'completed') return { kind: 'completed', session: { ...s } };
    if (start > s.receivedBytes) return { kind: 'offset_mismatch', session: { ...s } };
    if (record.busy) return { kind: 'busy' };
    this.chunkRequests++;
    // The cut falls within the first 32 KiB still to come, so a chosen cut always happens, whatever the
    // client's chunk size (a cut planned past the end of a small chunk would silently not be one).
    const remaining = Math.max(1, s.sizeBytes - s.receivedBytes);
    const cutAfter = this.rng.chance(this.settings.midBodyResetRate)
      ? this.rng.int(1, Math.min(32 * 1024, remaining))
      : null;
    await takeChunk(
      record,
      start,
      body,
      { cutAfter, bytesPerSecond: this.settings.receiveBytesPerSecond },
      {
        received: (bytes) => {
          this.bytesReceived += bytes;
        },
        cut: () => {
          this.midBodyResets++;
          cut();
        },
      },
    );
    return { kind: 'ok', session: { ...s } };
  }

  /** Completes a session into an attachment once every byte arrived and the SHA-256 matches. */
  complete(id: string): CompleteOutcome {
    const record = this.live(id);
    if (!record) return { kind: 'not_found' };
    const s = record.session;
    if (s.state === 'completed' && s.attachmentId) {
      return { kind: 'ok', attachment: this.attachments.get(s.attachmentId) as Attachment, replayed: true };
    }
    if (s.receivedBytes !== s.sizeBytes) return { kind: 'incomplete', session: { ...s } };
    const actual = record.hash.copy().digest('hex');
    if (actual !== s.sha256) {
      this.hashMismatches++;
      // The bytes are useless: the session is dropped, and a new upload must start from zero.
      record.gone = true;
      return { kind: 'hash_mismatch', expected: s.sha256, actual };
    }
    this.attachmentCounter++;
    const attachment: Attachment = {
      id: `ATT-${pad(this.attachmentCounter, 7)}`,
      issueId: s.issueId,
      name: s.name,
      ...(s.originalName !== undefined ? { originalName: s.originalName } : {}),
      contentType: s.contentType,
      sizeBytes: s.sizeBytes,
      sha256: s.sha256,
      correlationRef: s.correlationRef,
      createdAt: new Date(this.clock()).toISOString(),
    };
    this.attachments.set(attachment.id, attachment);
    this.attachmentsByRef.set(s.correlationRef, [
      ...(this.attachmentsByRef.get(s.correlationRef) ?? []),
      attachment.id,
    ]);
    if (record.content) this.contents.set(attachment.id, Buffer.concat(record.content));
    s.state = 'completed';
    s.attachmentId = attachment.id;
    record.content = null;
    return { kind: 'ok', attachment, replayed: false };
  }

  stats(): {
    attachments: number;
    sessionsCreated: number;
    chunkRequests: number;
    bytesReceived: number;
    midBodyResets: number;
    hashMismatches: number;
    idempotentReplays: number;
    duplicates: string[];
  } {
    return {
      attachments: this.attachments.size,
      sessionsCreated: this.sessionsCreated,
      chunkRequests: this.chunkRequests,
      bytesReceived: this.bytesReceived,
      midBodyResets: this.midBodyResets,
      hashMismatches: this.hashMismatches,
      idempotentReplays: this.idempotentReplays,
      duplicates: this.duplicates(),
    };
  }

  /** Attachments of one issue, oldest first. */
  attachmentsOf(issueId: string): Attachment[] {
    return [...this.attachments.values()].filter((a) => a.issueId === issueId);
  }

  /** correlationRefs carried by more than one attachment. Empty when all is well. */
  duplicates(): string[] {
    return [...this.attachmentsByRef]
      .filter(([, ids]) => ids.length > 1)
      .map(([ref]) => ref)
      .sort();
  }

  /** `issueId sha256` pairs where the same bytes are attached to one issue more than once. */
  duplicateContent(): string[] {
    const seen = new Map<string, number>();
    for (const a of this.attachments.values()) {
      const key = `${a.issueId} ${a.sha256}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen]
      .filter(([, n]) => n > 1)
      .map(([k]) => k)
      .sort();
  }

  private live(id: string): SessionRecord | undefined {
    const record = this.sessions.get(id);
    if (!record || record.gone) return undefined;
    if (record.session.state === 'open' && Date.parse(record.session.expiresAt) <= this.clock()) {
      record.gone = true;
      record.content = null;
      return undefined;
    }
    return record;
  }
}
