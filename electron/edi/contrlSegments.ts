// The segments an EDIFACT CONTRL is made of: which ones it may start with, how many data elements each may
// carry, reading a component, and the S011 data element identification that UCD and the response levels use.
import type { EdifactSegment } from './edifactEnvelope.ts';
import { MAX_ELEMENTS_COLLECTED } from './limits.ts';
import { toPosition } from './text.ts';

/** Maximum data elements per segment (ISO 9735 version 4, which is a superset of version 3 here). */
const MAX_ELEMENTS: Readonly<Record<string, number>> = {
  UNB: 11,
  UNZ: 2,
  UNG: 8,
  UNE: 2,
  UNH: 7,
  UNT: 2,
  UCI: 9,
  UCF: 9,
  UCM: 8,
  UCS: 2,
  UCD: 2,
};

/** Segments an EDIFACT CONTRL can start with (full interchange, bare message or bare response segments). */
export const EDIFACT_FIRST_SEGMENTS: ReadonlySet<string> = new Set([
  'UNA',
  'UNB',
  'UNG',
  'UNH',
  'UCI',
  'UCF',
  'UCM',
]);

/** Segments that end a foreign (non-CONTRL) message: everything else inside one is skipped. */
export const EDIFACT_ENVELOPE_SEGMENTS: ReadonlySet<string> = new Set(['UNT', 'UNH', 'UNE', 'UNZ']);

/** Component `index` of data element `element`, trimmed; a missing segment, element or component reads ''. */
export const component = (segment: EdifactSegment | undefined, element: number, index = 0): string =>
  (segment?.elements[element]?.[index] ?? '').trim();

/** Why the segment carries more data elements than the syntax allows, or undefined when it does not. */
export function elementCountProblem(segment: EdifactSegment): string | undefined {
  const max = MAX_ELEMENTS[segment.tag];
  if (max === undefined) return undefined;
  let count = segment.elementCount;
  if (count <= MAX_ELEMENTS_COLLECTED) {
    // Trailing empty elements are sloppy but harmless; only real extra data is an error.
    while (count > max && (segment.elements[count] ?? []).every((c) => c.trim() === '')) count -= 1;
  }
  return count > max
    ? `Segment ${segment.tag} (segment ${segment.ordinal} of the acknowledgment) has ${count} data elements; ` +
        `the EDIFACT syntax allows at most ${max}`
    : undefined;
}

export interface ElementIdentification {
  elementPosition: number | undefined;
  componentPosition: number | undefined;
  repetitionPosition: number | undefined;
}

/** S011 data element identification: position in segment, component position, occurrence (version 4). */
export function elementIdentification(segment: EdifactSegment, index: number): ElementIdentification {
  return {
    elementPosition: toPosition(component(segment, index, 0)),
    componentPosition: toPosition(component(segment, index, 1)),
    repetitionPosition: toPosition(component(segment, index, 2)),
  };
}

/** ', data element 3, component 1, occurrence 2' — empty when no position was named. */
export function elementPart(id: ElementIdentification): string {
  if (id.elementPosition === undefined) return '';
  let text = `, data element ${id.elementPosition}`;
  if (id.componentPosition !== undefined) text += `, component ${id.componentPosition}`;
  if (id.repetitionPosition !== undefined) text += `, occurrence ${id.repetitionPosition}`;
  return text;
}
