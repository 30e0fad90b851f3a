// What kind of file a document is, judged twice: by its extension (from the configured table) and by
// its first bytes. Both must agree, so a program renamed to "invoice.pdf" or a photo named ".txt" is
// refused with a reason rather than sent to a partner.
import type { FileSignature, FileTypeRule } from '../../shared/config/documentSettings.ts';

/** How many leading bytes the checks read. */
export const HEAD_BYTES = 8192;

export type TypeVerdict = { ok: true; rule: FileTypeRule; extension: string } | { ok: false; reason: string };

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const BINARY_SIGNATURES: Record<Exclude<FileSignature, 'text' | 'xml'>, (head: Buffer) => boolean> = {
  // A PDF header may follow up to 1 KB of leading bytes (ISO 32000-1, 7.5.2 note).
  pdf: (h) => h.subarray(0, 1024).includes('%PDF-'),
  png: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  gif: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')),
  tiff: (h) => startsWith(h, [0x49, 0x49, 0x2a, 0x00]) || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a]),
  webp: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8),
  zip: (h) => startsWith(h, [0x50, 0x4b, 0x03, 0x04]) || startsWith(h, [0x50, 0x4b, 0x05, 0x06]),
  ole: (h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
};

const LOOKS_LIKE: [(head: Buffer) => boolean, string][] = [
  [BINARY_SIGNATURES.pdf, 'a PDF document'],
  [BINARY_SIGNATURES.png, 'a PNG image'],
  [BINARY_SIGNATURES.jpeg, 'a JPEG image'],
  [BINARY_SIGNATURES.gif, 'a GIF image'],
  [BINARY_SIGNATURES.tiff, 'a TIFF image'],
  [BINARY_SIGNATURES.webp, 'a WebP image'],
  [BINARY_SIGNATURES.zip, 'a ZIP archive or Office document'],
  [BINARY_SIGNATURES.ole, 'an older Office document'],
  [(h) => startsWith(h, [0x4d, 0x5a]), 'a Windows program'],
  [(h) => startsWith(h, [0x7f, 0x45, 0x4c, 0x46]), 'a Linux program'],
  [
    (h) => startsWith(h, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(h, [0xca, 0xfe, 0xba, 0xbe]),
    'a macOS program',
  ],
];

/** Text: no NUL byte and valid UTF-8 (a character cut off by the end of the head is allowed), or UTF-16 with a BOM. */
function isText(head: Buffer): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  if (head.includes(0)) return false;
  // Drop a possibly incomplete last character before decoding strictly.
  let end = head.length;
  for (let back = 1; back <= 3 && back <= head.length; back++) {
    const b = head[head.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end = head.length - back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function isXml(head: Buffer): boolean {
  if (!isText(head)) return false;
  const text = head
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  return text.startsWith('<');
}

export function matchesSignature(signature: FileSignature, head: Buffer): boolean {
  if (signature === 'text') return isText(head);
  if (signature === 'xml') return isXml(head);
  return BINARY_SIGNATURES[signature](head);
}

/** What the content looks like, in words, when it does not match its extension. */
function describe(head: Buffer): string {
  for (const [test, words] of LOOKS_LIKE) if (test(head)) return words;
  return isText(head) ? 'text' : 'something else';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Judges a file by its (sanitised) name and its first bytes against the configured file types. */
export function detectFileType(name: string, head: Buffer, rules: readonly FileTypeRule[]): TypeVerdict {
  const extension = extensionOf(name);
  if (extension === '')
    return {
      ok: false,
      reason: 'The file has no extension, so Partner Desk cannot tell what kind of file it is.',
    };
  const rule = rules.find((r) => r.extensions.includes(extension));
  if (!rule) return { ok: false, reason: `Files of type .${extension} are not accepted as case documents.` };
  if (!matchesSignature(rule.signature, head))
    return {
      ok: false,
      reason: `The file is named .${extension} (${rule.label}) but its content looks like ${describe(head)}, so it was not sent.`,
    };
  return { ok: true, rule, extension };
}
