import { describe, expect, it } from 'vitest';
import type { CodeTable } from './codes/codeTable.ts';
import { lookupCode } from './codes/codeTable.ts';
import { EDIFACT_0083 } from './codes/edifact0083.ts';
import { EDIFACT_0085 } from './codes/edifact0085.ts';
import { X12_ELEMENT_618 } from './codes/x12Element618.ts';
import { X12_ELEMENT_620 } from './codes/x12Element620.ts';
import { X12_ELEMENT_621 } from './codes/x12Element621.ts';
import { X12_ELEMENT_715 } from './codes/x12Element715.ts';
import { X12_ELEMENT_716 } from './codes/x12Element716.ts';
import { X12_ELEMENT_717 } from './codes/x12Element717.ts';
import { X12_ELEMENT_718 } from './codes/x12Element718.ts';
import { X12_ELEMENT_720 } from './codes/x12Element720.ts';
import { X12_ELEMENT_723 } from './codes/x12Element723.ts';
import { X12_ELEMENT_NAMES } from './codes/x12ElementNames.ts';
import { TRANSMISSION_CODES } from './transmissionCodes.ts';
import { VALIDATION_CODES } from './validationCodes.ts';

const TABLES: readonly CodeTable[] = [
  X12_ELEMENT_715,
  X12_ELEMENT_716,
  X12_ELEMENT_717,
  X12_ELEMENT_718,
  X12_ELEMENT_720,
  X12_ELEMENT_723,
  X12_ELEMENT_620,
  X12_ELEMENT_621,
  X12_ELEMENT_618,
  EDIFACT_0083,
  EDIFACT_0085,
  TRANSMISSION_CODES,
  VALIDATION_CODES,
];

const codes = (table: CodeTable) => table.entries.map((e) => e.code);

describe('Code tables', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))('%s has no duplicate codes', (_name, table) => {
    const upper = codes(table).map((c) => c.toUpperCase());
    expect(new Set(upper).size).toBe(upper.length);
    const older = table.olderMeanings?.entries.map((e) => e.code) ?? [];
    expect(new Set(older).size).toBe(older.length);
  });

  it.each(TABLES.map((t) => [t.name, t] as const))('%s has plain words for every entry', (_name, table) => {
    for (const entry of [...table.entries, ...(table.olderMeanings?.entries ?? [])]) {
      expect(entry.code.trim(), table.name).not.toBe('');
      expect(entry.summary.trim(), `${table.name} ${entry.code}`).not.toBe('');
      expect(entry.plain.trim(), `${table.name} ${entry.code}`).not.toBe('');
      expect(entry.plain, `${table.name} ${entry.code}`).toMatch(/[.!?]$/);
      if (entry.predicate !== undefined) expect(entry.predicate.trim()).not.toBe('');
    }
    expect(table.source.trim()).not.toBe('');
  });

  it('names the standard and element number in every X12 and EDIFACT source', () => {
    for (const table of TABLES.slice(0, 11)) {
      const number = /(\d{3,4})$/.exec(table.name)?.[1] ?? '';
      expect(table.source).toContain(number);
      expect(table.source).toMatch(/ASC X12|ISO 9735/);
    }
  });

  it('holds the complete 005010 segment and element syntax code lists', () => {
    const segmentCodes = ['1', '2', '3', '4', '5', '6', '7', '8', 'I4', 'I6', 'I7', 'I8', 'I9'];
    expect(codes(X12_ELEMENT_720)).toEqual(segmentCodes);
    expect(codes(X12_ELEMENT_620)).toEqual(segmentCodes);
    const elementCodes = [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '12',
      '13',
      'I6',
      'I9',
      'I10',
      'I11',
      'I12',
      'I13',
    ];
    expect(codes(X12_ELEMENT_723)).toEqual(elementCodes);
    expect(codes(X12_ELEMENT_621)).toEqual(elementCodes);
    expect(codes(X12_ELEMENT_715)).toEqual(['A', 'E', 'M', 'P', 'R', 'W', 'X']);
    expect(codes(X12_ELEMENT_717)).toEqual(['A', 'E', 'M', 'P', 'R', 'W', 'X']);
    expect(codes(X12_ELEMENT_618)).not.toContain('20');
    expect(codes(X12_ELEMENT_618)).toEqual(expect.arrayContaining(['18', '19', '23', '27', 'I5', 'I6']));
  });

  it('marks codes that exist only in some versions', () => {
    expect(lookupCode(X12_ELEMENT_723, '12')?.versions).toBe('005010 and later');
    expect(lookupCode(X12_ELEMENT_720, 'I4')?.versions).toBe('005010 and later');
    expect(lookupCode(X12_ELEMENT_718, '20')?.versions).toMatch(/^004010/);
    expect(lookupCode(EDIFACT_0085, '45')?.versions).toBe('added with syntax version 4');
    expect(lookupCode(EDIFACT_0085, '9')?.versions).toMatch(/syntax versions 1 and 2/);
    expect(lookupCode(X12_ELEMENT_717, 'P')?.note).toMatch(/Not in the official 717 list/);
  });

  it('holds the complete EDIFACT 0083 and 0085 lists', () => {
    expect(codes(EDIFACT_0083)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const expected0085 = Array.from({ length: 48 }, (_, i) => String(i + 1));
    expect(codes(EDIFACT_0085)).toEqual(expected0085);
  });

  it('gives every acknowledgment code an outcome', () => {
    for (const table of [X12_ELEMENT_715, X12_ELEMENT_717, EDIFACT_0083]) {
      for (const entry of table.entries) expect(entry.outcome, `${table.name} ${entry.code}`).toBeDefined();
    }
  });

  it('looks codes up tolerantly: blanks, lower case and zero padding', () => {
    expect(lookupCode(X12_ELEMENT_723, ' i12 ')?.code).toBe('I12');
    expect(lookupCode(X12_ELEMENT_723, '07')?.code).toBe('7');
    expect(lookupCode(X12_ELEMENT_723, '')).toBeUndefined();
    expect(lookupCode(X12_ELEMENT_723, '__proto__')).toBeUndefined();
  });

  it('defines every transmission error code of the contract, each with a next step', () => {
    expect(codes(TRANSMISSION_CODES).sort()).toEqual(
      [
        'CONNECTION_REFUSED',
        'CONNECTION_TIMEOUT',
        'TLS_HANDSHAKE_FAILED',
        'CERTIFICATE_EXPIRED',
        'AS2_MDN_NEGATIVE',
        'AS2_MDN_TIMEOUT',
        'AS2_DECRYPTION_FAILED',
        'AS2_SIGNATURE_INVALID',
        'SFTP_AUTH_FAILED',
        'SFTP_PATH_NOT_FOUND',
        'VAN_MAILBOX_FULL',
        'PARTNER_ENDPOINT_UNREACHABLE',
        'PAYLOAD_TOO_LARGE',
        'UNKNOWN_RECIPIENT',
      ].sort(),
    );
    for (const entry of TRANSMISSION_CODES.entries) expect(entry.nextStep.trim()).not.toBe('');
  });

  it('defines every validation error code, each with a template and a next step', () => {
    expect(codes(VALIDATION_CODES).sort()).toEqual(
      [
        'MISSING_FIELD',
        'INVALID_CODE',
        'INVALID_FORMAT',
        'INVALID_DATE',
        'VALUE_TOO_LONG',
        'VALUE_TOO_SHORT',
        'UNKNOWN_PARTNER',
        'DUPLICATE_CONTROL_NUMBER',
        'AMOUNT_MISMATCH',
        'UNKNOWN_ITEM',
        'UNKNOWN_SHIP_TO',
      ].sort(),
    );
    for (const entry of VALIDATION_CODES.entries) {
      expect(entry.template).toContain('{Where}');
      expect(entry.nextStep.trim()).not.toBe('');
    }
  });

  it('names X12 elements without duplicate reference numbers or positions', () => {
    const refs = X12_ELEMENT_NAMES.map((e) => e.ref);
    expect(new Set(refs).size).toBe(refs.length);
    const tags = X12_ELEMENT_NAMES.flatMap((e) => e.at);
    expect(new Set(tags).size).toBe(tags.length);
    for (const entry of X12_ELEMENT_NAMES) expect(entry.name.trim()).not.toBe('');
  });
});
