// What the engine tells the window about a document's upload, file by file: queued, uploading (with
// bytes), attached, failed, refused (with why), or a duplicate of one already on the case.
export type DocumentProgressState = 'queued' | 'uploading' | 'attached' | 'failed' | 'refused' | 'duplicate';

export interface DocumentProgress {
  uploadId: string;
  caseId: string;
  name: string;
  sentBytes: number;
  totalBytes: number;
  state: DocumentProgressState;
  message?: string;
}
