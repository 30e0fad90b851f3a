// Small text helpers shared by every decoder. Input is hostile: values can be huge, binary or contain
// control characters, and they end up in desktop notifications, so everything shown is clipped and cleaned.

/** Control characters, line/paragraph separators and lone surrogates (left by clipping) become '?'. */
function isUnsafe(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

/** Replace unsafe characters with a visible marker and clip to `max` characters. */
export function clean(value: string, max = 80): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  let cleaned = '';
  for (const ch of cut) cleaned += isUnsafe(ch.codePointAt(0) ?? 0) ? '?' : ch;
  return value.length > max ? `${cleaned}…` : cleaned;
}

/** A value as shown inside a sentence: cleaned, clipped and in double quotes. */
export function quote(value: string, max = 60): string {
  return `"${clean(value, max)}"`;
}

/** Raw segments kept on an error are clipped so one giant element cannot bloat every error that cites it. */
export function clipRaw(raw: string, max = 500): string {
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}

/** Join a location prefix and a sentence: 'Segment N1: a required segment is missing.' */
export function joinSentence(prefix: string, sentence: string): string {
  return `${prefix}: ${lowerFirst(sentence)}`;
}

/** Lower-case the first letter unless the word is an acronym or code (e.g. 'UNA', 'AS2', 'ISA'). */
export function lowerFirst(sentence: string): string {
  const first = sentence.charAt(0);
  const second = sentence.charAt(1);
  if (first === '' || (second !== '' && second === second.toUpperCase() && /[A-Z0-9]/.test(second))) {
    return sentence;
  }
  return first.toLowerCase() + sentence.slice(1);
}

/** Make sure a sentence ends with a full stop. */
export function endSentence(sentence: string): string {
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Parse a positive integer position ('12' → 12); anything else gives undefined. */
export function toPosition(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n > 0 ? n : undefined;
}

/** 'N1' + 4 → 'N104': the usual way people name an element. */
export function elementTag(segmentId: string, position: number): string {
  return `${segmentId}${String(position).padStart(2, '0')}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
