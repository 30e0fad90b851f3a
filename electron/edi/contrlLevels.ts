// The three response levels of a CONTRL: UCI for the interchange, UCF for a functional group, UCM for one
// message. Each carries an action code (0083: accepted, rejected, received …), optionally its own syntax error
// (0085) with where it sat, and stands for an acknowledged document.
import type { Outcome } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { EDIFACT_0083 } from './codes/edifact0083.ts';
import { EDIFACT_0085 } from './codes/edifact0085.ts';
import type { ContrlOutput } from './contrlOutput.ts';
import { reportCode } from './contrlOutput.ts';
import { component, elementIdentification, elementPart } from './contrlSegments.ts';
import type { EdifactSegment } from './edifactEnvelope.ts';
import { definedOnly, unknownCodeSummary } from './explain.ts';
import { isNegative } from './status.ts';
import { clean } from './text.ts';
import type { AcknowledgedDocument, ErrorLevel } from './types.ts';

export interface Level {
  reference: string;
  /** A function: labels are error text, built only for errors that are kept. */
  label: () => string;
  action: string;
  outcome: Outcome;
  known: boolean;
  segment: EdifactSegment;
  /** Errors counted before this level: a rejection that added none gets its action code as the reason. */
  errorsAtStart: number;
  level: ErrorLevel;
}

/** UCM has no 'interchange sender/recipient' elements, so its codes sit one element earlier. */
const actionIndex = (segment: EdifactSegment): number => (segment.tag === 'UCM' ? 3 : 4);

/** A response level (UCI/UCF/UCM): its action code, its own syntax error and its status document. */
export function openLevel(
  out: ContrlOutput,
  segment: EdifactSegment,
  level: ErrorLevel,
  reference: string,
  label: () => string,
): Level {
  const action = component(segment, actionIndex(segment));
  const entry = lookupCode(EDIFACT_0083, action);
  const opened: Level = {
    reference,
    label,
    action,
    outcome: entry?.outcome ?? 'rejected', // an unreadable action is never taken as acceptance
    known: entry !== undefined,
    segment,
    errorsAtStart: out.errors.count,
    level,
  };
  const codeIndex = actionIndex(segment) + 1;
  const syntaxError = component(segment, codeIndex);
  if (syntaxError !== '') {
    reportCode(out, level, EDIFACT_0085, `${segment.tag}0${codeIndex}`, syntaxError, () => {
      const serviceSegment = component(segment, codeIndex + 1);
      const id = elementIdentification(segment, codeIndex + 2);
      return {
        where: `${label()}${serviceSegment === '' ? '' : `, segment ${clean(serviceSegment, 10)}`}${elementPart(id)}`,
        location: definedOnly({
          segmentId: serviceSegment === '' ? undefined : clean(serviceSegment, 10),
          ...id,
        }),
        raw: out.raw(segment),
      };
    });
  }
  return opened;
}

/** Closing a level: a rejection (or unreadable action) with no reason given still reaches the desk. */
export function closeLevel(out: ContrlOutput, level: Level | undefined): void {
  if (level === undefined) return;
  if (!level.known || (isNegative(level.outcome) && out.errors.count === level.errorsAtStart)) {
    reportCode(
      out,
      level.level,
      EDIFACT_0083,
      `${level.segment.tag}0${actionIndex(level.segment)}`,
      level.action,
      () => ({ where: level.label(), location: undefined, raw: out.raw(level.segment) }),
    );
  }
}

// Labels are functions so their text is only built for errors that are kept (see Level.label).
export const interchangeLabel = (reference: string) => (): string =>
  `Interchange ${clean(reference, 20)}`.trim();

export const groupLabel = (reference: string) => (): string =>
  `Functional group ${clean(reference, 20)}`.trim();

/** 'Message MSG0001 (ORDERS D:96A)': the UCM's reference and the message type and version it names. */
export const messageLabel = (segment: EdifactSegment, reference: string, type: string) => (): string => {
  const version = [component(segment, 2, 1), component(segment, 2, 2)].filter((v) => v !== '').join(':');
  const typeText =
    type === '' ? '' : ` (${clean(type, 10)}${version === '' ? '' : ` ${clean(version, 10)}`})`;
  return `Message ${clean(reference, 20)}${typeText}`;
};

/** The document a level stands for, with its action code in words. */
export function levelDocument(level: Level, documentType: string | undefined): AcknowledgedDocument {
  return {
    controlNumber: level.reference || undefined,
    documentType,
    status: level.action,
    statusText:
      lookupCode(EDIFACT_0083, level.action)?.summary ?? unknownCodeSummary(level.action, EDIFACT_0083),
  };
}
