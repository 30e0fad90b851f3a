// What every part of one CONTRL decode writes to: the error and document lists (capped, see limits.ts) and
// the raw text of the segments an error came from.
import type { CodeTable } from './codes/codeTable.ts';
import type { EdifactSegment } from './edifactEnvelope.ts';
import { codedError } from './explain.ts';
import { DocumentCollector, ErrorCollector } from './limits.ts';
import { clipRaw } from './text.ts';
import type { ErrorLevel, ErrorLocation } from './types.ts';

export interface ContrlOutput {
  readonly errors: ErrorCollector;
  readonly documents: DocumentCollector;
  /** The segments an error came from, each clipped, written back with the partner's terminator. */
  readonly raw: (...segments: (EdifactSegment | undefined)[]) => string;
}

export function openContrlOutput(terminator: string): ContrlOutput {
  return {
    errors: new ErrorCollector(),
    documents: new DocumentCollector(),
    raw: (...segments) =>
      segments
        .filter((s) => s !== undefined)
        .map((s) => clipRaw(s.raw) + terminator)
        .join(''),
  };
}

/** What an error says about where it sat; built only for errors that will be kept (see ErrorCollector). */
export interface Placement {
  where: string;
  location: ErrorLocation | undefined;
  raw: string;
}

/**
 * Position-style wording ('…data element 3 is missing') only when a position was named. The placement is
 * a function so that errors past the cap (hundreds of thousands in a hostile CONTRL) cost only a count.
 */
export function reportCode(
  out: ContrlOutput,
  level: ErrorLevel,
  table: CodeTable,
  position: string,
  code: string,
  place: () => Placement,
): void {
  out.errors.add(() => {
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
}
