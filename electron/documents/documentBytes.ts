// Bytes of a download that may start at an offset: shared by document and partner-file downloads, so
// neither port module needs the other's.
import type { Readable } from 'node:stream';

export interface DocumentBytes {
  /** True when the answer starts at the asked offset (206); false when it is the whole content (200). */
  partial: boolean;
  body: Readable;
}
