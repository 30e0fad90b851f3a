// EDIFACT CONTRL (syntax and service report) decoding, syntax versions 3 and 4.
//
// UCI answers for the whole interchange, UCF for a functional group, UCM for one message; UCS points at a
// segment inside the last UCM's message and UCD at a data element inside the last UCS's segment. A UCS that
// carries no code of its own but has UCD children is folded into them (the UCDs say more and carry it in raw).
// The overall status reflects the messages/groups the CONTRL lists when it lists any (a CONTRL only names the
// rejected ones and, optionally, the accepted ones), and the UCI otherwise.
import type { CodeTable, Outcome } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { EDIFACT_0083 } from './codes/edifact0083.ts';
import { EDIFACT_0085 } from './codes/edifact0085.ts';
import type { EdifactSegment } from './edifactEnvelope.ts';
import { openEdifact } from './edifactEnvelope.ts';
import { codedError, unknownCodeSummary } from './explain.ts';
import { DocumentCollector, ErrorCollector, MAX_ELEMENTS_COLLECTED, MAX_ERRORS } from './limits.ts';
import { decoded, malformed, notAnAck } from './result.ts';
import { combineOutcomes, finalStatus, isAccepted, isNegative } from './status.ts';
import { clean, clipRaw, quote, toPosition } from './text.ts';
import type { AckDecodeResult, ErrorLevel, ErrorLocation } from './types.ts';

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

interface Level {
  reference: string;
  /** A function: labels are error text, built only for errors that are kept. */
  label: () => string;
  action: string;
  outcome: Outcome;
  known: boolean;
  segment: EdifactSegment;
  errorsAtStart: number;
  level: ErrorLevel;
}

interface SegmentReport {
  segment: EdifactSegment | undefined;
  /** At most MAX_ERRORS UCDs: more can never be shown, so the rest are only counted. */
  elements: EdifactSegment[];
  elementsOnlyCounted: number;
}

/** What an error says about where it sat; built only for errors that will be kept (see ErrorCollector). */
interface Placement {
  where: string;
  location: ErrorLocation | undefined;
  raw: string;
}

const component = (segment: EdifactSegment | undefined, element: number, index = 0): string =>
  (segment?.elements[element]?.[index] ?? '').trim();

function elementCountProblem(segment: EdifactSegment): string | undefined {
  const max = MAX_ELEMENTS[segment.tag];
  if (max === undefined) return undefined;
  let count = segment.elementCount;
  if (count <= MAX_ELEMENTS_COLLECTED) {
    while (count > max && (segment.elements[count] ?? []).every((c) => c.trim() === '')) count -= 1;
  }
  return count > max
    ? `Segment ${segment.tag} (segment ${segment.ordinal} of the acknowledgment) has ${count} data elements; ` +
        `the EDIFACT syntax allows at most ${max}`
    : undefined;
}

/** S011 data element identification: position in segment, component position, occurrence (version 4). */
function elementIdentification(segment: EdifactSegment, index: number) {
  return {
    elementPosition: toPosition(component(segment, index, 0)),
    componentPosition: toPosition(component(segment, index, 1)),
    repetitionPosition: toPosition(component(segment, index, 2)),
  };
}

function elementPart(id: ReturnType<typeof elementIdentification>): string {
  if (id.elementPosition === undefined) return '';
  let text = `, data element ${id.elementPosition}`;
  if (id.componentPosition !== undefined) text += `, component ${id.componentPosition}`;
  if (id.repetitionPosition !== undefined) text += `, occurrence ${id.repetitionPosition}`;
  return text;
}

function definedOnly(location: ErrorLocation): ErrorLocation {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as ErrorLocation;
}

export function decodeContrl(text: string): AckDecodeResult {
  const lexer = openEdifact(text);
  if (!lexer.ok) return malformed(lexer.message);
  const terminator = lexer.delimiters.segment;
  const errors = new ErrorCollector();
  const documents = new DocumentCollector();
  const joinRaw = (...segments: (EdifactSegment | undefined)[]): string =>
    segments
      .filter((s) => s !== undefined)
      .map((s) => clipRaw(s.raw) + terminator)
      .join('');

  let firstTag: string | undefined;
  let sawContrlHeader = false;
  let sawResponses = false;
  let foreignMessage: string | undefined;
  let firstForeignMessage: string | undefined;
  let interchange: Level | undefined;
  let group: (Level & { messages: number }) | undefined;
  let message: Level | undefined;
  let pending: SegmentReport | undefined;
  const interchangeOutcomes: Outcome[] = [];
  const lowerOutcomes: Outcome[] = [];

  /**
   * Position-style wording ('…data element 3 is missing') only when a position was named. The placement is
   * a function so that errors past the cap (hundreds of thousands in a hostile CONTRL) cost only a count.
   */
  const reportCode = (
    level: ErrorLevel,
    table: CodeTable,
    position: string,
    code: string,
    place: () => Placement,
  ): void => {
    errors.add(() => {
      const { where, location, raw } = place();
      const style = location !== undefined && Object.keys(location).length > 0 ? 'predicate' : 'sentence';
      return codedError({
        source: 'edifact-contrl',
        level,
        table,
        position,
        code,
        where,
        style,
        location,
        raw,
      });
    });
  };

  /** A response level (UCI/UCF/UCM): its action code, its own syntax error and its status document. */
  const openLevel = (
    segment: EdifactSegment,
    level: ErrorLevel,
    reference: string,
    label: () => string,
  ): Level => {
    const action = component(segment, segment.tag === 'UCM' ? 3 : 4);
    const entry = lookupCode(EDIFACT_0083, action);
    const opened: Level = {
      reference,
      label,
      action,
      outcome: entry?.outcome ?? 'rejected', // an unreadable action is never taken as acceptance
      known: entry !== undefined,
      segment,
      errorsAtStart: errors.count,
      level,
    };
    const codeIndex = segment.tag === 'UCM' ? 4 : 5;
    const syntaxError = component(segment, codeIndex);
    if (syntaxError !== '') {
      reportCode(level, EDIFACT_0085, `${segment.tag}0${codeIndex}`, syntaxError, () => {
        const serviceSegment = component(segment, codeIndex + 1);
        const id = elementIdentification(segment, codeIndex + 2);
        return {
          where: `${label()}${serviceSegment === '' ? '' : `, segment ${clean(serviceSegment, 10)}`}${elementPart(id)}`,
          location: definedOnly({
            segmentId: serviceSegment === '' ? undefined : clean(serviceSegment, 10),
            ...id,
          }),
          raw: joinRaw(segment),
        };
      });
    }
    return opened;
  };

  /** Closing a level: a rejection (or unreadable action) with no reason given still reaches the desk. */
  const closeLevel = (level: Level | undefined): void => {
    if (level === undefined) return;
    if (!level.known || (isNegative(level.outcome) && errors.count === level.errorsAtStart)) {
      reportCode(
        level.level,
        EDIFACT_0083,
        `${level.segment.tag}0${level.segment.tag === 'UCM' ? 3 : 4}`,
        level.action,
        () => ({ where: level.label(), location: undefined, raw: joinRaw(level.segment) }),
      );
    }
  };

  const messageLabel = (): string => message?.label() ?? 'The message';

  const flushSegment = (): void => {
    const report = pending;
    pending = undefined;
    if (report === undefined) return;
    const code = component(report.segment, 2);
    const position = (): number | undefined => toPosition(component(report.segment, 1));
    const where = (at: number | undefined): string =>
      `${messageLabel()}, segment ${at === undefined ? 'at an unknown position' : `at position ${at}`}`;
    const fold = report.elements.length > 0 && code === '';
    const segment = report.segment;
    if (segment !== undefined && !fold) {
      reportCode('segment', EDIFACT_0085, 'UCS02', code, () => {
        const at = position();
        return { where: where(at), location: definedOnly({ segmentPosition: at }), raw: joinRaw(segment) };
      });
    }
    for (const element of report.elements) {
      reportCode('element', EDIFACT_0085, 'UCD01', component(element, 1), () => {
        const at = segment === undefined ? undefined : position();
        const id = elementIdentification(element, 2);
        return {
          where: `${segment === undefined ? messageLabel() : where(at)}${elementPart(id)}`,
          location: definedOnly({ segmentPosition: at, ...id }),
          raw: joinRaw(segment, element),
        };
      });
    }
    errors.countUnshown(report.elementsOnlyCounted);
  };

  const closeMessage = (): void => {
    flushSegment();
    closeLevel(message);
    message = undefined;
  };

  const closeGroup = (): void => {
    closeMessage();
    const closing = group;
    if (closing !== undefined && closing.messages === 0) {
      documents.add(() => ({
        controlNumber: closing.reference || undefined,
        documentType: 'functional group',
        status: closing.action,
        statusText: statusText(closing.action),
      }));
    }
    closeLevel(group);
    group = undefined;
  };

  for (const segment of lexer.segments()) {
    if (firstTag === undefined) {
      firstTag = segment.tag;
      if (!EDIFACT_FIRST_SEGMENTS.has(segment.tag))
        return notAnAck(`first segment is ${quote(segment.tag, 20)}`);
    }
    if (foreignMessage !== undefined && !['UNT', 'UNH', 'UNE', 'UNZ'].includes(segment.tag)) continue;
    const problem = elementCountProblem(segment);
    if (problem !== undefined) return malformed(problem);

    switch (segment.tag) {
      case 'UNH': {
        closeGroup();
        const type = component(segment, 2, 0);
        if (type.toUpperCase() === 'CONTRL') {
          sawContrlHeader = true;
          foreignMessage = undefined;
        } else {
          foreignMessage = type;
          firstForeignMessage ??= type;
        }
        break;
      }
      case 'UNT':
      case 'UNE':
      case 'UNZ':
        if (foreignMessage === undefined) closeGroup();
        foreignMessage = undefined;
        break;
      case 'UCI': {
        sawResponses = true;
        closeGroup();
        closeLevel(interchange);
        const reference = component(segment, 1);
        interchange = openLevel(segment, 'interchange', reference, () =>
          `Interchange ${clean(reference, 20)}`.trim(),
        );
        interchangeOutcomes.push(interchange.outcome);
        break;
      }
      case 'UCF': {
        sawResponses = true;
        closeGroup();
        const reference = component(segment, 1);
        group = {
          ...openLevel(segment, 'group', reference, () => `Functional group ${clean(reference, 20)}`.trim()),
          messages: 0,
        };
        lowerOutcomes.push(group.outcome);
        break;
      }
      case 'UCM': {
        sawResponses = true;
        closeMessage();
        const reference = component(segment, 1);
        const type = component(segment, 2, 0);
        message = openLevel(segment, 'transaction', reference, () => {
          const version = [component(segment, 2, 1), component(segment, 2, 2)]
            .filter((v) => v !== '')
            .join(':');
          const typeText =
            type === '' ? '' : ` (${clean(type, 10)}${version === '' ? '' : ` ${clean(version, 10)}`})`;
          return `Message ${clean(reference, 20)}${typeText}`;
        });
        lowerOutcomes.push(message.outcome);
        if (group !== undefined) group.messages += 1;
        const action = message.action;
        documents.add(() => ({
          controlNumber: reference || undefined,
          documentType: type || undefined,
          status: action,
          statusText: statusText(action),
        }));
        break;
      }
      case 'UCS':
        sawResponses = true;
        flushSegment();
        pending = { segment, elements: [], elementsOnlyCounted: 0 };
        break;
      case 'UCD':
        sawResponses = true;
        pending ??= { segment: undefined, elements: [], elementsOnlyCounted: 0 };
        if (pending.elements.length < MAX_ERRORS) pending.elements.push(segment);
        else pending.elementsOnlyCounted += 1;
        break;
      default:
        break; // UNB, UNG and anything unknown: nothing to decode
    }
  }
  closeGroup();
  closeLevel(interchange);

  if (firstTag === undefined) return notAnAck('the input contains no segments');
  if (!sawContrlHeader && !sawResponses) {
    return notAnAck(
      firstForeignMessage === undefined
        ? `no CONTRL message found (first segment is ${quote(firstTag, 20)})`
        : `message type is ${quote(firstForeignMessage, 20)}`,
    );
  }
  if (interchange !== undefined && documents.kept.length === 0) {
    documents.add(() => ({
      controlNumber: interchange.reference || undefined,
      documentType: 'interchange',
      status: interchange.action,
      statusText: statusText(interchange.action),
    }));
  }
  const interchangeStatus = combineOutcomes(interchangeOutcomes);
  const combined =
    interchangeStatus === 'rejected' ? 'rejected' : (combineOutcomes(lowerOutcomes) ?? interchangeStatus);
  if (combined === undefined) {
    return malformed(
      'The CONTRL has no UCI, UCF or UCM response segment, so it does not say whether anything was accepted',
    );
  }
  const status = finalStatus(combined, errors.count);
  return decoded({
    kind: 'CONTRL',
    accepted: isAccepted(status),
    status,
    acknowledgedDocuments: documents.finish(),
    errors: errors.finish('edifact-contrl'),
  });
}

function statusText(action: string): string {
  return lookupCode(EDIFACT_0083, action)?.summary ?? unknownCodeSummary(action, EDIFACT_0083);
}
