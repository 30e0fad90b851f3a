import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_SAMPLES, REJECTED_997 } from './ackSamples.fixture.ts';
import type { AckDecodeResult } from './index.ts';
import { decodeAcknowledgment, summarizeErrors } from './index.ts';
import { MAX_ERRORS } from './limits.ts';

const STATUSES = ['accepted', 'accepted-with-errors', 'partially-accepted', 'rejected'];

/** The result is exactly one of the two documented shapes, with usable text everywhere. */
function expectWellFormed(result: AckDecodeResult): void {
  if (result.ok) {
    expect(['997', '999', 'CONTRL']).toContain(result.ack.kind);
    expect(STATUSES).toContain(result.ack.status);
    expect(result.ack.accepted).toBe(
      result.ack.status === 'accepted' || result.ack.status === 'accepted-with-errors',
    );
    for (const error of result.ack.errors) {
      expect(typeof error.summary).toBe('string');
      expect(error.summary.length).toBeGreaterThan(0);
      expect(error.explanation.length).toBeGreaterThan(0);
      expect(typeof error.raw).toBe('string');
    }
    expect(typeof summarizeErrors(result.ack.errors)).toBe('string');
  } else {
    expect(result.error.kind).toBe('malformed_ack');
    expect(result.error.message.length).toBeGreaterThan(0);
    // The catch-all in decodeAcknowledgment is a safety net: reaching it means a decoder threw.
    expect(result.error.message).not.toMatch(/internal decoder error/);
  }
}

function refusal(result: AckDecodeResult): string {
  if (result.ok) throw new Error('expected a malformed_ack refusal');
  return result.error.message;
}

describe('Acknowledgment decoding robustness', () => {
  it('refuses empty and blank input with a clear message', () => {
    expect(refusal(decodeAcknowledgment(''))).toBe('The acknowledgment is empty');
    expect(refusal(decodeAcknowledgment(' \r\n\t\uFEFF'))).toBe('The acknowledgment is empty');
  });

  it('names the first segment when the input is not an acknowledgment', () => {
    expect(refusal(decodeAcknowledgment('XYZ*1*2~'))).toBe(
      'Not a 997, 999 or CONTRL acknowledgment: first segment is "XYZ"',
    );
    expect(refusal(decodeAcknowledgment('\u0000\u0001\u00ff binary'))).toBe(
      'Not a 997, 999 or CONTRL acknowledgment: first segment is "??ÿ binary"',
    );
  });

  it('refuses an X12 document that is not a 997 or 999', () => {
    expect(refusal(decodeAcknowledgment('ST*850*0001~BEG*00*SA*PO1**20240115~SE*3*0001~'))).toBe(
      'Not a 997, 999 or CONTRL acknowledgment: transaction set is "850"',
    );
  });

  it('refuses a truncated ISA, saying what is missing', () => {
    expect(refusal(decodeAcknowledgment('ISA*00*'))).toMatch(/ISA segment is truncated/);
    expect(refusal(decodeAcknowledgment('ISA'))).toMatch(/no usable element separator/);
  });

  it('refuses an acknowledgment cut off before any AK5 or AK9', () => {
    expect(refusal(decodeAcknowledgment('ST*997*1~AK1*PO*1~AK2*850*1~AK3*N1*2'))).toBe(
      'The 997 has no AK5/IK5 or AK9 response segment, so it does not say whether anything was accepted ' +
        '(the acknowledgment may be truncated)',
    );
  });

  it('keeps a transaction set without its AK5 visible when the acknowledgment is cut short', () => {
    const result = decodeAcknowledgment('ST*997*1~AK1*PO*1~AK2*850*1~AK5*A~AK2*850*2~AK3*N1*2**3');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.ack.acknowledgedDocuments[1]).toMatchObject({ controlNumber: '2', status: '' });
    expect(result.ack.status).toBe('accepted-with-errors');
  });

  it('treats too many elements in a segment as an error, not a crash (100k elements)', () => {
    const message = refusal(decodeAcknowledgment(`ST*997*1~AK1*PO*1~AK4${'*1'.repeat(100_000)}~AK9*A~`));
    expect(message).toBe(
      'Segment AK4 (segment 3 of the acknowledgment) has 100000 data elements; the X12 standard allows at most 4',
    );
    const edifact = refusal(decodeAcknowledgment(`UCI+1+US+P+7'UCD${'+1'.repeat(100_000)}'`));
    expect(edifact).toMatch(/Segment UCD .* has 100000 data elements; the EDIFACT syntax allows at most 2/);
  });

  it('tolerates trailing empty elements', () => {
    expect(decodeAcknowledgment('ST*997*1~AK1*PO*1**~AK9*A*1*1*1*****~SE*4*1~').ok).toBe(true);
  });

  it('refuses input over 5,000,000 characters', () => {
    expect(refusal(decodeAcknowledgment(`ST*997*1~${'x'.repeat(5_000_000)}`))).toBe(
      'The acknowledgment is too large: 5,000,009 characters (the limit is 5,000,000)',
    );
  });

  it('keeps the first 10,000 errors and ends with a "more errors not shown" entry', () => {
    const lines = Array.from({ length: MAX_ERRORS + 50 }, (_, i) => `AK4*${(i % 9) + 1}**1`);
    const result = decodeAcknowledgment(`ST*997*1~AK2*850*1~AK3*N1*2**8~${lines.join('~')}~AK5*R*5~SE*9*1~`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.ack.errors).toHaveLength(MAX_ERRORS + 1);
    expect(result.ack.errors.at(-1)).toMatchObject({
      code: 'ERRORS_TRUNCATED',
      summary: '51 more errors not shown',
    });
    expect(summarizeErrors(result.ack.errors)).toMatch(/^10051 errors: .*\n…and 10048 more\.$/);
  });

  it('decodes a 5 MB acknowledgment full of errors in bounded time', () => {
    const body = 'AK3*N1*2**8~AK4*1**1~'.repeat(230_000).slice(0, 4_900_000);
    const started = performance.now();
    const result = decodeAcknowledgment(`ST*997*1~AK2*850*1~${body}AK5*R~`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.ok && result.ack.errors.length).toBe(MAX_ERRORS + 1);
  });

  it('handles mixed separators without throwing', () => {
    const results = [
      'ISA*00*          *00*          *ZZ*PARTNER        *ZZ*OURCOMPANY     *240115*1030*U*00401*000000905*0*P*>~GS|FA~ST|997~',
      "UNA:+.? 'UNH*1*CONTRL'UCI:1:7'",
      'ST*997*1\nAK1|PO|1~AK9*A',
    ].map((text) => decodeAcknowledgment(text));
    results.forEach(expectWellFormed);
  });

  it('never throws and always returns one of the two shapes for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (text) => {
          expectWellFormed(decodeAcknowledgment(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never throws for arbitrary strings that start like an acknowledgment', () => {
    const starts = ['ISA*', 'ST*997*', 'AK1*', 'UNA:+.? ', 'UNB+', 'UCI+', 'ISA|', 'AK4*'];
    const alphabet = fc.constantFrom(..."*~:>|^+'?\n\r AK12345UCSDIRZ".split(''));
    fc.assert(
      fc.property(
        fc.constantFrom(...starts),
        fc.string({ unit: alphabet, maxLength: 400 }),
        (start, rest) => {
          expectWellFormed(decodeAcknowledgment(start + rest));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never throws for mutated valid samples (deleted, inserted, replaced and truncated characters)', () => {
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
      text: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_SAMPLES),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (sample, mutations) => {
          let text = sample;
          for (const m of mutations) {
            const at = text.length === 0 ? 0 : m.at % text.length;
            if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.text.length);
            else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
            else if (m.kind === 'replace') text = text.slice(0, at) + m.text + text.slice(at + m.text.length);
            else text = text.slice(0, at);
          }
          expectWellFormed(decodeAcknowledgment(text));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('decodes every prefix of a valid sample without throwing', () => {
    for (let i = 0; i <= REJECTED_997.length; i += 1)
      expectWellFormed(decodeAcknowledgment(REJECTED_997.slice(0, i)));
  });

  it('does not throw when called with something that is not a string', () => {
    for (const input of [undefined, null, 42, {}, ['ST*997'], Symbol('x')]) {
      expectWellFormed(decodeAcknowledgment(input as unknown as string));
    }
  });
});
