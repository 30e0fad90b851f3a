// Turns a code + where it was reported into a DecodedError. Every decoder goes through here so unknown codes
// are handled one way everywhere: known: false, the raw code in the summary, never hidden.
import type { CodeEntry, CodeTable } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { clipRaw, endSentence, joinSentence, quote } from './text.ts';
import type { DecodedError, ErrorLevel, ErrorLocation, ErrorSource } from './types.ts';

export interface CodedErrorInput {
  source: ErrorSource;
  level: ErrorLevel;
  table: CodeTable;
  /** Where in the acknowledgment the code sat, e.g. 'AK304'; becomes part of codeList. */
  position: string;
  code: string;
  /** X12 version (GS08/ST03) so codes whose meaning changed between versions decode right. */
  version?: string | undefined;
  /** Who/what the error is about, e.g. 'Segment N1 (position 12, loop N1): element 4 (N104)'. */
  where: string;
  /**
   * 'predicate': '<where> is missing but required.' (segment and element errors);
   * 'sentence': '<where>: the partner does not accept this type of document.'
   */
  style: 'predicate' | 'sentence';
  location?: ErrorLocation | undefined;
  /** Extra sentence, e.g. the 999 CTX context. */
  context?: string | undefined;
  raw: string;
}

export function unknownCodeSummary(code: string, table: CodeTable): string {
  return code.trim() === ''
    ? `Error reported without a code (${table.name})`
    : `Unknown error code ${quote(code, 20)} (${table.name})`;
}

export function codedError(input: CodedErrorInput): DecodedError {
  const entry = lookupCode(input.table, input.code, input.version);
  const explanation = withContext(
    entry === undefined ? unknownExplanation(input) : knownExplanation(input, entry),
    input.context,
  );
  const error: DecodedError = {
    source: input.source,
    level: input.level,
    code: input.code,
    codeList: `${input.table.name} (${input.position})`,
    known: entry !== undefined,
    summary: entry?.summary ?? unknownCodeSummary(input.code, input.table),
    explanation,
    raw: clipRaw(input.raw, 2_000),
  };
  if (input.location !== undefined && Object.keys(input.location).length > 0) error.location = input.location;
  return error;
}

function knownExplanation(input: CodedErrorInput, entry: CodeEntry): string {
  if (input.style === 'predicate' && entry.predicate !== undefined) {
    const bad = input.location?.badValue;
    const received = bad === undefined || bad === '' ? '' : ` (received ${quote(bad)})`;
    return `${input.where} ${entry.predicate}${received}.`;
  }
  return endSentence(joinSentence(input.where, entry.plain));
}

function unknownExplanation(input: CodedErrorInput): string {
  const what =
    input.code.trim() === ''
      ? `the partner reported an error without saying which (no code in ${input.position})`
      : `the partner reported error code ${quote(input.code, 20)}, which is not in ${input.table.name}; ` +
        'ask the partner what it means';
  return endSentence(joinSentence(input.where, what));
}

function withContext(explanation: string, context: string | undefined): string {
  return context === undefined || context === '' ? explanation : `${explanation} ${endSentence(context)}`;
}

/** Drop undefined keys so a location only carries what the partner actually told us. */
export function definedOnly<T extends object>(location: T): T {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as T;
}
