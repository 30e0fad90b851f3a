import { describe, expect, it } from 'vitest';
import { ACCEPTED_999, PARTIAL_999 } from './ackSamples.fixture.ts';
import type { AckDecodeResult, DecodedAcknowledgment } from './index.ts';
import { decodeAcknowledgment } from './index.ts';

function ack(result: AckDecodeResult): DecodedAcknowledgment {
  if (!result.ok) throw new Error(`expected a decoded ack, got: ${result.error.message}`);
  return result.ack;
}

describe('X12 999 decoding', () => {
  it('reports an accepted 999 as accepted', () => {
    const decoded = ack(decodeAcknowledgment(ACCEPTED_999));
    expect(decoded).toEqual({
      kind: '999',
      accepted: true,
      status: 'accepted',
      acknowledgedDocuments: [
        { controlNumber: '7001', documentType: '810', status: 'A', statusText: 'Accepted' },
      ],
      errors: [],
    });
  });

  it('reads "|" element separators and CR/LF after each terminator from the ISA', () => {
    const decoded = ack(decodeAcknowledgment(PARTIAL_999));
    expect(decoded.kind).toBe('999');
    expect(decoded.status).toBe('partially-accepted');
    expect(decoded.accepted).toBe(false);
    expect(decoded.acknowledgedDocuments).toEqual([
      { controlNumber: '0101', documentType: '856', status: 'R', statusText: 'Rejected' },
      { controlNumber: '0102', documentType: '856', status: 'A', statusText: 'Accepted' },
    ]);
    expect(decoded.errors.every((e) => e.source === 'x12-999')).toBe(true);
  });

  it('explains an implementation segment error and includes the CTX situational trigger', () => {
    const decoded = ack(decodeAcknowledgment(PARTIAL_999));
    const segment = decoded.errors.find((e) => e.level === 'segment');
    expect(segment).toMatchObject({
      code: 'I6',
      codeList: 'X12 element 620 (IK304)',
      summary: 'Implementation dependent segment missing',
      location: { segmentId: 'REF', segmentPosition: 9, loopId: 'HL' },
    });
    expect(segment?.explanation).toBe(
      "Segment REF (Reference Information, position 9, loop HL) is required by the partner's implementation " +
        'guide in this situation but missing. Context: the rule was triggered by segment HL (position 5, loop HL), ' +
        'element 3.',
    );
    expect(segment?.raw).toBe('IK3|REF|9|HL|I6~CTX|SITUATIONAL TRIGGER|HL|5|HL|3~');
  });

  it('explains an implementation element error with its component, bad value and CTX context', () => {
    const decoded = ack(decodeAcknowledgment(PARTIAL_999));
    const element = decoded.errors.find((e) => e.level === 'element');
    expect(element).toMatchObject({
      code: 'I12',
      codeList: 'X12 element 621 (IK403)',
      location: {
        segmentId: 'TD5',
        segmentPosition: 14,
        elementPosition: 5,
        componentPosition: 2,
        elementReference: '387',
        badValue: 'UPS GROUND?',
      },
    });
    expect(element?.explanation).toBe(
      'Segment TD5 (position 14): element 5, component 2 (TD505-2, Routing) does not match the format the ' +
        'partner\'s implementation guide requires (received "UPS GROUND?"). Context: ROUTING "UPSG".',
    );
  });

  it('decodes IK5 implementation transaction set errors (element 618)', () => {
    const decoded = ack(decodeAcknowledgment(PARTIAL_999));
    const transaction = decoded.errors.find((e) => e.level === 'transaction');
    expect(transaction).toMatchObject({
      code: 'I5',
      codeList: 'X12 element 618 (IK502)',
      summary: 'Implementation one or more segments in error',
    });
    expect(transaction?.explanation).toMatch(
      /^Transaction set 856 \(Ship Notice\/Manifest\), control number 0101: /,
    );
  });

  it('recognises a bare 999 by its IK segments', () => {
    const decoded = ack(
      decodeAcknowledgment(
        'AK1*HC*1*005010X222A1~AK2*837*1~IK3*CLM*3*2300*8~IK4*2**7*X~IK5*R*I5~AK9*R*1*1*0~',
      ),
    );
    expect(decoded.kind).toBe('999');
    expect(decoded.errors[0]?.codeList).toBe('X12 element 621 (IK403)');
    expect(decoded.errors[0]?.source).toBe('x12-999');
  });

  it('shows an unknown implementation code raw', () => {
    const decoded = ack(decodeAcknowledgment('ST*999*1~AK2*810*1~IK3*IT1*6**I99~IK5*R~SE*4*1~'));
    expect(decoded.errors[0]).toMatchObject({
      known: false,
      code: 'I99',
      summary: 'Unknown error code "I99" (X12 element 620)',
    });
  });
});
