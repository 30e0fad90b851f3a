import { describe, expect, it } from 'vitest';
import { refusalByDeskLimit, refusalByPolicy } from './attachmentRules.ts';
import { byteWords } from './byteWords.ts';

const policy = { maxBytes: 1024 ** 3, allowedContentTypes: ['application/pdf', 'image/png'] };
const pdf = (sizeBytes: number) => ({ sizeBytes, contentType: 'application/pdf', label: 'PDF document' });

describe('attachment rules', () => {
  it('says sizes in words', () => {
    expect(byteWords(0)).toBe('0 bytes');
    expect(byteWords(1)).toBe('1 byte');
    expect(byteWords(1023)).toBe('1023 bytes');
    expect(byteWords(1536)).toBe('1.5 KB');
    expect(byteWords(250 * 1024 * 1024)).toBe('250 MB');
    expect(byteWords(1024 ** 3)).toBe('1 GB');
    expect(byteWords(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });

  it('accepts a file within the limit of an accepted type', () => {
    expect(refusalByPolicy(pdf(5_000_000), policy)).toBeNull();
    expect(refusalByPolicy(pdf(1024 ** 3), policy)).toBeNull();
  });

  it('refuses a file too large, naming its size and the limit', () => {
    expect(refusalByPolicy(pdf(1.5 * 1024 ** 3), policy)).toBe(
      'The file is too large: 1.5 GB, and Trading Grid accepts files up to 1 GB.',
    );
    // Just over the limit, rounded words would read "1 GB, up to 1 GB": the exact bytes are shown instead.
    expect(refusalByPolicy(pdf(1024 ** 3 + 1), policy)).toBe(
      'The file is too large: 1073741825 bytes, and Trading Grid accepts files up to 1073741824 bytes.',
    );
  });

  it('refuses a file above the desk’s own limit, naming that limit and where it is set', () => {
    expect(refusalByDeskLimit(3 * 1024 ** 2, null)).toBeNull();
    expect(refusalByDeskLimit(1024 ** 2, 1024 ** 2)).toBeNull();
    expect(refusalByDeskLimit(3 * 1024 ** 2, 1024 ** 2)).toBe(
      'The file is too large: 3 MB, and this desk takes files up to 1 MB (Settings → Documents).',
    );
  });

  it('refuses an empty file and a type Trading Grid does not take', () => {
    expect(refusalByPolicy(pdf(0), policy)).toMatch(/The file is empty/);
    expect(refusalByPolicy({ sizeBytes: 10, contentType: 'text/csv', label: 'CSV file' }, policy)).toBe(
      'Trading Grid does not accept CSV files (text/csv) as attachments.',
    );
  });
});
