// Whether Trading Grid will take a file of this size and type, with the reason in words when not.
import type { AttachmentPolicy } from '../../shared/domain/document.ts';
import { byteWords } from './byteWords.ts';

export interface FileFacts {
  sizeBytes: number;
  contentType: string;
  /** What a person calls the type: "PDF document". */
  label: string;
}

/** Null when Trading Grid accepts the file; otherwise why not, naming the limit. */
export function refusalByPolicy(file: FileFacts, policy: AttachmentPolicy): string | null {
  if (file.sizeBytes === 0) return 'The file is empty (0 bytes), so there is nothing to attach.';
  if (file.sizeBytes > policy.maxBytes) {
    const [size, limit] = sizeAndLimitWords(file.sizeBytes, policy.maxBytes);
    return `The file is too large: ${size}, and Trading Grid accepts files up to ${limit}.`;
  }
  if (!policy.allowedContentTypes.includes(file.contentType))
    return `Trading Grid does not accept ${file.label}s (${file.contentType}) as attachments.`;
  return null;
}

/** Null when the desk's own size limit (Settings → Documents) takes the file; otherwise why not. */
export function refusalByDeskLimit(sizeBytes: number, maxFileBytes: number | null): string | null {
  if (maxFileBytes === null || sizeBytes <= maxFileBytes) return null;
  const [size, limit] = sizeAndLimitWords(sizeBytes, maxFileBytes);
  return `The file is too large: ${size}, and this desk takes files up to ${limit} (Settings → Documents).`;
}

/** A size and its limit in words, or in exact bytes when the rounded words agree. */
function sizeAndLimitWords(sizeBytes: number, maxBytes: number): [string, string] {
  const size = byteWords(sizeBytes);
  const limit = byteWords(maxBytes);
  // "1 GB, limit 1 GB" would puzzle anyone.
  return size === limit ? [`${sizeBytes} bytes`, `${maxBytes} bytes`] : [size, limit];
}
