// What every part of one 997/999 decode writes to: the error and document lists (capped, see limits.ts), plus
// what an error needs from the acknowledgment as a whole (its delimiters and X12 version).
import { DocumentCollector, ErrorCollector } from './limits.ts';
import { clipRaw } from './text.ts';
import type { X12Delimiters, X12Segment } from './x12Envelope.ts';

export interface X12AckOutput {
  readonly errors: ErrorCollector;
  readonly documents: DocumentCollector;
  readonly delimiters: X12Delimiters;
  /** GS08, else ST03, as read so far: codes whose meaning changed between versions decode by it. */
  readonly version: () => string | undefined;
  /** The segments an error came from, each clipped, written back with the partner's terminator. */
  readonly raw: (...segments: (X12Segment | undefined)[]) => string;
}

export function openX12AckOutput(delimiters: X12Delimiters, version: () => string | undefined): X12AckOutput {
  // A newline terminator is written between segments only, so the raw text has no trailing blank line.
  const newlineTerminated = delimiters.segment === '\n';
  return {
    errors: new ErrorCollector(),
    documents: new DocumentCollector(),
    delimiters,
    version,
    raw: (...segments) =>
      segments
        .filter((s) => s !== undefined)
        .map((s) => clipRaw(s.raw) + (newlineTerminated ? '' : delimiters.segment))
        .join(newlineTerminated ? '\n' : ''),
  };
}
