// EDIFACT lexical layer: read the UNA service string advice (or use the ISO 9735 defaults) and cut the text
// into segments, elements and components, honouring the release character so an escaped separator ('?+')
// stays inside its value. Segments are produced lazily to keep memory flat on large inputs.
import { MAX_ELEMENTS_COLLECTED } from './limits.ts';
import { quote } from './text.ts';

export interface EdifactDelimiters {
  component: string;
  element: string;
  decimal: string;
  /** Undefined when UNA says no release character (a space in that position). */
  release: string | undefined;
  segment: string;
}

export interface EdifactSegment {
  tag: string;
  /** elements[0] is the tag element; elements[n][m] is component m+1 of data element n. */
  elements: readonly (readonly string[])[];
  /** Real number of data elements, even when only the first MAX_ELEMENTS_COLLECTED were kept. */
  elementCount: number;
  raw: string;
  ordinal: number;
}

export type EdifactLexer =
  | { ok: true; delimiters: EdifactDelimiters; segments: () => Generator<EdifactSegment> }
  | { ok: false; message: string };

export const EDIFACT_DEFAULTS: EdifactDelimiters = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  segment: "'",
};

const ALNUM = /[A-Za-z0-9]/;

function fromUna(text: string): EdifactDelimiters | string {
  if (text.length < 9) {
    return 'UNA service string advice is truncated: it needs six characters after "UNA"';
  }
  const [component = '', element = '', decimal = '', release = '', , segment = ''] = text.slice(3, 9);
  const separators = [component, element, segment];
  if (separators.some((ch) => ALNUM.test(ch) || ch === ' ')) {
    return `UNA separators ${quote(text.slice(3, 9), 10)} include a letter, digit or space`;
  }
  const distinct = release === ' ' ? separators : [...separators, release];
  if (new Set(distinct).size !== distinct.length) {
    return `UNA separators ${quote(text.slice(3, 9), 10)} are not distinct`;
  }
  return { component, element, decimal, release: release === ' ' ? undefined : release, segment };
}

export function openEdifact(text: string): EdifactLexer {
  const hasUna = text.startsWith('UNA');
  const found = hasUna ? fromUna(text) : EDIFACT_DEFAULTS;
  if (typeof found === 'string') return { ok: false, message: found };
  return { ok: true, delimiters: found, segments: () => segments(text, hasUna ? 9 : 0, found) };
}

const isGap = (ch: string | undefined): boolean => ch === '\r' || ch === '\n' || ch === ' ' || ch === '\t';

function* segments(text: string, from: number, d: EdifactDelimiters): Generator<EdifactSegment> {
  let i = from;
  let ordinal = 0;
  const n = text.length;
  while (i < n) {
    // Line breaks between segments are formatting (unless a line break is itself a separator).
    while (i < n && isGap(text[i]) && text[i] !== d.segment && text[i] !== d.element) i += 1;
    if (i >= n) break;
    const start = i;
    const elements: string[][] = [];
    let components: string[] = [];
    let current = '';
    let elementCount = 0;
    let ended = false;
    while (i < n) {
      const ch = text[i] as string;
      if (d.release !== undefined && ch === d.release) {
        current += text[i + 1] ?? ''; // a release character at the very end escapes nothing
        i += 2;
        continue;
      }
      i += 1;
      if (ch === d.segment) {
        ended = true;
        break;
      }
      if (ch === d.element) {
        components.push(current);
        if (elements.length <= MAX_ELEMENTS_COLLECTED) elements.push(components);
        elementCount += 1;
        components = [];
        current = '';
      } else if (ch === d.component) {
        components.push(current);
        current = '';
      } else if (current.length < 1_000_000) {
        current += ch;
      }
    }
    components.push(current);
    if (elements.length <= MAX_ELEMENTS_COLLECTED) elements.push(components);
    const raw = text.slice(start, ended ? i - 1 : i).replace(/[\r\n]+$/, '');
    if (raw === '') continue;
    ordinal += 1;
    yield { tag: (elements[0]?.[0] ?? '').trim(), elements, elementCount, raw, ordinal };
  }
}
