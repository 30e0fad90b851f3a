// Work caps. Acknowledgments come from partners and are treated as hostile: a decode must stay bounded in
// time and memory whatever arrives.
//
// Choice documented for the lead: input over MAX_INPUT_CHARS is refused (malformed_ack). Error and document
// lists are TRUNCATED, not refused: the first MAX_ERRORS errors are kept and one final entry says how many
// more were not shown (same for documents), because a huge but valid rejection is still worth showing.
import type { AcknowledgedDocument, DecodedError, ErrorSource } from './types.ts';

/** Same bound as the xConnector contract's Acknowledgment.raw (5,000,000 characters, ~5 MB). */
export const MAX_INPUT_CHARS = 5_000_000;
export const MAX_ERRORS = 10_000;
export const MAX_DOCUMENTS = 10_000;
/** Elements collected per segment before the tokenizer only counts; far above any ack segment's maximum. */
export const MAX_ELEMENTS_COLLECTED = 1_000;

export const TRUNCATION_CODE = 'ERRORS_TRUNCATED';
export const TRUNCATION_CODE_LIST = 'Partner Desk decoder limit';

/** Collects errors up to MAX_ERRORS, then only counts, and closes with a 'N more errors not shown' entry. */
export class ErrorCollector {
  readonly kept: DecodedError[] = [];
  hidden = 0;

  /** Build the error only if it will be kept: past the cap, counting is all the work done. */
  add(build: () => DecodedError): void {
    if (this.kept.length < MAX_ERRORS) this.kept.push(build());
    else this.hidden += 1;
  }

  /**
   * Count errors that are never built. Only for errors that come after at least MAX_ERRORS others (the
   * UCDs past the first MAX_ERRORS of one segment report), so none of them could have been kept anyway.
   */
  countUnshown(errors: number): void {
    this.hidden += errors;
  }

  get count(): number {
    return this.kept.length + this.hidden;
  }

  finish(source: ErrorSource): DecodedError[] {
    const errors = this.kept.map((error) => ({ ...error, source }));
    if (this.hidden > 0) errors.push(truncationEntry(source, this.hidden, this.count));
    return errors;
  }
}

export function truncationEntry(source: ErrorSource, hidden: number, total: number): DecodedError {
  return {
    source,
    level: 'interchange',
    code: TRUNCATION_CODE,
    codeList: TRUNCATION_CODE_LIST,
    known: true,
    summary: `${hidden} more errors not shown`,
    explanation:
      `The acknowledgment reports ${total} errors; only the first ${MAX_ERRORS} are listed. ` +
      'Open the raw acknowledgment to see the rest.',
    raw: '',
  };
}

/** How many errors a truncation entry stands for (0 for ordinary errors). */
export function hiddenCount(error: DecodedError): number {
  if (error.code !== TRUNCATION_CODE || error.codeList !== TRUNCATION_CODE_LIST) return 0;
  const match = /^(\d+) more/.exec(error.summary);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

export class DocumentCollector {
  readonly kept: AcknowledgedDocument[] = [];
  hidden = 0;

  /** Like ErrorCollector.add: documents past the cap are only counted, never built. */
  add(build: () => AcknowledgedDocument): void {
    if (this.kept.length < MAX_DOCUMENTS) this.kept.push(build());
    else this.hidden += 1;
  }

  finish(): AcknowledgedDocument[] {
    if (this.hidden === 0) return this.kept;
    return [...this.kept, { status: 'not-shown', statusText: `${this.hidden} more documents not shown` }];
  }
}
