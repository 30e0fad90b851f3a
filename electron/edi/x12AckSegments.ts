// The segments an X12 997/999 is made of: which ones an acknowledgment may start with, how many data elements
// each may carry, and reading an element's value. Kept apart from the walker so the shape of the standard is
// in one place and the decoding logic reads without it.
import { MAX_ELEMENTS_COLLECTED } from './limits.ts';
import type { X12Segment } from './x12Envelope.ts';

/** Maximum data elements per segment in the 997/999 and envelopes (ASC X12 005010 segment directory). */
const MAX_ELEMENTS: Readonly<Record<string, number>> = {
  ISA: 16,
  IEA: 2,
  GS: 8,
  GE: 2,
  ST: 3,
  SE: 2,
  TA1: 5,
  AK1: 3,
  AK2: 3,
  AK3: 4,
  AK4: 4,
  AK5: 6,
  AK9: 9,
  IK3: 4,
  IK4: 4,
  IK5: 6,
  CTX: 6,
};

const ACK_SEGMENTS = new Set(['AK1', 'AK2', 'AK3', 'AK4', 'AK5', 'AK9', 'IK3', 'IK4', 'IK5', 'CTX']);
/** Segments an X12 acknowledgment can start with (full interchange, bare group, bare set or bare AKs). */
export const X12_FIRST_SEGMENTS: ReadonlySet<string> = new Set(['ISA', 'GS', 'ST', 'TA1', ...ACK_SEGMENTS]);

/** Segments that end a foreign (non-997/999) transaction set: everything else inside one is skipped. */
export const X12_ENVELOPE_SEGMENTS: ReadonlySet<string> = new Set(['SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);

/** Element `index` as written (XX01 = 1); a missing segment or element reads as ''. */
export const value = (segment: X12Segment | undefined, index: number): string =>
  segment?.elements[index] ?? '';
/** Element `index` as a code: surrounding blanks are padding, not part of the code. */
export const code = (segment: X12Segment | undefined, index: number): string => value(segment, index).trim();

/** Why the segment carries more data elements than the standard allows, or undefined when it does not. */
export function elementCountProblem(segment: X12Segment): string | undefined {
  const max = MAX_ELEMENTS[segment.id];
  if (max === undefined) return undefined;
  let count = segment.elementCount;
  if (count <= MAX_ELEMENTS_COLLECTED) {
    // Trailing empty elements are sloppy but harmless; only real extra data is an error.
    while (count > max && (segment.elements[count] ?? '').trim() === '') count -= 1;
  }
  return count > max
    ? `Segment ${segment.id} (segment ${segment.ordinal} of the acknowledgment) has ${count} data elements; ` +
        `the X12 standard allows at most ${max}`
    : undefined;
}
