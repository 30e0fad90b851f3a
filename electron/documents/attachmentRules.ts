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
    const size = byteWords(file.sizeBytes);
    const limit = byteWords(policy.maxBytes);
    // "1 GB, limit 1 GB" would puzzle anyone: show the exact bytes when the rounded words agree.
    const [shownSize, shownLimit] =
      size === limit ? [`${file.sizeBytes} bytes`, `${policy.maxBytes} bytes`] : [size, limit];
    return `The file is too large: ${shownSize}, and Trading Grid accepts files up to ${shownLimit}.`;
  }
  if (!policy.allowedContentTypes.includes(file.contentType))
    return `Trading Grid does not accept ${file.label}s (${file.contentType}) as attachments.`;
  return null;
}
