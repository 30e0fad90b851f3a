import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_TYPES, DocumentSettings } from '../../shared/config/documentSettings.ts';
import { pdfDocument, pngImage } from '../simulators/xconnector/documentContent.ts';
import { detectFileType } from './fileTypes.ts';

const judge = (name: string, head: Buffer) => detectFileType(name, head, DEFAULT_FILE_TYPES);
const bytes = (...b: number[]) => Buffer.from(b);

describe('file type detection (extension and content must agree)', () => {
  it.each([
    ['invoice.pdf', pdfDocument('Invoice', ['1 line']), 'application/pdf'],
    ['INVOICE.PDF', pdfDocument('Invoice', []), 'application/pdf'],
    ['pod.png', pngImage(1), 'image/png'],
    ['pod.jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['scan.tif', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0), 'image/tiff'],
    ['lines.csv', Buffer.from('sku;qty\nA-1;12\n'), 'text/csv'],
    ['asn.edi', Buffer.from('ISA*00*          *00*'), 'text/plain'],
    ['notes.txt', Buffer.from('Grüße — 発注書 ✓'), 'text/plain'],
    ['asn.xml', Buffer.from('\ufeff  <?xml version="1.0"?><ASN/>'), 'application/xml'],
    [
      'packing list.xlsx',
      bytes(0x50, 0x4b, 0x03, 0x04, 20, 0),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['legacy.doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'application/msword'],
  ])('accepts %s as %s', (name, head, contentType) => {
    const verdict = judge(name, head);
    expect(verdict.ok && verdict.rule.contentType).toBe(contentType);
  });

  it('refuses a program renamed to look like a document, naming what it really is', () => {
    const verdict = judge('invoice.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'));
    expect(verdict).toEqual({
      ok: false,
      reason:
        'The file is named .pdf (PDF document) but its content looks like a Windows program, so it was not sent.',
    });
    expect(judge('notes.txt', Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'))).toMatchObject({ ok: false });
  });

  it('refuses a photo named as text and a PDF named as a picture', () => {
    expect(judge('notes.txt', pngImage(2))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/looks like a PNG image/),
    });
    expect(judge('pod.png', pdfDocument('x', []))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/looks like a PDF document/),
    });
  });

  it('accepts text whose last character is cut off by the end of the sample, but not invalid UTF-8', () => {
    const cut = Buffer.from('Lieferschein für Bär', 'utf8').subarray(0, -1);
    expect(judge('a.txt', cut).ok).toBe(true);
    expect(judge('a.txt', bytes(0x61, 0xc3, 0x28, 0x62)).ok).toBe(false);
  });

  it('refuses unknown and missing extensions with a reason', () => {
    expect(judge('setup.exe', bytes(0x4d, 0x5a))).toEqual({
      ok: false,
      reason: 'Files of type .exe are not accepted as case documents.',
    });
    expect(judge('README', Buffer.from('hi'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no extension/),
    });
  });
});

describe('document settings', () => {
  it('has defaults for everything', () => {
    const s = DocumentSettings.parse({});
    expect(s.chunkBytes).toBe(8 * 1024 * 1024);
    expect(s.fileTypes.length).toBeGreaterThan(5);
  });

  it('refuses an extension claimed by two file types, and a malformed rule, with clear errors', () => {
    const twice = DocumentSettings.safeParse({
      fileTypes: [
        { extensions: ['pdf'], contentType: 'application/pdf', label: 'PDF', signature: 'pdf' },
        { extensions: ['pdf'], contentType: 'application/x-pdf', label: 'PDF too', signature: 'pdf' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('each extension may appear in one file type only');
    const bad = DocumentSettings.safeParse({
      fileTypes: [{ extensions: ['.PDF'], contentType: 'pdf', label: '', signature: 'magic' }],
      chunkBytes: 10,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining([
        'chunkBytes',
        'fileTypes.0.extensions.0',
        'fileTypes.0.contentType',
        'fileTypes.0.signature',
      ]),
    );
  });
});
