import { describe, expect, it } from 'vitest';
import { decodeTransmissionError, decodeValidationError } from './index.ts';

describe('Transmission error decoding', () => {
  it('explains a known code in plain words with what to do next', () => {
    const error = decodeTransmissionError(
      'AS2_MDN_NEGATIVE',
      'disposition: processed/error: decryption-failed',
    );
    expect(error).toMatchObject({
      source: 'transmission',
      level: 'interchange',
      code: 'AS2_MDN_NEGATIVE',
      codeList: 'transmission error codes',
      known: true,
      summary: 'Partner returned a negative AS2 receipt',
      raw: 'AS2_MDN_NEGATIVE: disposition: processed/error: decryption-failed',
    });
    expect(error.explanation).toContain('its receipt (MDN) says it was not accepted');
    expect(error.explanation).toContain('Details: disposition: processed/error: decryption-failed');
  });

  it('keeps an unknown code raw and says it is unknown', () => {
    const error = decodeTransmissionError('QUANTUM_FLUX');
    expect(error).toMatchObject({
      known: false,
      code: 'QUANTUM_FLUX',
      summary: 'Unknown error code "QUANTUM_FLUX" (transmission error codes)',
    });
    expect(error.explanation).toContain('"QUANTUM_FLUX"');
  });

  it('cleans and clips hostile detail text', () => {
    const error = decodeTransmissionError('CONNECTION_TIMEOUT', `line1\nline2\u0007${'x'.repeat(5_000)}`);
    expect(error.explanation.includes('\n') || error.explanation.includes('\u0007')).toBe(false);
    expect(error.explanation.length).toBeLessThan(700);
  });
});

describe('Validation error decoding', () => {
  it('explains a missing field with its name, element and segment', () => {
    const error = decodeValidationError({
      code: 'MISSING_FIELD',
      segment: 'N1',
      element: 'N104',
      field: 'Ship-to ID',
    });
    expect(error).toMatchObject({
      source: 'validation',
      level: 'element',
      known: true,
      summary: 'Required field missing',
      location: { segmentId: 'N1', elementPosition: 4 },
    });
    expect(error.explanation).toBe(
      'Field "Ship-to ID" (N104, Identification Code) is required but empty or missing. Fill it in at the source ' +
        '(ERP or order system) or fix the mapping, then resend.',
    );
  });

  it('quotes the invalid value and the element', () => {
    const error = decodeValidationError({ code: 'INVALID_CODE', element: 'BEG01', value: 'ZZ' });
    expect(error.explanation).toMatch(
      /^Element BEG01 \(Transaction Set Purpose Code\) has a code "ZZ" that is not in the allowed list\./,
    );
    expect(error.location).toEqual({ segmentId: 'BEG', elementPosition: 1, badValue: 'ZZ' });
  });

  it('combines a segment with a bare element position', () => {
    const error = decodeValidationError({
      code: 'VALUE_TOO_LONG',
      segment: 'N3',
      element: '01',
      value: 'A'.repeat(70),
    });
    expect(error.explanation).toMatch(
      /^Element N301 \(Address Information\) has a value "A{60}…" that is longer than allowed\./,
    );
  });

  it('works with only a segment, or with nothing at all', () => {
    expect(
      decodeValidationError({ code: 'AMOUNT_MISMATCH', segment: 'TDS', value: '1000.00' }).explanation,
    ).toMatch(/^Segment TDS has an amount "1000.00" that does not match the calculated total\./);
    const bare = decodeValidationError({ code: 'UNKNOWN_PARTNER', value: 'ACME-EU' });
    expect(bare.level).toBe('transaction');
    expect(bare.explanation).toMatch(
      /^The document names a partner "ACME-EU" that is not set up in xConnector\./,
    );
  });

  it("adds xConnector's own message", () => {
    const error = decodeValidationError({
      code: 'INVALID_DATE',
      element: 'DTM02',
      value: '20241345',
      message: 'month 13',
    });
    expect(error.explanation).toContain('xConnector says: "month 13".');
  });

  it('keeps an unknown code raw', () => {
    const error = decodeValidationError({ code: 'Z9', element: 'PO102' });
    expect(error).toMatchObject({
      known: false,
      code: 'Z9',
      summary: 'Unknown error code "Z9" (xConnector validation codes)',
    });
    expect(error.explanation).toBe(
      'Element PO102 (Quantity Ordered) failed validation with error code "Z9", which is not in the xConnector validation codes.',
    );
  });

  it('does not throw on malformed input', () => {
    for (const input of [null, undefined, {}, { code: 42 }, { code: 'MISSING_FIELD', segment: 7 }]) {
      const error = decodeValidationError(input as never);
      expect(error.source).toBe('validation');
      expect(error.explanation.length).toBeGreaterThan(0);
    }
  });
});
