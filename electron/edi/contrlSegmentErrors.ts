// One UCS segment error with its UCD data element errors, turned into errors once the walker has seen all of
// it (the next UCS, UCM or envelope segment closes it). UCS points at a segment inside the last UCM's message
// and UCD at a data element inside the last UCS's segment. A UCS that carries no code of its own but has UCD
// children is folded into them (the UCDs say more and carry it in raw).
import { EDIFACT_0085 } from './codes/edifact0085.ts';
import type { ContrlOutput } from './contrlOutput.ts';
import { reportCode } from './contrlOutput.ts';
import { component, elementIdentification, elementPart } from './contrlSegments.ts';
import type { EdifactSegment } from './edifactEnvelope.ts';
import { definedOnly } from './explain.ts';
import { MAX_ERRORS } from './limits.ts';
import { toPosition } from './text.ts';

export interface SegmentReport {
  /** Undefined when UCDs arrive with no UCS before them. */
  segment: EdifactSegment | undefined;
  /** At most MAX_ERRORS UCDs: more can never be shown, so the rest are only counted. */
  elements: EdifactSegment[];
  elementsOnlyCounted: number;
}

export function openSegmentReport(segment: EdifactSegment | undefined): SegmentReport {
  return { segment, elements: [], elementsOnlyCounted: 0 };
}

export function addElementError(report: SegmentReport, segment: EdifactSegment): void {
  if (report.elements.length < MAX_ERRORS) report.elements.push(segment);
  else report.elementsOnlyCounted += 1;
}

/** `messageLabel` names the message the segment sits in, read when an error is built. */
export function reportSegmentErrors(
  out: ContrlOutput,
  report: SegmentReport,
  messageLabel: () => string,
): void {
  const code = component(report.segment, 2);
  const position = (): number | undefined => toPosition(component(report.segment, 1));
  const where = (at: number | undefined): string =>
    `${messageLabel()}, segment ${at === undefined ? 'at an unknown position' : `at position ${at}`}`;
  const fold = report.elements.length > 0 && code === '';
  const segment = report.segment;
  if (segment !== undefined && !fold) {
    reportCode(out, 'segment', EDIFACT_0085, 'UCS02', code, () => {
      const at = position();
      return { where: where(at), location: definedOnly({ segmentPosition: at }), raw: out.raw(segment) };
    });
  }
  for (const element of report.elements) {
    reportCode(out, 'element', EDIFACT_0085, 'UCD01', component(element, 1), () => {
      const at = segment === undefined ? undefined : position();
      const id = elementIdentification(element, 2);
      return {
        where: `${segment === undefined ? messageLabel() : where(at)}${elementPart(id)}`,
        location: definedOnly({ segmentPosition: at, ...id }),
        raw: out.raw(segment, element),
      };
    });
  }
  out.errors.countUnshown(report.elementsOnlyCounted);
}
