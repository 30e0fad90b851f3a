// One AK3/IK3 segment error with its AK4/IK4 element errors and their CTX context, turned into errors once
// the walker has seen all of it (the next AK3, AK5 or envelope segment closes it). An AK3/IK3 whose only
// message is "8 – segment has data element errors" (or no code) is folded into its element errors, which say
// more and carry it in raw.
import type { CodeTable } from './codes/codeTable.ts';
import { X12_ELEMENT_620 } from './codes/x12Element620.ts';
import { X12_ELEMENT_621 } from './codes/x12Element621.ts';
import { X12_ELEMENT_720 } from './codes/x12Element720.ts';
import { X12_ELEMENT_723 } from './codes/x12Element723.ts';
import { codedError, definedOnly } from './explain.ts';
import { MAX_ERRORS } from './limits.ts';
import { clean, toPosition } from './text.ts';
import type { X12AckOutput } from './x12AckOutput.ts';
import { code, value } from './x12AckSegments.ts';
import type { X12Segment } from './x12Envelope.ts';
import { contextText, elementWhere, segmentWhere } from './x12Where.ts';

interface ElementReport {
  segment: X12Segment;
  context: X12Segment[];
}

export interface SegmentReport {
  /** Undefined when AK4/IK4s arrive with no AK3/IK3 before them. */
  segment: X12Segment | undefined;
  /** At most MAX_ERRORS AK4/IK4s: more can never be shown, so the rest (and their CTX) are only counted. */
  elements: ElementReport[];
  elementsOnlyCounted: number;
  context: X12Segment[];
}

export function openSegmentReport(segment: X12Segment | undefined): SegmentReport {
  return { segment, elements: [], elementsOnlyCounted: 0, context: [] };
}

export function addElementError(report: SegmentReport, segment: X12Segment): void {
  if (report.elements.length < MAX_ERRORS) report.elements.push({ segment, context: [] });
  else report.elementsOnlyCounted += 1;
}

/** A CTX belongs to the last element error when there is one, else to the segment error. */
export function addContext(report: SegmentReport, segment: X12Segment): void {
  if (report.elementsOnlyCounted > 0) return; // context of an uncounted element
  const lastElement = report.elements.at(-1);
  if (lastElement !== undefined) lastElement.context.push(segment);
  else report.context.push(segment);
}

export function reportSegmentErrors(out: X12AckOutput, report: SegmentReport): void {
  const head = report.segment;
  const segmentId = code(head, 1);
  const position = toPosition(value(head, 2));
  const loop = code(head, 3);
  const segmentCode = code(head, 4);
  const table: CodeTable = head?.id === 'IK3' ? X12_ELEMENT_620 : X12_ELEMENT_720;
  const foldIntoElements = report.elements.length > 0 && (segmentCode === '' || segmentCode === '8');
  if (head !== undefined && !foldIntoElements) {
    out.errors.add(() =>
      codedError({
        source: 'x12-997',
        level: 'segment',
        table,
        position: `${head.id}04`,
        code: segmentCode,
        version: out.version(),
        where: segmentWhere(segmentId, position, loop, true),
        style: 'predicate',
        location: definedOnly({
          segmentId: segmentId || undefined,
          segmentPosition: position,
          loopId: loop || undefined,
        }),
        context: contextText(report.context, out.delimiters),
        raw: out.raw(head, ...report.context),
      }),
    );
  }
  for (const element of report.elements) {
    out.errors.add(() => {
      const [elementPart = '', componentPart = '', repetitionPart = ''] = value(element.segment, 1).split(
        out.delimiters.component,
      );
      const elementPosition = toPosition(elementPart);
      const componentPosition = toPosition(componentPart);
      const repetitionPosition = toPosition(repetitionPart);
      const reference = code(element.segment, 2);
      const badValue = element.segment.elements.length > 4 ? value(element.segment, 4) : undefined;
      return codedError({
        source: 'x12-997',
        level: 'element',
        table: element.segment.id === 'IK4' ? X12_ELEMENT_621 : X12_ELEMENT_723,
        position: `${element.segment.id}03`,
        code: code(element.segment, 3),
        version: out.version(),
        where:
          `${segmentWhere(segmentId, position, loop, false)}: ` +
          elementWhere(segmentId, elementPosition, componentPosition, repetitionPosition, reference),
        style: 'predicate',
        location: definedOnly({
          segmentId: segmentId || undefined,
          segmentPosition: position,
          loopId: loop || undefined,
          elementPosition,
          componentPosition,
          repetitionPosition,
          elementReference: reference || undefined,
          badValue: badValue === undefined || badValue === '' ? undefined : clean(badValue, 256),
        }),
        context: contextText([...report.context, ...element.context], out.delimiters),
        raw: out.raw(head, element.segment, ...element.context),
      });
    });
  }
  out.errors.countUnshown(report.elementsOnlyCounted);
}
