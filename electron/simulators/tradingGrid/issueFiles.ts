// The bytes of the files partners attach to their comments in Trading Grid, served by the comment
// attachment content endpoint (with the whole file's SHA-256 in a header and in the metadata).
import { createHash } from 'node:crypto';
import type { CommentAttachment } from '../../../shared/domain/comment.ts';

/** A file a partner attaches: its name, type and bytes. */
export interface PartnerFileInput {
  name: string;
  contentType: string;
  content: Buffer;
  documentType?: string;
}

export class IssueFiles {
  /** Pause between 64 KB slices of a download (0: as fast as the connection goes). */
  sliceDelayMs = 0;
  private readonly bytes = new Map<string, Buffer>();
  private counter = 0;

  /** Keeps the bytes and returns the attachment's metadata as comments carry it. */
  add(file: PartnerFileInput): CommentAttachment {
    this.counter++;
    const id = `PF-${String(this.counter).padStart(7, '0')}`;
    this.bytes.set(id, file.content);
    return {
      id,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      ...(file.documentType ? { documentType: file.documentType } : {}),
    };
  }

  content(attachmentId: string): Buffer | undefined {
    return this.bytes.get(attachmentId);
  }

  /** Replaces a file's bytes after the fact (a test of a server sending something else). */
  corrupt(attachmentId: string, content: Buffer): void {
    if (this.bytes.has(attachmentId)) this.bytes.set(attachmentId, content);
  }
}
