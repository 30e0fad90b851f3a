// Migration 3: dispute documents (flow 2). One row per distinct content (SHA-256) per case, from
// either path (xConnector's dispute documents, files a person dropped), with the upload's progress:
// the Trading Grid upload session it resumes and the attachment it became.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE case_documents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      -- What the window follows the upload by (progress events, the case's document list).
      upload_id TEXT NOT NULL UNIQUE,
      case_id TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      -- Sanitised, and as the person or xConnector gave it.
      name TEXT NOT NULL,
      original_name TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      -- 'xconnector' (source_ref is xConnector's document id) or 'desk' (source_ref is the file's path).
      source TEXT NOT NULL,
      source_ref TEXT NOT NULL,
      -- For a dropped file: its modification time when it was fingerprinted, to notice a later change.
      source_mtime_ms REAL,
      kind TEXT,
      -- queued → uploading → attached, or failed (with error).
      state TEXT NOT NULL,
      -- Bumped when a failed document is tried again; part of the outbox idempotency key.
      generation INTEGER NOT NULL DEFAULT 1,
      outbox_key TEXT NOT NULL,
      session_id TEXT,
      -- Sessions given up (expired, or their bytes did not match): part of the next session's idempotency key.
      sessions_opened INTEGER NOT NULL DEFAULT 0,
      sent_bytes INTEGER NOT NULL DEFAULT 0,
      attachment_id TEXT,
      error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      attached_at INTEGER,
      -- The same bytes are attached to a case once, whichever way they came.
      UNIQUE (case_id, sha256)
    );
    CREATE INDEX case_documents_by_case ON case_documents (case_id, id);
    CREATE INDEX case_documents_by_source ON case_documents (source, source_ref);
  `);
}
