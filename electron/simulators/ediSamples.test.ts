import { describe, expect, it } from 'vitest';
import { ValidationErrorDetail } from '../../shared/domain/transaction.ts';
import {
  TRANSMISSION_ERROR_CODES,
  VALIDATION_ERROR_CODES,
  edifactContrl,
  sampleAcknowledgment,
  sampleTransmissionError,
  sampleValidationErrors,
  x12Acknowledgment,
} from './ediSamples.ts';
import { Rng } from './rng.ts';

const at = new Date(Date.UTC(2025, 5, 2, 14, 5));

function x12Segments(raw: string): string[][] {
  return raw
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s.split('*'));
}

function edifactSegments(raw: string): string[][] {
  return raw
    .split("'")
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('UNA'))
    .map((s) => s.split('+'));
}

describe('x12Acknowledgment', () => {
  const base = {
    sender: { qualifier: 'ZZ', id: 'RETAILER01' },
    receiver: { qualifier: 'ZZ', id: 'PDESKHQ' },
    interchangeControl: 1234,
    groupControl: 77,
    at,
    original: { functionalId: 'IN', groupControl: 456, transactionSet: '810', setControl: '0001' },
  };

  it('writes a complete 997 rejecting an invoice with AK3/AK4 details', () => {
    const raw = x12Acknowledgment({
      ...base,
      type: '997',
      status: 'R',
      errors: [
        {
          segmentId: 'IT1',
          position: 12,
          loopId: 'IT1',
          code: '8',
          elements: [{ position: 4, reference: '212', code: '6', badValue: '13.1O' }],
        },
      ],
    });
    const isa = raw.slice(0, raw.indexOf('~') + 1);
    expect(isa).toHaveLength(106);
    expect(isa).toBe(
      'ISA*00*          *00*          *ZZ*RETAILER01     *ZZ*PDESKHQ        *250602*1405*U*00401*000001234*0*P*>~',
    );
    const segs = x12Segments(raw).map((s) => s.join('*'));
    expect(segs.slice(1)).toEqual([
      'GS*FA*RETAILER01*PDESKHQ*20250602*1405*77*X*004010',
      'ST*997*0001',
      'AK1*IN*456',
      'AK2*810*0001',
      'AK3*IT1*12*IT1*8',
      'AK4*4*212*6*13.1O',
      'AK5*R*5',
      'AK9*R*1*1*0',
      'SE*8*0001',
      'GE*1*77',
      'IEA*1*000001234',
    ]);
  });

  it('writes a 999 with IK3/IK4/IK5 and CTX, counting segments in SE', () => {
    const raw = x12Acknowledgment({
      ...base,
      type: '999',
      status: 'R',
      businessUnit: 'BIG02:INV-1',
      errors: [
        {
          segmentId: 'N4',
          position: 8,
          loopId: 'N1',
          code: '8',
          context: { segmentId: 'N4', position: 8, elementPosition: 2 },
          elements: [{ position: 2, reference: '156', code: 'I6', badValue: 'XX' }],
        },
      ],
      lineBreaks: false,
    });
    expect(raw).not.toContain('\n');
    const segs = x12Segments(raw);
    const ids = segs.map((s) => s[0]);
    expect(ids).toEqual([
      'ISA',
      'GS',
      'ST',
      'AK1',
      'AK2',
      'CTX',
      'IK3',
      'CTX',
      'IK4',
      'IK5',
      'AK9',
      'SE',
      'GE',
      'IEA',
    ]);
    const st = ids.indexOf('ST');
    const se = ids.indexOf('SE');
    expect(segs[se]?.[1]).toBe(String(se - st + 1));
    expect(segs[1]?.[8]).toBe('005010X231A1');
    expect(segs.find((s) => s[0] === 'IK5')).toEqual(['IK5', 'R', 'I5']);
    expect(segs[0]?.[12]).toBe('00501');
  });

  it('writes AK5*E for an accepted-with-errors set and AK9 accepted count 1', () => {
    const raw = x12Acknowledgment({
      ...base,
      type: '997',
      status: 'E',
      errors: [
        {
          segmentId: 'CTT',
          position: 44,
          code: '8',
          elements: [{ position: 1, reference: '354', code: '1' }],
        },
      ],
    });
    expect(raw).toContain('AK5*E*5~');
    expect(raw).toContain('AK9*E*1*1*1~');
    expect(raw).toContain('AK4*1*354*1~'); // no trailing separator for the missing bad value
  });
});

describe('edifactContrl', () => {
  const base = {
    sender: { id: '5412345000013', qualifier: '14' },
    receiver: { id: 'PDESKHQ', qualifier: 'ZZZ' },
    reference: '900001',
    at,
    original: {
      reference: 'XC000000042',
      sender: { id: 'PDESKHQ', qualifier: 'ZZZ' },
      recipient: { id: '5412345000013', qualifier: '14' },
      messageRef: '1',
      messageType: 'INVOIC:D:96A:UN',
    },
  };

  it('rejects a message with UCM, UCS and UCD and counts UNT correctly', () => {
    const raw = edifactContrl({
      ...base,
      messageAction: '4',
      errors: [{ position: 3, elements: [{ code: '12', position: 1, component: 2 }] }],
    });
    expect(raw.startsWith("UNA:+.? '")).toBe(true);
    const segs = edifactSegments(raw).map((s) => s.join('+'));
    expect(segs).toEqual([
      'UNB+UNOC:3+5412345000013:14+PDESKHQ:ZZZ+250602:1405+900001',
      'UNH+1+CONTRL:D:3:UN',
      'UCI+XC000000042+PDESKHQ:ZZZ+5412345000013:14+7',
      'UCM+1+INVOIC:D:96A:UN+4',
      'UCS+3',
      'UCD+12+1:2',
      'UNT+6+1',
      'UNZ+1+900001',
    ]);
  });

  it('rejects a whole interchange in UCI without a UCM', () => {
    const raw = edifactContrl({ ...base, messageAction: '4', interchangeError: '23', errors: [] });
    expect(raw).toContain("UCI+XC000000042+PDESKHQ:ZZZ+5412345000013:14+4+23'");
    expect(raw).not.toContain('UCM');
    expect(raw).toContain("UNT+3+1'");
  });
});

describe('samples', () => {
  it('produce well-formed acknowledgments for every document type, deterministically', () => {
    const make = (seed: number): string[] => {
      const rng = new Rng(seed);
      const out: string[] = [];
      for (const [standard, documentType] of [
        ['X12', '810'],
        ['X12', '850'],
        ['X12', '855'],
        ['X12', '856'],
        ['X12', '860'],
        ['X12', '820'],
        ['EDIFACT', 'INVOIC'],
        ['EDIFACT', 'DESADV'],
        ['EDIFACT', 'ORDERS'],
        ['EDIFACT', 'ORDRSP'],
      ] as const) {
        for (let i = 0; i < 20; i++) {
          const ack = sampleAcknowledgment(rng, {
            standard,
            documentType,
            controlNumber: '100000123',
            status: 'R',
            parties: { ourId: 'PDESKHQ', partnerId: '123456789' },
            at,
          });
          if (standard === 'X12') {
            expect(ack.type === '997' || ack.type === '999').toBe(true);
            const segs = x12Segments(ack.raw);
            const ids = segs.map((s) => s[0]);
            const st = ids.indexOf('ST');
            const se = ids.indexOf('SE');
            expect(segs[se]?.[1]).toBe(String(se - st + 1));
            expect(segs.at(-1)?.[2]).toBe(segs[0]?.[13]); // IEA02 = ISA13
            expect(segs.at(-2)?.[2]).toBe(segs[1]?.[6]); // GE02 = GS06
            expect(ack.raw).toMatch(/(AK5|IK5)\*R/);
            expect(segs[0]?.[5]).toBe('01'); // a nine-digit partner id is a DUNS number
          } else {
            expect(ack.type).toBe('CONTRL');
            const segs = edifactSegments(ack.raw);
            const ids = segs.map((s) => s[0]);
            const unh = ids.indexOf('UNH');
            const unt = ids.indexOf('UNT');
            expect(segs[unt]?.[1]).toBe(String(unt - unh + 1));
            expect(segs.at(-1)?.[2]).toBe(segs[0]?.[5]); // UNZ ref = UNB ref
            expect(ack.raw).toMatch(/UCI\+[^']*\+4\+\d+'|UCM\+[^']*\+4'/);
          }
          out.push(ack.raw);
        }
      }
      return out;
    };
    expect(make(9)).toEqual(make(9));
  });

  it('produce transmission errors with known codes and a detail', () => {
    const rng = new Rng(2);
    const codes = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const e = sampleTransmissionError(rng, 'NORTHWIND_STORES', at);
      codes.add(e.code);
      expect(e.detail.length).toBeGreaterThan(10);
      expect(e.detail.length).toBeLessThanOrEqual(2000);
    }
    expect(codes).toEqual(new Set(TRANSMISSION_ERROR_CODES));
  });

  it('produce validation errors that fit the contract, with segment/element for EDI only', () => {
    const rng = new Rng(3);
    const codes = new Set<string>();
    for (const standard of ['X12', 'EDIFACT', 'API'] as const) {
      for (let i = 0; i < 200; i++) {
        for (const e of sampleValidationErrors(rng, standard)) {
          expect(ValidationErrorDetail.safeParse(e).error).toBeUndefined();
          codes.add(e.code);
          expect(e.field).toBeTruthy();
          if (standard === 'API') expect(e.segment).toBeUndefined();
          else expect(e.segment).toMatch(/^[A-Z0-9]{2,3}$/);
        }
      }
    }
    expect(codes).toEqual(new Set(VALIDATION_ERROR_CODES));
    expect(sampleValidationErrors(rng, 'X12', { count: 3, only: 'UNKNOWN_ITEM' }).map((e) => e.code)).toEqual(
      ['UNKNOWN_ITEM', 'UNKNOWN_ITEM', 'UNKNOWN_ITEM'],
    );
  });
});
