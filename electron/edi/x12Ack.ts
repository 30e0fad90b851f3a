// X12 997 (functional acknowledgment) and 999 (implementation acknowledgment) decoding.
//
// Walks the segments once, keeping only the current group (AK1…AK9), transaction set (AK2…AK5) and segment
// error (AK3/IK3 with its AK4/IK4 and CTX children). Unknown segments are skipped; AK and IK segments are
// accepted in either kind of ack so a sloppy translator still decodes. What each answer means lives in
// x12Responses.ts, segment and element errors in x12SegmentErrors.ts, their wording in x12Where.ts.
import type { Outcome } from './codes/codeTable.ts';
import { decoded, malformed, notAnAck } from './result.ts';
import { combineOutcomes, finalStatus, isAccepted } from './status.ts';
import { quote } from './text.ts';
import type { AckDecodeResult } from './types.ts';
import { openX12AckOutput } from './x12AckOutput.ts';
import { code, elementCountProblem, X12_ENVELOPE_SEGMENTS, X12_FIRST_SEGMENTS } from './x12AckSegments.ts';
import { openX12 } from './x12Envelope.ts';
import type { GroupState, TransactionState } from './x12Responses.ts';
import {
  answerGroup,
  answerTransaction,
  noteUnanswered,
  openGroup,
  openTransaction,
} from './x12Responses.ts';
import type { SegmentReport } from './x12SegmentErrors.ts';
import { addContext, addElementError, openSegmentReport, reportSegmentErrors } from './x12SegmentErrors.ts';

export function decodeX12Ack(text: string): AckDecodeResult {
  const lexer = openX12(text);
  if (!lexer.ok) return malformed(lexer.message);
  let groupVersion: string | undefined;
  let setVersion: string | undefined;
  const out = openX12AckOutput(lexer.delimiters, () => groupVersion ?? setVersion);
  const { errors } = out;
  const topOutcomes: Outcome[] = [];

  let kind: '997' | '999' | undefined;
  let sawImplementationSegments = false;
  let sawAckSegments = false;
  let foreignSet: string | undefined;
  let firstForeignSet: string | undefined;
  let firstId: string | undefined;
  let group: GroupState | undefined;
  let transaction: TransactionState | undefined;
  let pending: SegmentReport | undefined;

  /** AK3/AK4/AK5 with no AK2 before them still belong to a transaction set: an unnamed one. */
  const ensureTransaction = (): TransactionState => {
    if (transaction === undefined) {
      transaction = openTransaction(undefined, errors.count);
      if (group !== undefined) group.transactions += 1;
    }
    return transaction;
  };

  const flushSegment = (): void => {
    const report = pending;
    pending = undefined;
    if (report !== undefined) reportSegmentErrors(out, report);
  };

  const closeTransaction = (): void => {
    flushSegment();
    if (transaction !== undefined && !transaction.responded) noteUnanswered(out, transaction);
    transaction = undefined;
  };

  const closeGroup = (groupOutcome?: Outcome): void => {
    closeTransaction();
    if (group === undefined) return;
    if (groupOutcome !== undefined) topOutcomes.push(groupOutcome);
    else topOutcomes.push(...group.outcomes); // no AK9: the transaction responses speak for the group
    group = undefined;
  };

  for (const segment of lexer.segments()) {
    if (firstId === undefined) {
      firstId = segment.id;
      if (!X12_FIRST_SEGMENTS.has(segment.id)) return notAnAck(`first segment is ${quote(segment.id, 20)}`);
    }
    if (foreignSet !== undefined && !X12_ENVELOPE_SEGMENTS.has(segment.id)) continue;
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
        group = openGroup(segment, errors.count);
        break;
      case 'AK2':
        sawAckSegments = true;
        closeTransaction();
        transaction = openTransaction(segment, errors.count);
        if (group !== undefined) group.transactions += 1;
        break;
      case 'AK3':
      case 'IK3':
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK3';
        flushSegment();
        ensureTransaction();
        pending = openSegmentReport(segment);
        break;
      case 'AK4':
      case 'IK4':
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK4';
        ensureTransaction();
        pending ??= openSegmentReport(undefined);
        addElementError(pending, segment);
        break;
      case 'CTX':
        if (pending !== undefined) addContext(pending, segment);
        break;
      case 'AK5':
      case 'IK5': {
        sawAckSegments = true;
        sawImplementationSegments ||= segment.id === 'IK5';
        flushSegment();
        const outcome = answerTransaction(out, segment, ensureTransaction());
        (group?.outcomes ?? topOutcomes).push(outcome);
        transaction = undefined;
        break;
      }
      case 'AK9': {
        sawAckSegments = true;
        closeTransaction();
        const answered = group ?? openGroup(undefined, errors.count);
        const outcome = answerGroup(out, segment, answered);
        group = answered;
        closeGroup(outcome);
        break;
      }
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
    acknowledgedDocuments: out.documents.finish(),
    errors: errors.finish(ackKind === '999' ? 'x12-999' : 'x12-997'),
  });
}
