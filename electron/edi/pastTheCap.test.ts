// Acknowledgments listing far more errors than are shown. A CONTRL as large as the contract allows (5 MB)
// listing ~600,000 errors: the decoder keeps the first
// MAX_ERRORS errors exactly as a small CONTRL would show them, counts every other one, and closes with one
// entry saying how many were left out. (Speed is not asserted here: errors past the cap are only counted,
// never built, which is what keeps such a file cheap; see ErrorCollector in limits.ts.)
import { describe, expect, it } from 'vitest';
import type { DecodedAcknowledgment } from './index.ts';
import { decodeAcknowledgment, summarizeErrors } from './index.ts';
import { MAX_DOCUMENTS, MAX_ERRORS, MAX_INPUT_CHARS, TRUNCATION_CODE, hiddenCount } from './limits.ts';

const HEAD =
  "UNA:+.? 'UNB+UNOC:3+PARTNER+OURCOMPANY+240115:1030+77'UNH+1+CONTRL:D:3:UN'UCI+77+PARTNER+OURCOMPANY+4'";
const TAIL = "UNT+9+1'UNZ+1+77'";

/**
 * One rejected ORDERS message with 50 errors: a UCS with no code of its own folded into its two UCDs, then
 * 48 one-line segment errors (8 characters each, which is how ~600,000 fit in 5 MB).
 */
function rejectedMessage(n: number): string {
  const segmentErrors = Array.from({ length: 48 }, (_, i) => `UCS+${(i % 9) + 1}+8'`).join('');
  return `UCM+${n}+ORDERS:D:96A:UN+4'UCS+2'UCD+12+3:1'UCD+13+4'${segmentErrors}`;
}
const ERRORS_PER_MESSAGE = 50;

function contrl(messages: number): string {
  return HEAD + Array.from({ length: messages }, (_, i) => rejectedMessage(i + 1)).join('') + TAIL;
}

/** As many rejected messages as fit in the contract's 5,000,000-character bound. */
function largestContrl(): { text: string; messages: number } {
  let messages = Math.floor(MAX_INPUT_CHARS / rejectedMessage(9_999).length);
  let text = contrl(messages);
  while (text.length > MAX_INPUT_CHARS) {
    messages -= 1;
    text = contrl(messages);
  }
  return { text, messages };
}

function decodedAck(text: string): DecodedAcknowledgment {
  const result = decodeAcknowledgment(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.ack;
}

describe('a 5 MB CONTRL with ~600,000 errors', () => {
  const large = largestContrl();
  const total = large.messages * ERRORS_PER_MESSAGE;
  const ack = decodedAck(large.text);

  it('is a real worst case: just under the input bound, with more than half a million error reports', () => {
    expect(large.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(large.text.length).toBeGreaterThan(MAX_INPUT_CHARS * 0.99);
    expect(total).toBeGreaterThan(550_000);
  });

  it('is decoded as rejected, keeping the first MAX_ERRORS errors and one note for the rest', () => {
    expect(ack.kind).toBe('CONTRL');
    expect(ack.status).toBe('rejected');
    expect(ack.accepted).toBe(false);
    expect(ack.errors).toHaveLength(MAX_ERRORS + 1);
    expect(ack.errors.slice(0, MAX_ERRORS).every((e) => e.code !== TRUNCATION_CODE)).toBe(true);
  });

  it('says clearly how many errors were left out, and the count is exact', () => {
    const note = ack.errors.at(-1);
    expect(note?.code).toBe(TRUNCATION_CODE);
    expect(note?.summary).toBe(`${total - MAX_ERRORS} more errors not shown`);
    expect(note?.explanation).toBe(
      `The acknowledgment reports ${total} errors; only the first ${MAX_ERRORS} are listed. ` +
        'Open the raw acknowledgment to see the rest.',
    );
    expect(note?.raw).toBe('');
    expect(note === undefined ? 0 : hiddenCount(note)).toBe(total - MAX_ERRORS);
  });

  it('keeps exactly the errors a CONTRL holding only the first MAX_ERRORS errors decodes to', () => {
    const small = decodedAck(contrl(MAX_ERRORS / ERRORS_PER_MESSAGE));
    expect(small.errors).toHaveLength(MAX_ERRORS);
    expect(ack.errors.slice(0, MAX_ERRORS)).toEqual(small.errors.slice(0, MAX_ERRORS));
    expect(ack.errors[0]).toMatchObject({
      level: 'element',
      code: '12',
      location: { segmentPosition: 2, elementPosition: 3, componentPosition: 1 },
      raw: "UCS+2'UCD+12+3:1'",
    });
    expect(ack.errors[2]).toMatchObject({
      level: 'segment',
      code: '8',
      location: { segmentPosition: 1 },
      raw: "UCS+1+8'",
    });
    expect(ack.errors[MAX_ERRORS - 1]?.explanation).toMatch(
      /^Message 200 \(ORDERS D:96A\), segment at position 3/,
    );
  });

  it('keeps every kept error short, so the decoded result stays small', () => {
    for (const e of ack.errors) {
      expect(e.summary.length).toBeLessThan(1_000);
      expect(e.explanation.length).toBeLessThan(5_000);
      expect(e.raw.length).toBeLessThan(5_000);
    }
    expect(JSON.stringify(ack).length).toBeLessThan(12_000_000);
  });

  it('lists the rejected messages up to the document cap and counts the rest', () => {
    expect(large.messages).toBeGreaterThan(MAX_DOCUMENTS);
    const documents = ack.acknowledgedDocuments;
    expect(documents).toHaveLength(MAX_DOCUMENTS + 1);
    expect(documents[0]).toMatchObject({ controlNumber: '1', documentType: 'ORDERS', status: '4' });
    expect(documents.slice(0, MAX_DOCUMENTS).every((d) => d.status === '4')).toBe(true);
    expect(documents.at(-1)).toEqual({
      status: 'not-shown',
      statusText: `${large.messages - MAX_DOCUMENTS} more documents not shown`,
    });
  });

  it('gives a notification text that counts every error, not only the kept ones', () => {
    const [first, second] = summarizeErrors(ack.errors).split('\n');
    expect(first).toMatch(new RegExp(`^${total} errors: `));
    expect(second).toBe(`…and ${total - 3} more.`);
  });
});

describe('a CONTRL whose one segment report has more UCDs than the cap', () => {
  it('counts the UCDs past the cap without keeping them', () => {
    const ucds = MAX_ERRORS + 25_000;
    const ack = decodedAck(`UCI+1+P+O+4'UCM+7+INVOIC+4'UCS+3'${"UCD+12+3'".repeat(ucds)}UCM+8+INVOIC+4'`);
    expect(ack.errors).toHaveLength(MAX_ERRORS + 1);
    expect(ack.errors[MAX_ERRORS - 1]?.location).toEqual({ segmentPosition: 3, elementPosition: 3 });
    // message 8 is rejected with no reason given, so it adds one error of its own after the UCDs
    expect(ack.errors.at(-1)?.summary).toBe(`${ucds + 1 - MAX_ERRORS} more errors not shown`);
  });
});

describe('a 999 whose one segment report has more IK4s than the cap, each with its CTX', () => {
  it('keeps each kept error with its own context, and counts the rest with theirs', () => {
    const ik4s = MAX_ERRORS + 500;
    const body = Array.from({ length: ik4s }, (_, i) => `IK4*1**7~CTX*CLAIM:C${i + 1}~`).join('');
    const result = decodeAcknowledgment(`ST*999*1~AK1*HC*1~AK2*837*1~IK3*CLM*2**8~${body}IK5*R~`);
    if (!result.ok) throw new Error(result.error.message);
    const { errors } = result.ack;
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS - 1]?.explanation).toMatch(new RegExp(`Context: CLAIM "C${MAX_ERRORS}"\\.$`));
    expect(errors[MAX_ERRORS - 1]?.raw).toBe(`IK3*CLM*2**8~IK4*1**7~CTX*CLAIM:C${MAX_ERRORS}~`);
    expect(errors.at(-1)?.summary).toBe(`${ik4s - MAX_ERRORS} more errors not shown`);
  });
});
