// The documents of each case (flow 2): what is queued, uploading (with the Trading Grid session it
// resumes), attached or failed. One row per distinct content per case, so the same bytes can never be
// queued twice for one case, whichever way they came.
import type { Db } from './database.ts';

export type DocumentSource = 'xconnector' | 'desk';
export type DocumentState = 'queued' | 'uploading' | 'attached' | 'failed';

export interface StoredDocument {
  id: number;
  uploadId: string;
  caseId: string;
  sha256: string;
  name: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  source: DocumentSource;
  sourceRef: string;
  sourceMtimeMs: number | null;
  kind: string | null;
  state: DocumentState;
  generation: number;
  outboxKey: string;
  sessionId: string | null;
  sessionsOpened: number;
  sentBytes: number;
  attachmentId: string | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  attachedAt: number | null;
}

export type NewDocument = Pick<
  StoredDocument,
  | 'uploadId'
  | 'caseId'
  | 'sha256'
  | 'name'
  | 'originalName'
  | 'contentType'
  | 'sizeBytes'
  | 'source'
  | 'sourceRef'
  | 'sourceMtimeMs'
  | 'kind'
  | 'outboxKey'
> & { state?: 'queued' | 'failed'; error?: string | null };

/** A document as the case view lists it: a write that ended on the dead-letter list counts as failed. */
export interface ListedDocument extends StoredDocument {
  outboxState: string | null;
  outboxError: string | null;
}

const columns = `d.id, d.upload_id AS uploadId, d.case_id AS caseId, d.sha256, d.name, d.original_name AS originalName,
  d.content_type AS contentType, d.size_bytes AS sizeBytes, d.source, d.source_ref AS sourceRef,
  d.source_mtime_ms AS sourceMtimeMs, d.kind, d.state, d.generation, d.outbox_key AS outboxKey,
  d.session_id AS sessionId, d.sessions_opened AS sessionsOpened, d.sent_bytes AS sentBytes, d.attachment_id AS attachmentId, d.error,
  d.created_at AS createdAt, d.updated_at AS updatedAt, d.attached_at AS attachedAt`;

export function createDocumentStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO case_documents (upload_id, case_id, sha256, name, original_name, content_type, size_bytes, source,
       source_ref, source_mtime_ms, kind, state, outbox_key, error, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const byId = db.prepare(`SELECT ${columns} FROM case_documents d WHERE d.id = ?`);
  const byContent = db.prepare(
    `SELECT ${columns} FROM case_documents d WHERE d.case_id = ? AND d.sha256 = ?`,
  );
  const bySource = db.prepare(
    `SELECT ${columns} FROM case_documents d WHERE d.source = ? AND d.source_ref = ? ORDER BY d.id`,
  );
  const list = db.prepare(
    `SELECT ${columns}, o.state AS outboxState, o.last_error AS outboxError
     FROM case_documents d LEFT JOIN outbox o ON o.idempotency_key = d.outbox_key
     WHERE d.case_id = ? ORDER BY d.id LIMIT ?`,
  );
  const retry = db.prepare(
    `UPDATE case_documents SET state = 'queued', generation = generation + 1, upload_id = ?, outbox_key = ?, name = ?,
       original_name = ?, source = ?, source_ref = ?, source_mtime_ms = ?, kind = ?, session_id = NULL,
       sent_bytes = 0, error = NULL, updated_at = ?
     WHERE id = ? AND state = 'failed'`,
  );
  const session = db.prepare(
    `UPDATE case_documents SET session_id = ?, state = 'uploading', updated_at = ? WHERE id = ? AND state IN ('queued', 'uploading')`,
  );
  const progress = db.prepare(
    `UPDATE case_documents SET sent_bytes = ?, state = 'uploading', updated_at = ? WHERE id = ? AND state IN ('queued', 'uploading')`,
  );
  const attached = db.prepare(
    `UPDATE case_documents SET state = 'attached', attachment_id = ?, sent_bytes = size_bytes, error = NULL,
       attached_at = ?, updated_at = ? WHERE id = ? AND state <> 'attached'`,
  );
  const failed = db.prepare(
    `UPDATE case_documents SET state = 'failed', error = ?, session_id = NULL, updated_at = ? WHERE id = ? AND state <> 'attached'`,
  );
  const forget = db.prepare(
    `UPDATE case_documents SET session_id = NULL, sessions_opened = sessions_opened + 1, updated_at = ? WHERE id = ?`,
  );
  const rename = db.prepare(`UPDATE case_documents SET name = ?, updated_at = ? WHERE id = ?`);
  const stillHashed = db.prepare(
    `UPDATE case_documents SET source_mtime_ms = ?, updated_at = ? WHERE id = ?`,
  );

  return {
    /** Returns the new row's id, or null when this content is already on the case. */
    add(d: NewDocument, now: number): number | null {
      const r = insert.run(
        d.uploadId,
        d.caseId,
        d.sha256,
        d.name,
        d.originalName,
        d.contentType,
        d.sizeBytes,
        d.source,
        d.sourceRef,
        d.sourceMtimeMs,
        d.kind,
        d.state ?? 'queued',
        d.outboxKey,
        d.error ?? null,
        now,
        now,
      );
      return r.changes > 0 ? Number(r.lastInsertRowid) : null;
    },
    get(id: number): StoredDocument | undefined {
      return byId.get(id) as StoredDocument | undefined;
    },
    byContent(caseId: string, sha256: string): StoredDocument | undefined {
      return byContent.get(caseId, sha256) as StoredDocument | undefined;
    },
    bySource(source: DocumentSource, sourceRef: string): StoredDocument[] {
      return bySource.all(source, sourceRef) as unknown as StoredDocument[];
    },
    listForCase(caseId: string, limit = 500): ListedDocument[] {
      return list.all(caseId, limit) as unknown as ListedDocument[];
    },
    /** A failed document is tried again (dropped again, or re-sent by xConnector) under a new outbox key. */
    retry(
      id: number,
      d: Pick<
        NewDocument,
        'uploadId' | 'outboxKey' | 'name' | 'originalName' | 'source' | 'sourceRef' | 'sourceMtimeMs' | 'kind'
      >,
      now: number,
    ): boolean {
      return (
        retry.run(
          d.uploadId,
          d.outboxKey,
          d.name,
          d.originalName,
          d.source,
          d.sourceRef,
          d.sourceMtimeMs,
          d.kind,
          now,
          id,
        ).changes > 0
      );
    },
    /** The Trading Grid upload session this document resumes. */
    setSession(id: number, sessionId: string, now: number): void {
      session.run(sessionId, now, id);
    },
    /** The session expired or its bytes were refused: the next one starts from zero, under a new key. */
    forgetSession(id: number, now: number): void {
      forget.run(now, id);
    },
    rename(id: number, name: string, now: number): void {
      rename.run(name, now, id);
    },
    setProgress(id: number, sentBytes: number, now: number): void {
      progress.run(sentBytes, now, id);
    },
    markAttached(id: number, attachmentId: string, now: number): boolean {
      return attached.run(attachmentId, now, now, id).changes > 0;
    },
    markFailed(id: number, error: string, now: number): boolean {
      return failed.run(error, now, id).changes > 0;
    },
    /** The dropped file changed its modification time but not its bytes. */
    confirmUnchanged(id: number, mtimeMs: number, now: number): void {
      stillHashed.run(mtimeMs, now, id);
    },
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
