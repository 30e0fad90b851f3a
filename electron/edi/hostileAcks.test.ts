// Acknowledgments as a hostile partner (or a broken translator) might send them: cut off mid-segment,
// separators that are regex metacharacters or collide, codes no table knows, a million elements, a 10 MB
// segment, binary junk, no envelope. Each decodes to a clear result or a clear malformed_ack, and the
// decoded result stays small whatever came in. (Time is bounded by the test timeout: a catastrophic regex
// would blow it; speed itself is measured in `npm run bench`, not here.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_CONTRL, ALL_SAMPLES, REJECTED_997, REJECTED_CONTRL, isa } from './ackSamples.fixture.ts';
import { decodeAcknowledgment } from './index.ts';
import type { AckDecodeResult } from './index.ts';
import { MAX_ERRORS, MAX_INPUT_CHARS } from './limits.ts';

/** Largest decoded result (as JSON) for any input: the error and document caps keep it so. */
const MAX_RESULT_CHARS = 12_000_000;

function expectClear(result: AckDecodeResult): void {
  if (result.ok) {
    expect(result.ack.errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
    for (const e of result.ack.errors) {
      expect(e.summary.trim()).not.toBe('');
      expect(e.summary.length).toBeLessThan(1_000);
      expect(e.explanation.length).toBeLessThan(5_000);
      expect(e.raw.length).toBeLessThan(5_000);
    }
  } else {
    expect(result.error.kind).toBe('malformed_ack');
    expect(result.error.message.trim().length).toBeGreaterThan(10);
    expect(result.error.message.length).toBeLessThan(1_000);
    expect(result.error.message).not.toMatch(/internal decoder error/);
  }
  expect(JSON.stringify(result).length).toBeLessThan(MAX_RESULT_CHARS);
}

function malformed(result: AckDecodeResult): string {
  if (result.ok) throw new Error('expected malformed_ack');
  return result.error.message;
}

describe('hostile acknowledgments: size', () => {
  it('refuses a segment of a million elements, in X12 and in EDIFACT, naming the segment', () => {
    expect(malformed(decodeAcknowledgment(`ST*997*1~AK1*PO*1~AK4${'*1'.repeat(1_000_000)}~AK9*A~`))).toMatch(
      /Segment AK4 .* has 1000000 data elements/,
    );
    expect(malformed(decodeAcknowledgment(`UCI+1+US+P+7'UCD${'+1'.repeat(1_000_000)}'`))).toMatch(
      /Segment UCD .* has 1000000 data elements/,
    );
  });

  it('decodes an element of a million components without listing them all', () => {
    const result = decodeAcknowledgment(
      `ST*999*1~AK1*PO*1~AK2*850*1~IK4*1${'>1'.repeat(1_000_000)}**7~IK5*R~`,
    );
    expectClear(result);
  });

  it('refuses a 10 MB segment as too large, and decodes a 4.9 MB one clearly', () => {
    expect(malformed(decodeAcknowledgment(`ST*997*1~AK1*PO*${'9'.repeat(10_000_000)}~AK9*A~`))).toMatch(
      /too large: 10,000,0\d\d characters/,
    );
    expectClear(decodeAcknowledgment(`ST*997*1~AK1*PO*1~AK3*${'N'.repeat(4_900_000)}*2**8~AK5*R~`));
  });

  it('decodes 200,000 error segments, keeping the first errors and counting the rest', () => {
    const body = 'AK4*1**7~'.repeat(200_000);
    const result = decodeAcknowledgment(`ST*997*1~AK2*850*1~${body}AK5*R~`);
    expectClear(result);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.ack.errors.at(-1)?.code).toBe('ERRORS_TRUNCATED');
  });

  it('treats input made only of separators, escapes or blanks as malformed', () => {
    for (const c of ['~', '*', "'", '+', '?', ':', '\n', ' ', '\u0000'])
      expectClear(decodeAcknowledgment(c.repeat(MAX_INPUT_CHARS)));
    expectClear(decodeAcknowledgment(`UNA:+.? 'UCI+1+US+P+7${'?'.repeat(4_000_000)}'`));
  });
});

describe('hostile acknowledgments: structure', () => {
  it('explains a missing or broken envelope', () => {
    for (const text of [
      'AK1*PO*1~AK9*A~',
      "UCI+1+US+P+7'",
      isa(),
      `${isa()}GS*FA*P*O*20240115*1030*1*X*004010~`,
      "UNA:+.? 'UNB+UNOC:3+P+O+240115:1030+1'",
      'GE*1*1~IEA*1*000000905~',
      'SE*3*0001~ST*997*0001~',
    ])
      expectClear(decodeAcknowledgment(text));
  });

  it('decodes every cut of a rejected 997 and a rejected CONTRL, including mid-element cuts', () => {
    for (const sample of [REJECTED_997, REJECTED_CONTRL])
      for (let i = 0; i <= sample.length; i += 3) expectClear(decodeAcknowledgment(sample.slice(0, i)));
  });

  it('shows codes no table knows as raw codes, never hiding them', () => {
    const result = decodeAcknowledgment(
      'ST*997*1~AK1*PO*1~AK2*850*1~AK3*N1*2**Q7~AK4*1**ZZ9~AK5*X*Q9~AK9*R*1*1*0~',
    );
    expectClear(result);
    if (!result.ok) throw new Error(result.error.message);
    const unknown = result.ack.errors.filter((e) => !e.known);
    expect(unknown.length).toBeGreaterThan(0);
    for (const e of unknown) expect(`${e.summary} ${e.explanation}`).toContain(e.code);
    const contrl = decodeAcknowledgment(
      "UNH+1+CONTRL:D:3:UN'UCI+1+S+R+9'UCM+1+ORDERS:D:96A:UN+4+Q1'UNT+4+1'",
    );
    expectClear(contrl);
  });

  it('keeps mixed, colliding and regex-special separators from crashing or hanging the decoder', () => {
    const specials = [
      '.',
      '*',
      '+',
      '?',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '^',
      '$',
      '|',
      '\\',
      '/',
      'A',
      '1',
      ' ',
    ];
    for (const element of specials)
      for (const segment of ['~', "'", '\n', element]) {
        const x12 =
          `${isa({ element, component: '>', segment })}GS${element}FA${segment}ST${element}997${element}1${segment}` +
          `AK1${element}PO${element}1${segment}AK9${element}R${element}1${element}1${element}0${segment}`;
        expectClear(decodeAcknowledgment(x12));
        expectClear(
          decodeAcknowledgment(
            `UNA:${element}.? ${segment}UCI${element}1${element}US${element}P${element}4${segment}`,
          ),
        );
      }
  });

  it('survives binary junk inside and around real acknowledgments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_SAMPLES, ACCEPTED_CONTRL),
        fc.uint8Array({ maxLength: 64 }),
        fc.nat(),
        (sample, junk, at) => {
          const bytes = Buffer.from(junk).toString('latin1');
          const i = at % (sample.length + 1);
          expectClear(decodeAcknowledgment(sample.slice(0, i) + bytes + sample.slice(i)));
          expectClear(decodeAcknowledgment(`\uFEFF\uFFFE${bytes}${sample}`));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Acknowledgment-shaped text: real segment tags with elements drawn from codes, junk and separators.
const TAGS = [
  'ISA',
  'GS',
  'ST',
  'AK1',
  'AK2',
  'AK3',
  'AK4',
  'AK5',
  'AK9',
  'IK3',
  'IK4',
  'IK5',
  'SE',
  'GE',
  'IEA',
];
const EDI_TAGS = ['UNA', 'UNB', 'UNH', 'UCI', 'UCM', 'UCS', 'UCD', 'UCF', 'UNT', 'UNZ'];
const elementValue = fc.oneof(
  fc.constantFrom(
    'A',
    'E',
    'R',
    'P',
    'M',
    'W',
    'X',
    '1',
    '2',
    '4',
    '5',
    '7',
    '8',
    '12',
    '19',
    'I6',
    '997',
    '999',
    'CONTRL',
    '',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

function segmentText(tags: readonly string[], element: string, component: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...tags),
      fc.array(fc.array(elementValue, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
    )
    .map(([tag, elements]) => [tag, ...elements.map((parts) => parts.join(component))].join(element));
}

describe('hostile acknowledgments: generated', () => {
  it('X12-shaped input with any separators decodes clearly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('*', '|', '^', '.', '+'),
        fc.constantFrom('~', '\n', "'", '!'),
        fc.constantFrom('>', ':', '\\', '*'),
        fc.boolean(),
        fc.array(fc.constant(null), { minLength: 1, maxLength: 30 }),
        fc.context(),
        (element, segment, component, withIsa, slots, ctx) => {
          const segments = fc.sample(segmentText(TAGS, element, component), {
            numRuns: slots.length,
            seed: slots.length,
          });
          const text =
            (withIsa ? isa({ element, component, segment }) : '') + segments.join(segment) + segment;
          ctx.log(text.slice(0, 300));
          expectClear(decodeAcknowledgment(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('X12 and EDIFACT segments drawn at random decode clearly', () => {
    fc.assert(
      fc.property(
        fc.array(segmentText(TAGS, '*', '>'), { minLength: 1, maxLength: 40 }),
        fc.array(segmentText(EDI_TAGS, '+', ':'), { minLength: 1, maxLength: 40 }),
        (x12, edifact) => {
          expectClear(decodeAcknowledgment(`ST*997*1~${x12.join('~')}~`));
          expectClear(decodeAcknowledgment(`UNA:+.? '${edifact.join("'")}'`));
          expectClear(decodeAcknowledgment(`${edifact.join("'")}'`));
        },
      ),
      { numRuns: 400 },
    );
  });
});
