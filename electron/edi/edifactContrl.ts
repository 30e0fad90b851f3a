// EDIFACT CONTRL (syntax and service report) decoding, syntax versions 3 and 4.
//
// Walks the segments once, keeping only the current interchange (UCI), group (UCF), message (UCM) and segment
// error (UCS with its UCDs). The overall status reflects the messages/groups the CONTRL lists when it lists any
// (a CONTRL only names the rejected ones and, optionally, the accepted ones), and the UCI otherwise. What a
// level means lives in contrlLevels.ts, segment and element errors in contrlSegmentErrors.ts.
import type { Outcome } from './codes/codeTable.ts';
import type { Level } from './contrlLevels.ts';
import {
  closeLevel,
  groupLabel,
  interchangeLabel,
  levelDocument,
  messageLabel,
  openLevel,
} from './contrlLevels.ts';
import { openContrlOutput } from './contrlOutput.ts';
import type { SegmentReport } from './contrlSegmentErrors.ts';
import { addElementError, openSegmentReport, reportSegmentErrors } from './contrlSegmentErrors.ts';
import {
  component,
  EDIFACT_ENVELOPE_SEGMENTS,
  EDIFACT_FIRST_SEGMENTS,
  elementCountProblem,
} from './contrlSegments.ts';
import { openEdifact } from './edifactEnvelope.ts';
import { decoded, malformed, notAnAck } from './result.ts';
import { combineOutcomes, finalStatus, isAccepted } from './status.ts';
import { quote } from './text.ts';
import type { AckDecodeResult } from './types.ts';

export function decodeContrl(text: string): AckDecodeResult {
  const lexer = openEdifact(text);
  if (!lexer.ok) return malformed(lexer.message);
  const out = openContrlOutput(lexer.delimiters.segment);
  const { errors, documents } = out;

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

  const currentMessageLabel = (): string => message?.label() ?? 'The message';

  const flushSegment = (): void => {
    const report = pending;
    pending = undefined;
    if (report !== undefined) reportSegmentErrors(out, report, currentMessageLabel);
  };

  const closeMessage = (): void => {
    flushSegment();
    closeLevel(out, message);
    message = undefined;
  };

  const closeGroup = (): void => {
    closeMessage();
    const closing = group;
    // A group that names none of its messages is itself the acknowledged document.
    if (closing !== undefined && closing.messages === 0) {
      documents.add(() => levelDocument(closing, 'functional group'));
    }
    closeLevel(out, group);
    group = undefined;
  };

  for (const segment of lexer.segments()) {
    if (firstTag === undefined) {
      firstTag = segment.tag;
      if (!EDIFACT_FIRST_SEGMENTS.has(segment.tag))
        return notAnAck(`first segment is ${quote(segment.tag, 20)}`);
    }
    if (foreignMessage !== undefined && !EDIFACT_ENVELOPE_SEGMENTS.has(segment.tag)) continue;
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
        closeLevel(out, interchange);
        const reference = component(segment, 1);
        interchange = openLevel(out, segment, 'interchange', reference, interchangeLabel(reference));
        interchangeOutcomes.push(interchange.outcome);
        break;
      }
      case 'UCF': {
        sawResponses = true;
        closeGroup();
        const reference = component(segment, 1);
        group = { ...openLevel(out, segment, 'group', reference, groupLabel(reference)), messages: 0 };
        lowerOutcomes.push(group.outcome);
        break;
      }
      case 'UCM': {
        sawResponses = true;
        closeMessage();
        const reference = component(segment, 1);
        const type = component(segment, 2, 0);
        const opened = openLevel(
          out,
          segment,
          'transaction',
          reference,
          messageLabel(segment, reference, type),
        );
        message = opened;
        lowerOutcomes.push(opened.outcome);
        if (group !== undefined) group.messages += 1;
        documents.add(() => levelDocument(opened, type || undefined));
        break;
      }
      case 'UCS':
        sawResponses = true;
        flushSegment();
        pending = openSegmentReport(segment);
        break;
      case 'UCD':
        sawResponses = true;
        pending ??= openSegmentReport(undefined);
        addElementError(pending, segment);
        break;
      default:
        break; // UNB, UNG and anything unknown: nothing to decode
    }
  }
  closeGroup();
  closeLevel(out, interchange);

  if (firstTag === undefined) return notAnAck('the input contains no segments');
  if (!sawContrlHeader && !sawResponses) {
    return notAnAck(
      firstForeignMessage === undefined
        ? `no CONTRL message found (first segment is ${quote(firstTag, 20)})`
        : `message type is ${quote(firstForeignMessage, 20)}`,
    );
  }
  // A CONTRL that lists no group or message acknowledges the interchange as a whole.
  if (interchange !== undefined && documents.kept.length === 0) {
    const whole = interchange;
    documents.add(() => levelDocument(whole, 'interchange'));
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
