// Realistic acknowledgment samples shared by the specification tests (not a test file itself).

export interface X12Separators {
  element: string;
  component: string;
  segment: string;
  /** ISA11: 'U' (004010 standards identifier) or a repetition separator such as '^' (005010). */
  repetition?: string;
  /** Written after each terminator, e.g. '\r\n' for one-segment-per-line files. */
  lineBreak?: string;
}

const STAR: X12Separators = { element: '*', component: '>', segment: '~', lineBreak: '\n' };

/** A fixed-width (106 character) ISA, as the standard requires. */
export function isa(sep: X12Separators = STAR, version = '00401', control = '000000905'): string {
  const fields = [
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    'ZZ',
    'PARTNER'.padEnd(15),
    'ZZ',
    'OURCOMPANY'.padEnd(15),
    '240115',
    '1030',
    sep.repetition ?? 'U',
    version,
    control,
    '0',
    'P',
    sep.component,
  ];
  return `ISA${sep.element}${fields.join(sep.element)}${sep.segment}`;
}

/** Segments written with '*' and '~'; re-encoded with the wanted separators. */
export function x12(segments: readonly string[], sep: X12Separators = STAR, version = '00401'): string {
  const lineBreak = sep.lineBreak ?? '';
  const body = segments.map(
    (segment) =>
      segment
        .split('*')
        .map((element) => element.replaceAll('>', sep.component))
        .join(sep.element) + sep.segment,
  );
  return [isa(sep, version), ...body].join(lineBreak) + lineBreak;
}

export const ACCEPTED_997 = x12([
  'GS*FA*PARTNER*OURCOMPANY*20240115*1030*905*X*004010',
  'ST*997*0001',
  'AK1*PO*1001',
  'AK2*850*0001',
  'AK5*A',
  'AK2*850*0002',
  'AK5*A',
  'AK9*A*2*2*2',
  'SE*8*0001',
  'GE*1*905',
  'IEA*1*000000905',
]);

export const REJECTED_997 = x12([
  'GS*FA*PARTNER*OURCOMPANY*20240115*1030*906*X*004010',
  'ST*997*0002',
  'AK1*PO*1002',
  'AK2*850*0003',
  'AK3*N1*12*N1*8',
  'AK4*4**1',
  'AK3*BEG*2**8',
  'AK4*1*353*7*ZZ',
  'AK4*5*373*8*20241345',
  'AK3*PO1*15*PO1*3',
  'AK5*R*5',
  'AK9*R*1*1*0',
  'SE*12*0002',
  'GE*1*906',
  'IEA*1*000000905',
]);

/** 004010 997 with '^' as element separator and plain newline terminators. */
export const CARET_NEWLINE_997 = x12(
  [
    'GS*FA*PARTNER*OURCOMPANY*20240115*1030*907*X*004010',
    'ST*997*0003',
    'AK1*IN*77',
    'AK2*810*5001',
    'AK3*IT1*8*IT1*8',
    'AK4*2*358*4',
    'AK5*E',
    'AK9*E*1*1*1',
    'SE*8*0003',
    'GE*1*907',
    'IEA*1*000000905',
  ],
  { element: '^', component: '>', segment: '\n' },
);

/** 005010 999 with '|' elements, '^' repetition, ':' components and CR/LF after each '~'. */
export const PARTIAL_999 = x12(
  [
    'GS*FA*PARTNER*OURCOMPANY*20240115*1030*908*X*005010X231A1',
    'ST*999*0004*005010X231A1',
    'AK1*SH*2001*005010',
    'AK2*856*0101',
    'IK3*REF*9*HL*I6',
    'CTX*SITUATIONAL TRIGGER*HL*5*HL*3',
    'IK3*TD5*14**8',
    'IK4*5:2*387*I12*UPS GROUND?',
    'CTX*ROUTING:UPSG',
    'IK5*R*I5',
    'AK2*856*0102',
    'IK5*A',
    'AK9*P*2*2*1',
    'SE*13*0004',
    'GE*1*908',
    'IEA*1*000000905',
  ],
  { element: '|', component: ':', segment: '~', repetition: '^', lineBreak: '\r\n' },
  '00501',
);

export const ACCEPTED_999 = x12(
  [
    'GS*FA*PARTNER*OURCOMPANY*20240115*1030*909*X*005010X231A1',
    'ST*999*0005*005010X231A1',
    'AK1*IN*3001*005010',
    'AK2*810*7001',
    'IK5*A',
    'AK9*A*1*1*1',
    'SE*6*0005',
    'GE*1*909',
    'IEA*1*000000905',
  ],
  { element: '*', component: ':', segment: '~', repetition: '^' },
  '00501',
);

export const ACCEPTED_CONTRL =
  "UNA:+.? 'UNB+UNOC:3+PARTNER:14+OURCOMPANY:14+240115:1030+CTL42'UNH+1+CONTRL:D:3:UN'" +
  "UCI+ICR1001+OURCOMPANY:14+PARTNER:14+7'UNT+3+1'UNZ+1+CTL42'";

export const REJECTED_CONTRL =
  "UNA:+.? '\nUNB+UNOC:3+PARTNER:14+OURCOMPANY:14+240115:1030+CTL43'\nUNH+1+CONTRL:D:3:UN'\n" +
  "UCI+ICR1002+OURCOMPANY:14+PARTNER:14+7'\nUCM+MSG0001+ORDERS:D:96A:UN:EAN008+4'\nUCS+4'\n" +
  "UCD+13+3:1'\nUCD+39+5'\nUCS+17+35'\nUNT+8+1'\nUNZ+1+CTL43'\n";

export const ALL_SAMPLES: readonly string[] = [
  ACCEPTED_997,
  REJECTED_997,
  CARET_NEWLINE_997,
  PARTIAL_999,
  ACCEPTED_999,
  ACCEPTED_CONTRL,
  REJECTED_CONTRL,
];
