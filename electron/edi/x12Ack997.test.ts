import { describe, expect, it } from 'vitest';
import { ACCEPTED_997, CARET_NEWLINE_997, REJECTED_997, x12 } from './ackSamples.fixture.ts';
import type { AckDecodeResult, DecodedAcknowledgment } from './index.ts';
import { decodeAcknowledgment, summarizeErrors } from './index.ts';

function ack(result: AckDecodeResult): DecodedAcknowledgment {
  if (!result.ok) throw new Error(`expected a decoded ack, got: ${result.error.message}`);
  return result.ack;
}

describe('X12 997 decoding', () => {
  it('reports a fully accepted group as accepted, with every acknowledged transaction set', () => {
    const decoded = ack(decodeAcknowledgment(ACCEPTED_997));
    expect(decoded.kind).toBe('997');
    expect(decoded.status).toBe('accepted');
    expect(decoded.accepted).toBe(true);
    expect(decoded.errors).toEqual([]);
    expect(decoded.acknowledgedDocuments).toEqual([
      { controlNumber: '0001', documentType: '850', status: 'A', statusText: 'Accepted' },
      { controlNumber: '0002', documentType: '850', status: 'A', statusText: 'Accepted' },
    ]);
  });

  it('explains a missing mandatory element with its segment and position', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_997));
    const missing = decoded.errors.find((e) => e.code === '1' && e.level === 'element');
    expect(missing).toMatchObject({
      source: 'x12-997',
      codeList: 'X12 element 723 (AK403)',
      known: true,
      summary: 'Required data element missing',
      location: { segmentId: 'N1', segmentPosition: 12, loopId: 'N1', elementPosition: 4 },
    });
    expect(missing?.explanation).toBe(
      'Segment N1 (position 12, loop N1): element 4 (N104, Identification Code) is missing but required.',
    );
    expect(missing?.raw).toBe('AK3*N1*12*N1*8~AK4*4**1~');
  });

  it('names the element by its data element reference and quotes the bad value', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_997));
    const invalid = decoded.errors.find((e) => e.code === '7');
    expect(invalid?.explanation).toBe(
      'Segment BEG (position 2): element 1 (BEG01, Transaction Set Purpose Code) has a code value that is not ' +
        'in the allowed list (received "ZZ").',
    );
    expect(invalid?.location).toMatchObject({ elementReference: '353', badValue: 'ZZ' });
    const date = decoded.errors.find((e) => e.code === '8' && e.level === 'element');
    expect(date?.explanation).toContain(
      'element 5 (BEG05, Date) has a date that is not valid (received "20241345")',
    );
  });

  it('reports a segment error with the segment name, position and loop', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_997));
    const segment = decoded.errors.find((e) => e.level === 'segment');
    expect(segment).toMatchObject({
      code: '3',
      codeList: 'X12 element 720 (AK304)',
      summary: 'Required segment missing',
    });
    expect(segment?.explanation).toBe(
      'Segment PO1 (Baseline Item Data, position 15, loop PO1) is required but missing.',
    );
  });

  it('folds "segment has data element errors" into the element errors instead of repeating it', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_997));
    expect(decoded.errors.filter((e) => e.level === 'segment' && e.code === '8')).toEqual([]);
    expect(decoded.errors.filter((e) => e.level === 'element')).toHaveLength(3);
  });

  it('decodes transaction set and group syntax errors and marks a rejected group as rejected', () => {
    const decoded = ack(decodeAcknowledgment(REJECTED_997));
    expect(decoded.status).toBe('rejected');
    expect(decoded.accepted).toBe(false);
    expect(decoded.acknowledgedDocuments).toEqual([
      { controlNumber: '0003', documentType: '850', status: 'R', statusText: 'Rejected' },
    ]);
    const transaction = decoded.errors.find((e) => e.level === 'transaction');
    expect(transaction).toMatchObject({ code: '5', codeList: 'X12 element 718 (AK502)' });
    expect(transaction?.explanation).toMatch(
      /^Transaction set 850 \(Purchase Order\), control number 0003: /,
    );
  });

  it('reads separators from the ISA: "^" elements and newline-terminated segments', () => {
    const decoded = ack(decodeAcknowledgment(CARET_NEWLINE_997));
    expect(decoded.status).toBe('accepted-with-errors');
    expect(decoded.accepted).toBe(true);
    expect(decoded.acknowledgedDocuments).toEqual([
      {
        controlNumber: '5001',
        documentType: '810',
        status: 'E',
        statusText: 'Accepted but errors were noted',
      },
    ]);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]?.explanation).toBe(
      'Segment IT1 (position 8, loop IT1): element 2 (IT102, Quantity Invoiced) is shorter than its minimum length.',
    );
    expect(decoded.errors[0]?.raw).toBe('AK3^IT1^8^IT1^8\nAK4^2^358^4');
  });

  it('accepts a non-fixed-width ISA by finding ISA16 after the 16th separator', () => {
    const text = 'ISA*00**00**ZZ*P*ZZ*O*240115*1030*U*00401*1*0*P*>~ST*997*1~AK1*PO*1~AK9*A*1*1*1~SE*4*1~';
    expect(ack(decodeAcknowledgment(text)).status).toBe('accepted');
  });

  it('decodes bare segments without an ISA, terminated by "~" or by newlines', () => {
    expect(
      ack(decodeAcknowledgment('ST*997*0001~AK1*PO*1~AK2*850*1~AK5*A~AK9*A*1*1*1~SE*6*0001~')).status,
    ).toBe('accepted');
    const lines = 'AK1|PO|1\nAK2|850|1\nAK3|N1|3||3\nAK5|R|5\nAK9|R|1|1|0\n';
    const decoded = ack(decodeAcknowledgment(lines));
    expect(decoded.kind).toBe('997');
    expect(decoded.status).toBe('rejected');
    expect(decoded.errors[0]?.explanation).toBe(
      'Segment N1 (Party Identification, position 3) is required but missing.',
    );
  });

  it('reports a partially accepted group', () => {
    const text = x12([
      'GS*FA*P*O*20240115*1030*1*X*004010',
      'ST*997*1',
      'AK1*IN*55',
      'AK2*810*1',
      'AK5*A',
      'AK2*810*2',
      'AK5*R*4',
      'AK9*P*2*2*1',
      'SE*8*1',
    ]);
    const decoded = ack(decodeAcknowledgment(text));
    expect(decoded.status).toBe('partially-accepted');
    expect(decoded.accepted).toBe(false);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]?.summary).toBe('Number of included segments does not match actual count');
    expect(decoded.errors[0]?.explanation).toBe(
      'Transaction set 810 (Invoice), control number 2: the segment count in the SE trailer does not match the ' +
        'number of segments actually sent.',
    );
  });

  it('turns a rejection without any reason into an error so the desk is still alerted', () => {
    const decoded = ack(decodeAcknowledgment('ST*997*1~AK1*PO*9~AK9*R*1*0*0~SE*3*1~'));
    expect(decoded.status).toBe('rejected');
    expect(decoded.acknowledgedDocuments).toEqual([
      { controlNumber: '9', documentType: 'PO', status: 'R', statusText: 'Rejected' },
    ]);
    expect(decoded.errors).toHaveLength(1);
    expect(decoded.errors[0]).toMatchObject({
      level: 'group',
      code: 'R',
      codeList: 'X12 element 715 (AK901)',
    });
    expect(decoded.errors[0]?.explanation).toBe(
      'Functional group 9 of purchase orders (850): the partner rejected the whole functional group.',
    );
  });

  it('decodes functional group syntax errors from AK905–AK909', () => {
    const decoded = ack(decodeAcknowledgment('ST*997*1~AK1*PO*9~AK9*R*1*0*0*4*5~SE*3*1~'));
    expect(decoded.errors.map((e) => [e.code, e.codeList])).toEqual([
      ['4', 'X12 element 716 (AK905)'],
      ['5', 'X12 element 716 (AK906)'],
    ]);
  });

  it('uses the 004010 meaning of codes that changed in 005010 when the group says 004010', () => {
    const ackFor = (version: string) =>
      ack(decodeAcknowledgment(`GS*FA*P*O*20240115*1030*1*X*${version}~ST*997*1~AK2*850*1~AK5*R*19~SE*3*1~`));
    expect(ackFor('004010').errors[0]?.summary).toBe(
      'S1E security end segment missing for S1S security start segment',
    );
    expect(ackFor('005010').errors[0]?.summary).toBe(
      'Invalid transaction set implementation convention reference',
    );
  });

  it('shows unknown codes raw and never hides them', () => {
    const decoded = ack(
      decodeAcknowledgment('ST*997*1~AK2*850*1~AK3*N1*4**Q1~AK3*N2*5**8~AK4*1**Z9~AK5*R~SE*5*1~'),
    );
    const unknown = decoded.errors.filter((e) => !e.known);
    expect(unknown.map((e) => e.summary)).toEqual([
      'Unknown error code "Q1" (X12 element 720)',
      'Unknown error code "Z9" (X12 element 723)',
    ]);
    expect(unknown[1]?.code).toBe('Z9');
    expect(unknown[1]?.explanation).toContain('reported error code "Z9", which is not in X12 element 723');
  });

  it('treats an unreadable acknowledgment code as not accepted', () => {
    const decoded = ack(decodeAcknowledgment('ST*997*1~AK2*850*1~AK5*Q~SE*3*1~'));
    expect(decoded.status).toBe('rejected');
    expect(decoded.acknowledgedDocuments[0]?.statusText).toBe('Unknown error code "Q" (X12 element 717)');
    expect(decoded.errors[0]).toMatchObject({ known: false, code: 'Q' });
  });

  it('skips unknown segments inside the acknowledgment and keeps going', () => {
    const decoded = ack(
      decodeAcknowledgment('ST*997*1~ZZZ*junk~AK1*PO*1~N9*X~AK2*850*1~AK5*A~AK9*A*1*1*1~SE*4*1~'),
    );
    expect(decoded.status).toBe('accepted');
  });

  it('decodes without AK1 or AK9, from the AK5 responses alone', () => {
    const decoded = ack(decodeAcknowledgment('ST*997*1~AK2*850*1~AK5*A~AK2*850*2~AK5*R*5~SE*5*1~'));
    expect(decoded.status).toBe('partially-accepted');
    expect(decoded.acknowledgedDocuments.map((d) => d.status)).toEqual(['A', 'R']);
  });

  it('upgrades an "accepted" ack that still lists errors to accepted-with-errors', () => {
    const decoded = ack(decodeAcknowledgment('ST*997*1~AK2*850*1~AK3*REF*7**2~AK5*A~SE*4*1~'));
    expect(decoded.status).toBe('accepted-with-errors');
    expect(decoded.accepted).toBe(true);
  });

  it('summarizes the rejection for an alert', () => {
    const summary = summarizeErrors(ack(decodeAcknowledgment(REJECTED_997)).errors);
    expect(summary).toBe(
      '5 errors: required data element missing (N104); invalid code value "ZZ" (BEG01); invalid date ' +
        '"20241345" (BEG05)\n…and 2 more.',
    );
  });
});
