// X12 lexical layer: find the delimiters (from the ISA, or defaults for bare segments) and cut the text into
// segments lazily, so a 5 MB input never becomes millions of objects at once.
import { MAX_ELEMENTS_COLLECTED } from './limits.ts';
import { quote } from './text.ts';

export interface X12Delimiters {
  element: string;
  component: string;
  segment: string;
}

export interface X12Segment {
  /** Segment ID, e.g. 'AK3'. */
  id: string;
  /** elements[0] is the ID, elements[n] is the n-th data element (XX01 = elements[1]). */
  elements: readonly string[];
  /** Real number of data elements, even when only the first MAX_ELEMENTS_COLLECTED were kept. */
  elementCount: number;
  raw: string;
  /** 1-based position of the segment in the input. */
  ordinal: number;
}

export type X12Lexer =
  | { ok: true; delimiters: X12Delimiters; segments: () => Generator<X12Segment> }
  | { ok: false; message: string };

const ISA_LENGTH = 106;
const ALNUM = /[A-Za-z0-9]/;

function isUsableSeparator(ch: string | undefined, allowNewline: boolean): ch is string {
  if (ch === undefined || ch.length !== 1 || ALNUM.test(ch) || ch === ' ') return false;
  return allowNewline || (ch !== '\n' && ch !== '\r');
}

/** Delimiters from the ISA: element separator is character 4, component separator is ISA16, then the terminator. */
function fromIsa(text: string): X12Delimiters | string {
  const element = text[3];
  if (!isUsableSeparator(element, false)) {
    return `ISA segment has no usable element separator after "ISA" (found ${quote(element ?? 'end of input', 10)})`;
  }
  let componentIndex: number | undefined;
  if (text.length >= ISA_LENGTH && text[103] === element) {
    componentIndex = 104; // the fixed-width ISA everyone should send
  } else {
    // Tolerate a non-fixed-width ISA: ISA16 follows the 16th element separator.
    let seen = 0;
    for (let i = 3; i < Math.min(text.length, 400); i += 1) {
      if (text[i] === element && ++seen === 16) {
        componentIndex = i + 1;
        break;
      }
    }
  }
  if (componentIndex === undefined || componentIndex + 1 >= text.length) {
    return 'ISA segment is truncated: it ends before ISA16 and the segment terminator';
  }
  const component = text[componentIndex];
  const segment = text[componentIndex + 1];
  if (!isUsableSeparator(component, false)) {
    return `ISA16 component separator ${quote(component ?? '', 10)} is not usable (letters, digits and spaces are not allowed)`;
  }
  if (!isUsableSeparator(segment, true)) {
    return `ISA segment terminator ${quote(segment ?? '', 10)} is not usable (letters, digits and spaces are not allowed)`;
  }
  if (new Set([element, component, segment]).size !== 3) {
    return `ISA delimiters are not distinct: element ${quote(element)}, component ${quote(component)}, segment ${quote(segment)}`;
  }
  return { element, component, segment };
}

/** Bare segments (no ISA): the element separator is whatever follows the first segment ID. */
function defaults(text: string): X12Delimiters {
  const match = /^[A-Za-z][A-Za-z0-9]{1,2}([^A-Za-z0-9\s])/.exec(text);
  const element = match?.[1] ?? '*';
  const segment = element !== '~' && text.includes('~') ? '~' : '\n';
  const component = element === ':' ? '>' : ':';
  return { element, component, segment };
}

export function openX12(text: string): X12Lexer {
  const found = text.startsWith('ISA') ? fromIsa(text) : defaults(text);
  if (typeof found === 'string') return { ok: false, message: found };
  return { ok: true, delimiters: found, segments: () => segments(text, found) };
}

function* segments(text: string, delimiters: X12Delimiters): Generator<X12Segment> {
  let start = 0;
  let ordinal = 0;
  while (start < text.length) {
    let end = text.indexOf(delimiters.segment, start);
    if (end === -1) end = text.length;
    // Line breaks and blanks around terminators are formatting, not data.
    const raw = text
      .slice(start, end)
      .replace(/^\s+/, '')
      .replace(/[\r\n]+$/, '');
    start = end + delimiters.segment.length;
    if (raw === '') continue;
    ordinal += 1;
    const elements = raw.split(delimiters.element, MAX_ELEMENTS_COLLECTED + 1);
    yield {
      id: (elements[0] ?? '').trim(),
      elements,
      elementCount:
        elements.length > MAX_ELEMENTS_COLLECTED ? countOf(raw, delimiters.element) : elements.length - 1,
      raw,
      ordinal,
    };
  }
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n += 1;
  return n;
}
