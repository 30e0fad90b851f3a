import { describe, expect, it } from 'vitest';
import type { DecodedError } from './index.ts';
import { decodeTransmissionError, decodeValidationError, summarizeErrors } from './index.ts';

describe('Error summaries for alerts', () => {
  it('says so when there are no errors', () => {
    expect(summarizeErrors([])).toBe('No errors.');
  });

  it('names one error on one line', () => {
    expect(summarizeErrors([decodeTransmissionError('SFTP_AUTH_FAILED')])).toBe('1 error: SFTP login failed');
  });

  it('names up to three errors with where they are', () => {
    const errors = [
      decodeValidationError({ code: 'MISSING_FIELD', segment: 'N1', element: 'N104' }),
      decodeValidationError({ code: 'INVALID_CODE', element: 'BEG01', value: 'ZZ' }),
    ];
    expect(summarizeErrors(errors)).toBe(
      '2 errors: required field missing (N104); invalid code "ZZ" (BEG01)',
    );
  });

  it('adds a second line with how many more there are', () => {
    const errors = Array.from({ length: 7 }, () => decodeTransmissionError('CONNECTION_TIMEOUT'));
    const summary = summarizeErrors(errors);
    expect(summary.split('\n')).toEqual([
      '7 errors: connection timed out; connection timed out; connection timed out',
      '…and 4 more.',
    ]);
  });

  it('keeps acronyms and codes upper case', () => {
    expect(summarizeErrors([decodeTransmissionError('AS2_SIGNATURE_INVALID')])).toBe(
      '1 error: AS2 signature not valid',
    );
  });

  it('ignores junk entries instead of throwing', () => {
    expect(summarizeErrors([null, 5] as unknown as DecodedError[])).toBe('No errors.');
    expect(summarizeErrors(undefined as unknown as DecodedError[])).toBe('No errors.');
  });
});
