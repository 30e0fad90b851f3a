import { describe, expect, it } from 'vitest';
import { ACCEPTED_CONTRL, REJECTED_CONTRL } from './ackSamples.fixture.ts';
import type { AckDecodeResult, DecodedAcknowledgment } from './index.ts';
import { decodeAcknowledgment } from './index.ts';

function ack(result: AckDecodeResult): DecodedAcknowledgment {
  if (!result.ok) throw new Error(`expected a decoded ack, got: ${result.error.message}`);
  return result.ack;
}

const envelope = (body: string) =>
  `UNB+UNOC:3+PARTNER+US+240115:1030+9'UNH+1+CONTRL:D:3:UN'${body}UNT+9+1'UNZ+1+9'`;

describe('EDIFACT CONTRL decoding', () => {
  it('reports an acknowledged interchange as accepted', () => {
    expect(ack(decodeAcknowledgment(ACCEPTED_CONTRL))).toEqual({
      kind: 'CONTRL',
      accepted: true,
      status: 'accepted',
      acknowledgedDocuments: [
        {
          controlNumber: 'ICR1001',
          documentType: 'interchange',
          status: '7',
          statusText: 'This level acknowledged, lower levels acknowledged if not explicitly rejected',
        },
      ],
      errors: [],
    });
  });

  it('explains a rejected message down to the segment and data element, across line breaks', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_CONTRL));
    expect(decoded.status).toBe('rejected');
    expect(decoded.acknowledgedDocuments).toEqual([
      {
        controlNumber: 'MSG0001',
        documentType: 'ORDERS',
        status: '4',
        statusText: 'This level and all lower levels rejected',
      },
    ]);
    expect(decoded.errors.map((e) => [e.level, e.code, e.codeList])).toEqual([
      ['element', '13', 'EDIFACT data element 0085 (UCD01)'],
      ['element', '39', 'EDIFACT data element 0085 (UCD01)'],
      ['segment', '35', 'EDIFACT data element 0085 (UCS02)'],
    ]);
    expect(decoded.errors[0]?.explanation).toBe(
      'Message MSG0001 (ORDERS D:96A), segment at position 4, data element 3, component 1 is missing but required.',
    );
    expect(decoded.errors[0]?.location).toEqual({
      segmentPosition: 4,
      elementPosition: 3,
      componentPosition: 1,
    });
    expect(decoded.errors[0]?.raw).toBe("UCS+4'UCD+13+3:1'");
    expect(decoded.errors[2]?.explanation).toBe(
      'Message MSG0001 (ORDERS D:96A), segment at position 17 is repeated more times than allowed.',
    );
  });

  it('reports an interchange-level rejection with the service segment and element it names', () => {
    const decoded = ack(decodeAcknowledgment(envelope("UCI+ICR9+US+PARTNER+4+23+UNB+2'")));
    expect(decoded.status).toBe('rejected');
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]).toMatchObject({
      level: 'interchange',
      code: '23',
      codeList: 'EDIFACT data element 0085 (UCI05)',
      summary: 'Unknown interchange sender',
      location: { segmentId: 'UNB', elementPosition: 2 },
    });
    expect(decoded.errors[0]?.explanation).toBe(
      'Interchange ICR9, segment UNB, data element 2: the partner does not know the sender named in UNB.',
    );
  });

  it('honours the release character: escaped separators stay inside the value', () => {
    const decoded = ack(
      decodeAcknowledgment(envelope("UCI+ICR?+1?'A+US+PARTNER+7'UCM+M?:1+INVOIC:D:96A:UN+7'")),
    );
    expect(decoded.acknowledgedDocuments[0]?.controlNumber).toBe('M:1');
    expect(decoded.status).toBe('accepted');
    const rejected = ack(decodeAcknowledgment(envelope("UCI+ICR?+1?'A+US+PARTNER+4'")));
    expect(rejected.acknowledgedDocuments[0]?.controlNumber).toBe("ICR+1'A");
  });

  it('reads custom separators from UNA', () => {
    const text =
      'UNA|*,\\ #UNH*1*CONTRL|D|3|UN#UCI*R1*US*PARTNER*7#UCM*M1*DESADV|D|01B|UN*4#UCS*3*12#UNT*5*1#';
    const decoded = ack(decodeAcknowledgment(text));
    expect(decoded.acknowledgedDocuments[0]).toMatchObject({ controlNumber: 'M1', documentType: 'DESADV' });
    expect(decoded.errors[0]?.explanation).toBe(
      'Message M1 (DESADV D:01B), segment at position 3 has an invalid value.',
    );
  });

  it('decodes a syntax version 4 functional group response (UCF)', () => {
    const decoded = ack(decodeAcknowledgment(envelope("UCI+ICR5+US+PARTNER+7'UCF+G1+PARTNER+US+4+29'")));
    expect(decoded.status).toBe('rejected');
    expect(decoded.acknowledgedDocuments).toContainEqual({
      controlNumber: 'G1',
      documentType: 'functional group',
      status: '4',
      statusText: 'This level and all lower levels rejected',
    });
    expect(decoded.errors[0]).toMatchObject({
      level: 'group',
      summary: 'Control count does not match number of instances received',
    });
  });

  it('reports some rejected and some acknowledged messages as partially accepted', () => {
    const decoded = ack(
      decodeAcknowledgment(
        envelope("UCI+ICR6+US+PARTNER+7'UCM+1+ORDERS:D:96A:UN+7'UCM+2+ORDERS:D:96A:UN+4+12'"),
      ),
    );
    expect(decoded.status).toBe('partially-accepted');
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]?.explanation).toBe(
      'Message 2 (ORDERS D:96A): a value does not conform to the specification for that data element.',
    );
  });

  it('treats "interchange received" as accepted and says so', () => {
    const decoded = ack(decodeAcknowledgment(envelope("UCI+ICR7+US+PARTNER+8'")));
    expect(decoded.status).toBe('accepted');
    expect(decoded.acknowledgedDocuments[0]?.statusText).toBe('Interchange received');
  });

  it('turns a rejection without a reason into an error', () => {
    const decoded = ack(decodeAcknowledgment(envelope("UCI+ICR8+US+PARTNER+7'UCM+1+ORDERS:D:96A:UN+4'")));
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]).toMatchObject({
      level: 'transaction',
      code: '4',
      codeList: 'EDIFACT data element 0083 (UCM03)',
    });
    expect(decoded.errors[0]?.explanation).toBe(
      'Message 1 (ORDERS D:96A): the partner rejected this part of the interchange and everything in it.',
    );
  });

  it('decodes syntax version 4 additions to the 0085 list', () => {
    const decoded = ack(decodeAcknowledgment(envelope("UCI+ICR9+US+PARTNER+4+47'")));
    expect(decoded.errors[0]?.summary).toBe('Envelope functionality not supported');
  });

  it('shows unknown codes raw', () => {
    const decoded = ack(
      decodeAcknowledgment(envelope("UCI+ICR9+US+PARTNER+7'UCM+1+ORDERS:D:96A:UN+4'UCS+2+99'")),
    );
    expect(decoded.errors[0]).toMatchObject({
      known: false,
      code: '99',
      summary: 'Unknown error code "99" (EDIFACT data element 0085)',
    });
    const action = ack(decodeAcknowledgment(envelope("UCI+ICR9+US+PARTNER+X'")));
    expect(action.status).toBe('rejected');
    expect(action.errors[0]).toMatchObject({
      known: false,
      summary: 'Unknown error code "X" (EDIFACT data element 0083)',
    });
  });

  it('decodes bare response segments without any envelope', () => {
    const decoded = ack(decodeAcknowledgment("UCI+1+US+PARTNER+7'"));
    expect(decoded.status).toBe('accepted');
  });

  it('refuses a message that is not a CONTRL', () => {
    const result = decodeAcknowledgment(
      "UNB+UNOC:3+P+U+240115:1030+1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO1+9'UNT+3+1'UNZ+1+1'",
    );
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'malformed_ack',
        message: 'Not a 997, 999 or CONTRL acknowledgment: message type is "ORDERS"',
      },
    });
  });

  it('refuses a UNA with unusable separators', () => {
    const result = decodeAcknowledgment("UNA:::? 'UCI+1+US+P+7'");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/UNA separators .* are not distinct/);
  });
});
