// File names from anywhere (a dropped file, xConnector, a partner) are untrusted: they may carry path
// separators or `..` to escape a folder, control or bidirectional characters that disguise the real
// extension ("invoice<RLO>fdp.exe"), names Windows reserves for devices (CON, NUL, COM1…), trailing dots
// and spaces Windows silently drops, or a length no file system takes. This turns any string into a
// name that is safe as one path segment on Windows, macOS and Linux and still reads like the original.

export interface SanitizedName {
  name: string;
  /** False when the name was already safe and is returned unchanged. */
  changed: boolean;
}

export const FALLBACK_NAME = 'document';

/** Most file systems limit one name to 255 bytes; stay below with room for a " (2)" suffix. */
const MAX_NAME_BYTES = 240;
const MAX_EXTENSION_CHARS = 16;

// C0 and C1 controls, DEL, bidirectional overrides and isolates, zero-width and other invisible
// format characters, the BOM, and lone surrogates (replaced, since they cannot be encoded).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Path separators and the characters Windows forbids in names.
const FORBIDDEN = /[/\\:*?"<>|]/g;
// Device names Windows reserves, with or without an extension ("CON", "con.txt", "COM1.pdf", "LPT¹").
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `chars` code points and `bytes` UTF-8 bytes, never splitting a character. */
function cut(text: string, chars: number, bytes: number): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count + 1 > chars || utf8Length(out + ch) > bytes) break;
    out += ch;
    count++;
  }
  return out;
}

/** Dots and spaces at either end are dropped: leading ones hide files or spell `..`, trailing ones vanish on Windows. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/gu, '');
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return { stem: name, extension: '' };
  const extension = name.slice(dot + 1);
  // Only a short, plain extension is kept apart; anything else is part of the name.
  if (
    extension.length === 0 ||
    extension.length > MAX_EXTENSION_CHARS ||
    !/^[\p{L}\p{N}_-]+$/u.test(extension)
  )
    return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension };
}

/**
 * A safe version of `raw`, at most `maxChars` characters (and 240 UTF-8 bytes). Overlong names are
 * shortened at the end of the stem, keeping the extension; an empty name becomes "document".
 */
export function sanitizeFileName(raw: string, maxChars = 150): SanitizedName {
  // Line breaks and tabs separate words: they become spaces; other invisible characters go.
  let name = raw
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_');
  name = name.replace(/\s+/gu, ' ');
  // `..` between separators was a path step; with the separators gone it would only be noise.
  name = name.replace(/(^|_)\.\.(?=_|$)/g, '$1');
  name = name.replace(/[\s.]+$/u, '');

  let split = splitExtension(name);
  // An extension that would leave no room for a name of its own is part of the name.
  if (Math.max(16, maxChars) - [...split.extension].length - 1 < FALLBACK_NAME.length)
    split = { stem: name, extension: '' };
  const extPart = split.extension ? `.${split.extension}` : '';
  let stem = trimEnds(split.stem);
  if (stem === '') stem = FALLBACK_NAME;
  if (RESERVED.test(stem.split('.')[0]?.trim() ?? '')) stem = `_${stem}`;

  const room = Math.max(16, maxChars) - [...extPart].length;
  const roomBytes = MAX_NAME_BYTES - utf8Length(extPart);
  if ([...stem].length > room || utf8Length(stem) > roomBytes) {
    stem = trimEnds(cut(stem, room, roomBytes));
    if (stem === '') stem = FALLBACK_NAME;
  }
  const result = `${stem}${extPart}`;
  return { name: result, changed: result !== raw };
}
