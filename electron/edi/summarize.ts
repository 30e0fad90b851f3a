// summarizeErrors: the 1–3 line text for a partner alert or a desktop notification.
import { hiddenCount } from './limits.ts';
import { clean, elementTag, lowerFirst, plural, quote } from './text.ts';
import type { DecodedError, ErrorLocation } from './types.ts';

const HEADLINES = 3;

/** The shortest way to say where: 'N104', 'N1 segment, position 12', 'segment 4, element 3:1'. */
function shortWhere(location: ErrorLocation | undefined): string {
  if (location === undefined) return '';
  const segmentId = location.segmentId === undefined ? undefined : clean(location.segmentId, 10);
  const element = location.elementPosition;
  const component = location.componentPosition;
  if (segmentId !== undefined && element !== undefined) {
    return elementTag(segmentId, element) + (component === undefined ? '' : `-${component}`);
  }
  if (segmentId !== undefined) {
    return location.segmentPosition === undefined
      ? `${segmentId} segment`
      : `${segmentId} segment, position ${location.segmentPosition}`;
  }
  const parts: string[] = [];
  if (location.segmentPosition !== undefined) parts.push(`segment ${location.segmentPosition}`);
  if (element !== undefined)
    parts.push(`element ${element}${component === undefined ? '' : `:${component}`}`);
  return parts.join(', ');
}

function headline(error: DecodedError): string {
  const where = shortWhere(error.location);
  const bad = error.location?.badValue;
  const value = error.level === 'element' && bad !== undefined && bad !== '' ? ` ${quote(bad, 20)}` : '';
  return clean(`${lowerFirst(String(error.summary))}${value}${where === '' ? '' : ` (${where})`}`, 120);
}

/**
 * '2 errors: required data element missing (N104); invalid code value "ZZ" (BEG01)'. At most three errors
 * are named; a second line says how many more there are (including any the decoder truncated).
 */
export function summarizeErrors(errors: DecodedError[]): string {
  if (!Array.isArray(errors)) return 'No errors.';
  const shown: DecodedError[] = [];
  let hidden = 0;
  for (const error of errors) {
    if (typeof error !== 'object' || error === null) continue;
    const truncated = hiddenCount(error);
    if (truncated > 0) hidden += truncated;
    else shown.push(error);
  }
  const total = shown.length + hidden;
  if (total === 0) return 'No errors.';
  const named = shown.slice(0, HEADLINES).map(headline);
  const first =
    named.length === 0 ? plural(total, 'error') : `${plural(total, 'error')}: ${named.join('; ')}`;
  const rest = total - named.length;
  return rest > 0 ? `${first}\n…and ${rest} more.` : first;
}
