import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FALLBACK_NAME, sanitizeFileName } from './fileNameSanitizer.ts';

const clean = (raw: string, max?: number) => sanitizeFileName(raw, max).name;

/** Strings built from the characters hostile names are made of, mixed with ordinary ones. */
const hostileChar = fc.constantFrom(
  '/',
  '\\',
  '.',
  '..',
  ' ',
  ':',
  '*',
  '?',
  '"',
  '<',
  '>',
  '|',
  '\0',
  '\n',
  '\r',
  '\t',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udc00',
  'CON',
  'nul',
  'COM1',
  'LPT9',
  'é',
  '𝄞',
  'a',
  'Z',
  '7',
  '.pdf',
  '.PDF',
  '-',
  '_',
);
const hostileName = fc.oneof(
  fc.array(hostileChar, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i;

describe('file name sanitiser', () => {
  it('makes any string a safe single path segment on Windows, macOS and Linux', () => {
    fc.assert(
      fc.property(hostileName, fc.integer({ min: 16, max: 240 }), (raw, max) => {
        const name = clean(raw, max);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[/\\:*?"<>|]/);
        // eslint-disable-next-line no-control-regex -- no control character may survive
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect(name).not.toMatch(WINDOWS_RESERVED);
        expect(name === '.' || name === '..').toBe(false);
        expect([...name].length).toBeLessThanOrEqual(max);
        expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(240);
        // Well-formed UTF-16: no lone surrogate survives.
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps to the length asked for when a long extension would leave no room for a name', () => {
    // Found by the property above: the extension took all 16 characters and the fallback name came on top.
    const name = clean('..-//CON/COM1LPT9', 16);
    expect([...name].length).toBeLessThanOrEqual(16);
    expect(name).not.toMatch(WINDOWS_RESERVED);
  });

  it('is idempotent: a sanitised name comes back unchanged', () => {
    fc.assert(
      fc.property(hostileName, (raw) => {
        const once = clean(raw);
        expect(clean(once)).toBe(once);
        expect(sanitizeFileName(once).changed).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a plain extension when it shortens an overlong name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }),
        fc.constantFrom('pdf', 'png', 'xlsx', 'txt'),
        (stem, ext) => {
          const name = clean(`x${stem}.${ext}`, 120);
          expect(name.endsWith(`.${ext}`)).toBe(true);
          expect([...name].length).toBeLessThanOrEqual(120);
        },
      ),
    );
  });

  it('leaves ordinary names alone', () => {
    for (const ok of [
      'Invoice INV-1234567.pdf',
      'POD SHP-AB12CD34.png',
      'Lieferschein Nr. 5 (Kopie).pdf',
      '発注書.xlsx',
    ])
      expect(sanitizeFileName(ok)).toEqual({ name: ok, changed: false });
  });

  it.each([
    ['../../etc/passwd', '__etc_passwd'],
    ['..\\..\\Windows\\win.ini', '__Windows_win.ini'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['NUL .pdf', '_NUL.pdf'],
    ['COM1.pdf', '_COM1.pdf'],
    ['LPT¹.doc', '_LPT¹.doc'],
    ['report.pdf. . ', 'report.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['tab\tand\nnewline.pdf', 'tab and newline.pdf'],
    ['zero\u200bwidth.pdf', 'zerowidth.pdf'],
    ['a:b|c?.pdf', 'a_b_c_.pdf'],
    ['.pdf', 'document.pdf'],
    ['..', FALLBACK_NAME],
    ['', FALLBACK_NAME],
    ['   ', FALLBACK_NAME],
    ['\u0000\u0001', FALLBACK_NAME],
  ])('sanitises %j to %j', (raw, expected) => {
    expect(clean(raw)).toBe(expected);
  });

  it('shortens an overlong name to the limit, keeping its extension', () => {
    const name = clean(`${'Bill of lading '.repeat(30)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name).toMatch(/^Bill of lading .*\.pdf$/);
    expect(name).not.toMatch(/ \.pdf$/);
    // Multi-byte characters count against the 240-byte limit too.
    const wide = clean(`${'文'.repeat(200)}.pdf`, 240);
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(240);
    expect(wide.endsWith('.pdf')).toBe(true);
  });
});
