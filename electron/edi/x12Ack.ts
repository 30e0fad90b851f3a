// X12 997 (functional acknowledgment) and 999 (implementation acknowledgment) decoding.
//
// Walks the segments once, keeping only the current group (AK1…AK9), transaction set (AK2…AK5) and segment
// error (AK3/IK3 with its AK4/IK4 and CTX children). Unknown segments are skipped; AK and IK segments are
// accepted in either kind of ack so a sloppy translator still decodes. An AK3/IK3 whose only message is
// "8 – segment has data element errors" is folded into its AK4/IK4 errors, which say more and carry it in raw.
import type { CodeTable, Outcome } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { X12_ELEMENT_618 } from './codes/x12Element618.ts';
import { X12_ELEMENT_620 } from './codes/x12Element620.ts';
import { X12_ELEMENT_621 } from './codes/x12Element621.ts';
import { X12_ELEMENT_715 } from './codes/x12Element715.ts';
import { X12_ELEMENT_716 } from './codes/x12Element716.ts';
import { X12_ELEMENT_717 } from './codes/x12Element717.ts';
import { X12_ELEMENT_718 } from './codes/x12Element718.ts';
import { X12_ELEMENT_720 } from './codes/x12Element720.ts';
import { X12_ELEMENT_723 } from './codes/x12Element723.ts';
import { elementName } from './codes/x12ElementNames.ts';
import { segmentName } from './codes/x12SegmentNames.ts';
import { functionalGroupName, transactionSetName } from './codes/x12TransactionSets.ts';
import { codedError, unknownCodeSummary } from './explain.ts';
import { DocumentCollector, ErrorCollector, MAX_ELEMENTS_COLLECTED, MAX_ERRORS } from './limits.ts';
import { decoded, malformed, notAnAck } from './result.ts';
import { combineOutcomes, finalStatus, isAccepted, isNegative } from './status.ts';
import { clean, clipRaw, elementTag, quote, toPosition } from './text.ts';
import type { AckDecodeResult } from './types.ts';
import type { X12Delimiters, X12Segment } from './x12Envelope.ts';
import { openX12 } from './x12Envelope.ts';

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

interface ElementReport {
  segment: X12Segment;
  context: X12Segment[];
}

interface SegmentReport {
  segment: X12Segment | undefined;
  /** At most MAX_ERRORS AK4/IK4s: more can never be shown, so the rest (and their CTX) are only counted. */
  elements: ElementReport[];
  elementsOnlyCounted: number;
  context: X12Segment[];
}

interface TransactionState {
  type: string;
  control: string;
  header: X12Segment | undefined;
  responded: boolean;
  errorsAtStart: number;
}

interface GroupState {
  functionalId: string;
  control: string;
  outcomes: Outcome[];
  transactions: number;
  errorsAtStart: number;
}

const value = (segment: X12Segment | undefined, index: number): string => segment?.elements[index] ?? '';
const code = (segment: X12Segment | undefined, index: number): string => value(segment, index).trim();

function elementCountProblem(segment: X12Segment): string | undefined {
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

function segmentWhere(id: string, position: number | undefined, loop: string, withName: boolean): string {
  const parts: string[] = [];
  const name = withName ? segmentName(id) : undefined;
  if (name !== undefined) parts.push(name);
  if (position !== undefined) parts.push(`position ${position}`);
  if (loop !== '') parts.push(`loop ${clean(loop, 10)}`);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return id === '' ? `A segment${detail}` : `Segment ${clean(id, 10)}${detail}`;
}

function elementWhere(
  segmentId: string,
  position: number | undefined,
  component: number | undefined,
  repetition: number | undefined,
  reference: string,
): string {
  const baseTag =
    segmentId !== '' && position !== undefined ? elementTag(clean(segmentId, 10), position) : undefined;
  const tag =
    baseTag === undefined ? undefined : component === undefined ? baseTag : `${baseTag}-${component}`;
  const name =
    elementName(reference, baseTag) ??
    (reference === '' ? undefined : `data element ${clean(reference, 10)}`);
  const labels = [tag, name].filter((label) => label !== undefined);
  let head = position === undefined ? 'an element' : `element ${position}`;
  if (component !== undefined) head += `, component ${component}`;
  if (repetition !== undefined) head += `, repetition ${repetition}`;
  return labels.length > 0 ? `${head} (${labels.join(', ')})` : head;
}

function transactionWhere(transaction: TransactionState): string {
  const name = transactionSetName(transaction.type);
  const type =
    transaction.type === '' ? '' : ` ${clean(transaction.type, 10)}${name === undefined ? '' : ` (${name})`}`;
  const control = transaction.control === '' ? '' : `, control number ${clean(transaction.control, 20)}`;
  return `Transaction set${type}${control}`;
}

function groupWhere(group: GroupState): string {
  const control = group.control === '' ? '' : ` ${clean(group.control, 20)}`;
  const kind =
    group.functionalId === ''
      ? ''
      : ` of ${functionalGroupName(group.functionalId) ?? clean(group.functionalId, 10)}`;
  return `Functional group${control}${kind}`;
}

function contextText(contexts: readonly X12Segment[], delimiters: X12Delimiters): string | undefined {
  const parts = contexts.slice(0, 10).map((ctx) => {
    const [name = '', reference = ''] = value(ctx, 1).split(delimiters.component);
    if (name.trim().toUpperCase() === 'SITUATIONAL TRIGGER') {
      const [element = '', component = ''] = value(ctx, 5).split(delimiters.component);
      const at = segmentWhere(code(ctx, 2), toPosition(value(ctx, 3)), code(ctx, 4), false);
      const elementPart = toPosition(element) === undefined ? '' : `, element ${element.trim()}`;
      const componentPart = toPosition(component) === undefined ? '' : ` component ${component.trim()}`;
      return `the rule was triggered by ${at.charAt(0).toLowerCase()}${at.slice(1)}${elementPart}${componentPart}`;
    }
    return reference.trim() === ''
      ? clean(name.trim(), 40)
      : `${clean(name.trim(), 40)} ${quote(reference.trim(), 40)}`;
  });
  return parts.length === 0 ? undefined : `Context: ${parts.join('; ')}`;
}

export function decodeX12Ack(text: string): AckDecodeResult {
  const lexer = openX12(text);
  if (!lexer.ok) return malformed(lexer.message);
  const { delimiters } = lexer;
  const errors = new ErrorCollector();
  const documents = new DocumentCollector();
  const topOutcomes: Outcome[] = [];
  const joinRaw = (...segments: (X12Segment | undefined)[]): string =>
    segments
      .filter((s) => s !== undefined)
      .map((s) => clipRaw(s.raw) + (delimiters.segment === '\n' ? '' : delimiters.segment))
      .join(delimiters.segment === '\n' ? '\n' : '');

  let kind: '997' | '999' | undefined;
  let sawImplementationSegments = false;
  let sawAckSegments = false;
  let foreignSet: string | undefined;
  let firstForeignSet: string | undefined;
  let firstId: string | undefined;
  let groupVersion: string | undefined;
  let setVersion: string | undefined;
  let group: GroupState | undefined;
  let transaction: TransactionState | undefined;
  let pending: SegmentReport | undefined;

  const version = (): string | undefined => groupVersion ?? setVersion;

  const ensureTransaction = (): TransactionState => {
    if (transaction === undefined) {
      transaction = {
        type: '',
        control: '',
        header: undefined,
        responded: false,
        errorsAtStart: errors.count,
      };
      if (group !== undefined) group.transactions += 1;
    }
    return transaction;
  };

  const flushSegment = (): void => {
    const report = pending;
    pending = undefined;
    if (report === undefined) return;
    const head = report.segment;
    const segmentId = code(head, 1);
    const position = toPosition(value(head, 2));
    const loop = code(head, 3);
    const segmentCode = code(head, 4);
    const table: CodeTable = head?.id === 'IK3' ? X12_ELEMENT_620 : X12_ELEMENT_720;
    const foldIntoElements = report.elements.length > 0 && (segmentCode === '' || segmentCode === '8');
    if (head !== undefined && !foldIntoElements) {
      errors.add(() =>
        codedError({
          source: 'x12-997',
          level: 'segment',
          table,
          position: `${head.id}04`,
          code: segmentCode,
          version: version(),
          where: segmentWhere(segmentId, position, loop, true),
          style: 'predicate',
          location: definedOnly({
            segmentId: segmentId || undefined,
            segmentPosition: position,
            loopId: loop || undefined,
          }),
          context: contextText(report.context, delimiters),
          raw: joinRaw(head, ...report.context),
        }),
      );
    }
    for (const element of report.elements) {
      errors.add(() => {
        const [elementPart = '', componentPart = '', repetitionPart = ''] = value(element.segment, 1).split(
          delimiters.component,
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
          version: version(),
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
          context: contextText([...report.context, ...element.context], delimiters),
          raw: joinRaw(head, element.segment, ...element.context),
        });
      });
    }
    errors.countUnshown(report.elementsOnlyCounted);
  };

  const closeTransaction = (): void => {
    flushSegment();
    const unanswered = transaction;
    if (unanswered !== undefined && !unanswered.responded) {
      documents.add(() => ({
        controlNumber: unanswered.control || undefined,
        documentType: unanswered.type || undefined,
        status: '',
        statusText: 'No AK5/IK5 response for this transaction set (the acknowledgment may be truncated)',
      }));
    }
    transaction = undefined;
  };

  const closeGroup = (groupOutcome?: Outcome): void => {
    closeTransaction();
    if (group === undefined) return;
    if (groupOutcome !== undefined) topOutcomes.push(groupOutcome);
    else topOutcomes.push(...group.outcomes); // no AK9: the transaction responses speak for the group
    group = undefined;
  };

  const onTransactionResponse = (segment: X12Segment): void => {
    flushSegment();
    const current = ensureTransaction();
    const status = code(segment, 1);
    const entry = lookupCode(X12_ELEMENT_717, status);
    const outcome: Outcome = entry?.outcome ?? 'rejected'; // an unreadable status is never taken as acceptance
    current.responded = true;
    documents.add(() => ({
      controlNumber: current.control || undefined,
      documentType: current.type || undefined,
      status,
      statusText: entry?.summary ?? unknownCodeSummary(status, X12_ELEMENT_717),
    }));
    (group?.outcomes ?? topOutcomes).push(outcome);
    const implementation = segment.id === 'IK5';
    for (let i = 2; i <= 6; i += 1) {
      const reason = code(segment, i);
      if (reason === '') continue;
      errors.add(() =>
        codedError({
          source: 'x12-997',
          level: 'transaction',
          table: implementation ? X12_ELEMENT_618 : X12_ELEMENT_718,
          position: `${segment.id}0${i}`,
          code: reason,
          version: version(),
          where: transactionWhere(current),
          style: 'sentence',
          raw: joinRaw(current.header, segment),
        }),
      );
    }
    // A rejection with no reason at all still has to reach the desk as an error.
    if (entry === undefined || (isNegative(outcome) && errors.count === current.errorsAtStart)) {
      errors.add(() =>
        codedError({
          source: 'x12-997',
          level: 'transaction',
          table: X12_ELEMENT_717,
          position: `${segment.id}01`,
          code: status,
          where: transactionWhere(current),
          style: 'sentence',
          raw: joinRaw(current.header, segment),
        }),
      );
    }
    transaction = undefined;
  };

  const onGroupResponse = (segment: X12Segment): void => {
    closeTransaction();
    const current: GroupState = group ?? {
      functionalId: '',
      control: '',
      outcomes: [],
      transactions: 0,
      errorsAtStart: errors.count,
    };
    const status = code(segment, 1);
    const entry = lookupCode(X12_ELEMENT_715, status);
    const outcome: Outcome = entry?.outcome ?? 'rejected';
    for (let i = 5; i <= 9; i += 1) {
      const reason = code(segment, i);
      if (reason === '') continue;
      errors.add(() =>
        codedError({
          source: 'x12-997',
          level: 'group',
          table: X12_ELEMENT_716,
          position: `AK90${i}`,
          code: reason,
          version: version(),
          where: groupWhere(current),
          style: 'sentence',
          raw: joinRaw(segment),
        }),
      );
    }
    if (entry === undefined || (isNegative(outcome) && errors.count === current.errorsAtStart)) {
      errors.add(() =>
        codedError({
          source: 'x12-997',
          level: 'group',
          table: X12_ELEMENT_715,
          position: 'AK901',
          code: status,
          where: groupWhere(current),
          style: 'sentence',
          raw: joinRaw(segment),
        }),
      );
    }
    if (current.transactions === 0) {
      // Nothing listed per transaction set: the group itself is the acknowledged document.
      documents.add(() => ({
        controlNumber: current.control || undefined,
        documentType: current.functionalId || undefined,
        status,
        statusText: entry?.summary ?? unknownCodeSummary(status, X12_ELEMENT_715),
      }));
    }
    group = current;
    closeGroup(outcome);
  };

  for (const segment of lexer.segments()) {
    if (firstId === undefined) {
      firstId = segment.id;
      if (!X12_FIRST_SEGMENTS.has(segment.id)) return notAnAck(`first segment is ${quote(segment.id, 20)}`);
    }
    if (foreignSet !== undefined && !['SE', 'ST', 'GE', 'GS', 'IEA', 'ISA'].includes(segment.id)) continue;
    const problem = elementCountProblem(segment);
    if (problem !== undefined) return malformed(problem);

    switch (segment.id) {
      case 'ISA':
        foreignSet = undefined;
        break;
      case 'GS':
        closeGroup();
        foreignSet = undefined;
        groupVersion = code(segment, 8) || undefined;
        break;
      case 'ST': {
        closeGroup();
        const setId = code(segment, 1);
        if (setId === '997' || setId === '999') {
          kind ??= setId;
          foreignSet = undefined;
          setVersion = code(segment, 3) || setVersion;
        } else {
          foreignSet = setId;
          firstForeignSet ??= setId;
        }
        break;
      }
      case 'SE':
      case 'GE':
      case 'IEA':
        if (foreignSet === undefined) closeGroup();
        foreignSet = undefined;
        break;
      case 'AK1':
        sawAckSegments = true;
        closeGroup();
        group = {
          functionalId: code(segment, 1),
          control: code(segment, 2),
          outcomes: [],
          transactions: 0,
          errorsAtStart: errors.count,
        };
        break;
      case 'AK2':
        sawAckSegments = true;
        closeTransaction();
        transaction = {
          type: code(segment, 1),
          control: code(segment, 2),
          header: segment,
          responded: false,
          errorsAtStart: errors.count,
        };
        if (group !== undefined) group.transactions += 1;
        break;
      case 'AK3':
      case 'IK3':
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK3';
        flushSegment();
        ensureTransaction();
        pending = { segment, elements: [], elementsOnlyCounted: 0, context: [] };
        break;
      case 'AK4':
      case 'IK4':
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK4';
        ensureTransaction();
        pending ??= { segment: undefined, elements: [], elementsOnlyCounted: 0, context: [] };
        if (pending.elements.length < MAX_ERRORS) pending.elements.push({ segment, context: [] });
        else pending.elementsOnlyCounted += 1;
        break;
      case 'CTX': {
        if (pending !== undefined && pending.elementsOnlyCounted > 0) break; // context of an uncounted element
        const lastElement = pending?.elements.at(-1);
        if (lastElement !== undefined) lastElement.context.push(segment);
        else pending?.context.push(segment);
        break;
      }
      case 'AK5':
      case 'IK5':
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK5';
        onTransactionResponse(segment);
        break;
      case 'AK9':
        sawAckSegments = true;
        onGroupResponse(segment);
        break;
      default:
        break; // ISA, IEA, TA1 and anything unknown: nothing to decode
    }
  }
  closeGroup();

  if (firstId === undefined) return notAnAck('the input contains no segments');
  if (kind === undefined && !sawAckSegments) {
    return notAnAck(
      firstForeignSet === undefined
        ? `no 997 or 999 transaction set found (first segment is ${quote(firstId, 20)})`
        : `transaction set is ${quote(firstForeignSet, 20)}`,
    );
  }
  const ackKind = kind ?? (sawImplementationSegments ? '999' : '997');
  const combined = combineOutcomes(topOutcomes);
  if (combined === undefined) {
    return malformed(
      `The ${ackKind} has no AK5/IK5 or AK9 response segment, so it does not say whether anything was accepted ` +
        '(the acknowledgment may be truncated)',
    );
  }
  const status = finalStatus(combined, errors.count);
  return decoded({
    kind: ackKind,
    accepted: isAccepted(status),
    status,
    acknowledgedDocuments: documents.finish(),
    errors: errors.finish(ackKind === '999' ? 'x12-999' : 'x12-997'),
  });
}

/** Drop undefined keys so locations only carry what the partner actually told us. */
function definedOnly<T extends object>(location: T): T {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as T;
}
