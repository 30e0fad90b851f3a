// The answers a 997/999 gives: AK5/IK5 for one transaction set and AK9 for a functional group. Each gives an
// outcome, an acknowledged document and the reasons listed; a rejection with no reason at all still yields
// one error from the status code's own table, so an alert always has something to say.
import type { CodeEntry, CodeTable, Outcome } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { X12_ELEMENT_618 } from './codes/x12Element618.ts';
import { X12_ELEMENT_715 } from './codes/x12Element715.ts';
import { X12_ELEMENT_716 } from './codes/x12Element716.ts';
import { X12_ELEMENT_717 } from './codes/x12Element717.ts';
import { X12_ELEMENT_718 } from './codes/x12Element718.ts';
import { codedError, unknownCodeSummary } from './explain.ts';
import { isNegative } from './status.ts';
import type { X12AckOutput } from './x12AckOutput.ts';
import { code } from './x12AckSegments.ts';
import type { X12Segment } from './x12Envelope.ts';
import { groupWhere, transactionWhere } from './x12Where.ts';

/** An AK2 (or the implied transaction set of AK3/AK4/AK5 written without one). */
export interface TransactionState {
  type: string;
  control: string;
  header: X12Segment | undefined;
  responded: boolean;
  /** Errors counted before this set: a rejection that added none gets its status code as the reason. */
  errorsAtStart: number;
}

/** An AK1 (or the implied group of an AK9 written without one). */
export interface GroupState {
  functionalId: string;
  control: string;
  /** The AK5/IK5 outcomes: they speak for the group when no AK9 closes it. */
  outcomes: Outcome[];
  transactions: number;
  errorsAtStart: number;
}

export function openTransaction(header: X12Segment | undefined, errorsAtStart: number): TransactionState {
  return {
    type: code(header, 1),
    control: code(header, 2),
    header,
    responded: false,
    errorsAtStart,
  };
}

export function openGroup(header: X12Segment | undefined, errorsAtStart: number): GroupState {
  return {
    functionalId: code(header, 1),
    control: code(header, 2),
    outcomes: [],
    transactions: 0,
    errorsAtStart,
  };
}

/** A transaction set the ack listed but never answered (cut off, most likely) is still a document to show. */
export function noteUnanswered(out: X12AckOutput, unanswered: TransactionState): void {
  out.documents.add(() => ({
    controlNumber: unanswered.control || undefined,
    documentType: unanswered.type || undefined,
    status: '',
    statusText: 'No AK5/IK5 response for this transaction set (the acknowledgment may be truncated)',
  }));
}

/** AK5/IK5: the transaction set's document, its reasons, and its outcome for the group. */
export function answerTransaction(
  out: X12AckOutput,
  segment: X12Segment,
  current: TransactionState,
): Outcome {
  current.responded = true;
  const implementation = segment.id === 'IK5';
  const { status, entry, outcome } = answer(out, {
    segment,
    level: 'transaction',
    statusTable: X12_ELEMENT_717,
    reasonTable: implementation ? X12_ELEMENT_618 : X12_ELEMENT_718,
    reasons: [2, 6],
    errorsAtStart: current.errorsAtStart,
    where: () => transactionWhere(current),
    raw: () => out.raw(current.header, segment),
  });
  out.documents.add(() => ({
    controlNumber: current.control || undefined,
    documentType: current.type || undefined,
    status,
    statusText: entry?.summary ?? unknownCodeSummary(status, X12_ELEMENT_717),
  }));
  return outcome;
}

/** AK9: the group's reasons, the group as a document when no set was listed, and the group's outcome. */
export function answerGroup(out: X12AckOutput, segment: X12Segment, current: GroupState): Outcome {
  const { status, entry, outcome } = answer(out, {
    segment,
    level: 'group',
    statusTable: X12_ELEMENT_715,
    reasonTable: X12_ELEMENT_716,
    reasons: [5, 9],
    errorsAtStart: current.errorsAtStart,
    where: () => groupWhere(current),
    raw: () => out.raw(segment),
  });
  if (current.transactions === 0) {
    // Nothing listed per transaction set: the group itself is the acknowledged document.
    out.documents.add(() => ({
      controlNumber: current.control || undefined,
      documentType: current.functionalId || undefined,
      status,
      statusText: entry?.summary ?? unknownCodeSummary(status, X12_ELEMENT_715),
    }));
  }
  return outcome;
}

interface AnswerSegment {
  segment: X12Segment;
  level: 'transaction' | 'group';
  /** The status code's table (717 for AK501/IK501, 715 for AK901). */
  statusTable: CodeTable;
  /** The reason codes' table (718, or 618 for IK5; 716 for AK9). */
  reasonTable: CodeTable;
  /** First and last element holding a reason code (AK502–AK506, AK905–AK909). */
  reasons: readonly [number, number];
  errorsAtStart: number;
  where: () => string;
  raw: () => string;
}

/** The status code of an AK5/IK5/AK9, an error per reason it lists, and one for a rejection without a reason. */
function answer(
  out: X12AckOutput,
  a: AnswerSegment,
): { status: string; entry: CodeEntry | undefined; outcome: Outcome } {
  const status = code(a.segment, 1);
  const entry = lookupCode(a.statusTable, status);
  const outcome: Outcome = entry?.outcome ?? 'rejected'; // an unreadable status is never taken as acceptance
  for (let i = a.reasons[0]; i <= a.reasons[1]; i += 1) {
    const reason = code(a.segment, i);
    if (reason === '') continue;
    out.errors.add(() =>
      codedError({
        source: 'x12-997',
        level: a.level,
        table: a.reasonTable,
        position: `${a.segment.id}0${i}`,
        code: reason,
        version: out.version(),
        where: a.where(),
        style: 'sentence',
        raw: a.raw(),
      }),
    );
  }
  // A rejection with no reason at all still has to reach the desk as an error.
  if (entry === undefined || (isNegative(outcome) && out.errors.count === a.errorsAtStart)) {
    out.errors.add(() =>
      codedError({
        source: 'x12-997',
        level: a.level,
        table: a.statusTable,
        position: `${a.segment.id}01`,
        code: status,
        where: a.where(),
        style: 'sentence',
        raw: a.raw(),
      }),
    );
  }
  return { status, entry, outcome };
}
