// Realistic raw acknowledgments and error details for failed or rejected transactions:
// X12 997 and 999 interchanges, EDIFACT CONTRL, transmission errors and xConnector's own validation
// errors. Codes are the real ones (X12 AK3/IK3 segment syntax, AK4/IK4 element syntax, AK5/IK5 and
// AK9 codes; EDIFACT 0083 action codes and 0085 syntax error codes), so the engine's decoder can be
// tested against what a partner would really send.
import type { ValidationErrorDetail } from '../../shared/domain/transaction.ts';
import type { Rng } from './rng.ts';

// ---------------------------------------------------------------------------------------------------
// X12 997 / 999

export interface X12Party {
  /** ISA05/ISA07 qualifier, e.g. `ZZ` (mutually defined), `01` (DUNS), `12` (phone). */
  qualifier: string;
  id: string;
}

export interface X12ElementError {
  /** Position of the element in the segment (AK401/IK401-1). */
  position: number;
  /** Component position inside a composite (AK401-2), when the error is in a component. */
  component?: number;
  /** Data element reference number (AK402/IK402), e.g. `212` unit price. */
  reference: string;
  /** AK403/IK403 element syntax error code, e.g. `7` invalid code value, `I12` pattern match failure. */
  code: string;
  /** AK404/IK404 copy of the bad data element. */
  badValue?: string;
}

export interface X12SegmentError {
  segmentId: string;
  /** Segment position in the transaction set, counting ST as 1. */
  position: number;
  loopId?: string;
  /** AK304/IK304 segment syntax error code (omitted when only elements are in error). */
  code?: string;
  /** 999 only: a CTX situational-trigger context for this segment error. */
  context?: { segmentId: string; position: number; elementPosition?: number };
  elements: X12ElementError[];
}

export interface X12AckOptions {
  type: '997' | '999';
  /** Who sends the acknowledgment: the partner. */
  sender: X12Party;
  /** Who receives it: us. */
  receiver: X12Party;
  interchangeControl: number;
  groupControl: number;
  at: Date;
  /** The functional group and transaction set being acknowledged. */
  original: { functionalId: string; groupControl: number; transactionSet: string; setControl: string };
  /** AK5/IK5 and AK9 acknowledgment code: A accepted, E accepted with errors noted, R rejected. */
  status: 'A' | 'E' | 'R';
  errors: X12SegmentError[];
  /** AK9 functional group syntax error codes (e.g. `5` number of sets does not match). */
  groupErrors?: string[];
  /** 999 only: a business-unit identifier for the rejected set (CTX in loop 2000), e.g. `BIG02:INV-1`. */
  businessUnit?: string;
  /** Put a newline after each segment terminator (common in practice; parsers must accept both). */
  lineBreaks?: boolean;
}

function pad(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value + ' '.repeat(width - value.length);
}

function zeros(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Joins elements and drops trailing empty ones, as X12 and EDIFACT require. */
function segment(separator: string, elements: readonly (string | undefined)[]): string {
  const parts = elements.map((e) => e ?? '');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(separator);
}

function ymd(at: Date): { yymmdd: string; ccyymmdd: string; hhmm: string } {
  const iso = at.toISOString();
  const ccyymmdd = iso.slice(0, 10).replaceAll('-', '');
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm: iso.slice(11, 16).replace(':', '') };
}

export function x12Acknowledgment(o: X12AckOptions): string {
  const is999 = o.type === '999';
  const el = '*';
  const comp = '>';
  const term = o.lineBreaks === false ? '~' : '~\n';
  const { yymmdd, ccyymmdd, hhmm } = ymd(o.at);
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    pad(o.sender.qualifier, 2),
    pad(o.sender.id, 15),
    pad(o.receiver.qualifier, 2),
    pad(o.receiver.id, 15),
    yymmdd,
    hhmm,
    is999 ? '^' : 'U',
    is999 ? '00501' : '00401',
    zeros(o.interchangeControl, 9),
    '0',
    'P',
    comp,
  ].join(el);
  const set: string[] = [];
  const s = (...elements: (string | undefined)[]): void => {
    set.push(segment(el, elements));
  };
  const stControl = '0001';
  s('ST', o.type, stControl, is999 ? '005010X231A1' : undefined);
  s('AK1', o.original.functionalId, String(o.original.groupControl), is999 ? '005010' : undefined);
  s('AK2', o.original.transactionSet, o.original.setControl);
  if (is999 && o.businessUnit) s('CTX', o.businessUnit);
  for (const e of o.errors) {
    s(is999 ? 'IK3' : 'AK3', e.segmentId, String(e.position), e.loopId, e.code);
    if (is999 && e.context) {
      s(
        'CTX',
        'SITUATIONAL TRIGGER',
        e.context.segmentId,
        String(e.context.position),
        undefined,
        e.context.elementPosition === undefined ? undefined : String(e.context.elementPosition),
      );
    }
    for (const x of e.elements) {
      const position = x.component === undefined ? String(x.position) : `${x.position}${comp}${x.component}`;
      s(is999 ? 'IK4' : 'AK4', position, x.reference, x.code, x.badValue);
    }
  }
  const setCodes = o.status === 'A' ? [] : o.errors.length > 0 ? [is999 ? 'I5' : '5'] : [];
  s(is999 ? 'IK5' : 'AK5', o.status, ...setCodes);
  const accepted = o.status === 'R' ? '0' : '1';
  s('AK9', o.status, '1', '1', accepted, ...(o.groupErrors ?? []));
  s('SE', String(set.length + 1), stControl);
  const gsVersion = is999 ? '005010X231A1' : '004010';
  const lines = [
    isa,
    segment(el, [
      'GS',
      'FA',
      o.sender.id,
      o.receiver.id,
      ccyymmdd,
      hhmm,
      String(o.groupControl),
      'X',
      gsVersion,
    ]),
    ...set,
    segment(el, ['GE', '1', String(o.groupControl)]),
    segment(el, ['IEA', '1', zeros(o.interchangeControl, 9)]),
  ];
  return lines.join(term) + term;
}

// ---------------------------------------------------------------------------------------------------
// EDIFACT CONTRL

export interface EdifactParty {
  id: string;
  /** Partner identification code qualifier (0007), e.g. `14` EAN/GLN, `ZZZ` mutually defined. */
  qualifier: string;
}

export interface ContrlSegmentError {
  /** Segment position in the message, counting UNH as 1 (UCS0096). */
  position: number;
  /** UCS syntax error code for the segment itself (e.g. `13` missing, `35` too many repetitions). */
  code?: string;
  /** UCD: data element errors in the segment. */
  elements: { code: string; position: number; component?: number }[];
}

export interface ContrlOptions {
  sender: EdifactParty;
  receiver: EdifactParty;
  /** Interchange control reference of the CONTRL itself. */
  reference: string;
  at: Date;
  /** The interchange and message being acknowledged (we sent it: sender = us). */
  original: {
    reference: string;
    sender: EdifactParty;
    recipient: EdifactParty;
    messageRef: string;
    /** S009, e.g. `INVOIC:D:96A:UN`. */
    messageType: string;
  };
  /** Interchange-level rejection (UCI action 4 with this syntax error code, no UCM), e.g. `23`. */
  interchangeError?: string;
  /** Message-level result: `4` rejected, `7` acknowledged. */
  messageAction: '4' | '7';
  messageError?: string;
  errors: ContrlSegmentError[];
  lineBreaks?: boolean;
}

export function edifactContrl(o: ContrlOptions): string {
  const term = o.lineBreaks === false ? "'" : "'\n";
  const { yymmdd, hhmm } = ymd(o.at);
  const body: string[] = [];
  const s = (...elements: (string | undefined)[]): void => {
    body.push(segment('+', elements));
  };
  s('UNH', '1', 'CONTRL:D:3:UN');
  const origSender = `${o.original.sender.id}:${o.original.sender.qualifier}`;
  const origRecipient = `${o.original.recipient.id}:${o.original.recipient.qualifier}`;
  if (o.interchangeError) {
    s('UCI', o.original.reference, origSender, origRecipient, '4', o.interchangeError);
  } else {
    s('UCI', o.original.reference, origSender, origRecipient, '7');
    s('UCM', o.original.messageRef, o.original.messageType, o.messageAction, o.messageError);
    for (const e of o.errors) {
      s('UCS', String(e.position), e.code);
      for (const x of e.elements) {
        s('UCD', x.code, x.component === undefined ? String(x.position) : `${x.position}:${x.component}`);
      }
    }
  }
  s('UNT', String(body.length + 1), '1');
  const lines = [
    'UNA:+.? ',
    segment('+', [
      'UNB',
      'UNOC:3',
      `${o.sender.id}:${o.sender.qualifier}`,
      `${o.receiver.id}:${o.receiver.qualifier}`,
      `${yymmdd}:${hhmm}`,
      o.reference,
    ]),
    ...body,
    segment('+', ['UNZ', '1', o.reference]),
  ];
  return lines.join(term) + term;
}

// ---------------------------------------------------------------------------------------------------
// Templates of realistic errors per document type

type X12Template = Omit<X12SegmentError, 'context'>;

const X12_ERRORS: Record<string, X12Template[]> = {
  '810': [
    {
      segmentId: 'IT1',
      position: 12,
      loopId: 'IT1',
      code: '8',
      elements: [{ position: 4, reference: '212', code: '6', badValue: '13.1O' }],
    },
    {
      segmentId: 'BIG',
      position: 2,
      code: '8',
      elements: [{ position: 1, reference: '373', code: '8', badValue: '20251340' }],
    },
    { segmentId: 'N1', position: 5, loopId: 'N1', code: '3', elements: [] },
    { segmentId: 'TDS', position: 41, code: '8', elements: [{ position: 1, reference: '610', code: '1' }] },
    {
      segmentId: 'IT1',
      position: 15,
      loopId: 'IT1',
      code: '8',
      elements: [{ position: 3, reference: '355', code: '7', badValue: 'EAH' }],
    },
    { segmentId: 'CTT', position: 44, code: '8', elements: [{ position: 1, reference: '354', code: '1' }] },
  ],
  '850': [
    {
      segmentId: 'PO1',
      position: 9,
      loopId: 'PO1',
      code: '8',
      elements: [{ position: 3, reference: '355', code: '7', badValue: 'EAH' }],
    },
    {
      segmentId: 'BEG',
      position: 2,
      code: '8',
      elements: [{ position: 5, reference: '373', code: '8', badValue: '20250231' }],
    },
    {
      segmentId: 'N1',
      position: 6,
      loopId: 'N1',
      code: '8',
      elements: [{ position: 4, reference: '67', code: '1' }],
    },
    {
      segmentId: 'PO1',
      position: 11,
      loopId: 'PO1',
      code: '8',
      elements: [
        {
          position: 7,
          reference: '234',
          code: '5',
          badValue: '0000123456789012345678901234567890123456789012345',
        },
      ],
    },
    { segmentId: 'REF', position: 3, code: '2', elements: [] },
  ],
  '855': [
    {
      segmentId: 'BAK',
      position: 2,
      code: '8',
      elements: [{ position: 2, reference: '587', code: '7', badValue: 'ZZ' }],
    },
    {
      segmentId: 'ACK',
      position: 8,
      loopId: 'PO1',
      code: '8',
      elements: [{ position: 1, reference: '668', code: '7', badValue: 'XX' }],
    },
    {
      segmentId: 'PO1',
      position: 7,
      loopId: 'PO1',
      code: '8',
      elements: [{ position: 2, reference: '330', code: '6', badValue: '1O' }],
    },
  ],
  '856': [
    {
      segmentId: 'HL',
      position: 5,
      loopId: 'HL',
      code: '8',
      elements: [{ position: 3, reference: '735', code: '7', badValue: 'X' }],
    },
    {
      segmentId: 'SN1',
      position: 14,
      loopId: 'HL',
      code: '8',
      elements: [{ position: 2, reference: '382', code: '6', badValue: '12A' }],
    },
    { segmentId: 'TD5', position: 7, loopId: 'HL', code: '3', elements: [] },
    {
      segmentId: 'REF',
      position: 9,
      loopId: 'HL',
      code: '8',
      elements: [{ position: 2, reference: '127', code: '1' }],
    },
    {
      segmentId: 'DTM',
      position: 4,
      code: '8',
      elements: [{ position: 2, reference: '373', code: '8', badValue: '20251301' }],
    },
  ],
  '860': [
    {
      segmentId: 'BCH',
      position: 2,
      code: '8',
      elements: [{ position: 1, reference: '353', code: '7', badValue: '99' }],
    },
    {
      segmentId: 'POC',
      position: 9,
      loopId: 'POC',
      code: '8',
      elements: [{ position: 2, reference: '670', code: '7', badValue: 'QX' }],
    },
  ],
  '820': [
    {
      segmentId: 'BPR',
      position: 2,
      code: '8',
      elements: [{ position: 2, reference: '782', code: '6', badValue: '1,204.50' }],
    },
    {
      segmentId: 'RMR',
      position: 11,
      loopId: 'ENT',
      code: '8',
      elements: [{ position: 1, reference: '128', code: '7', badValue: 'XX' }],
    },
  ],
};

/** 999-only codes a stricter implementation guide adds. */
const X12_999_EXTRA: X12Template[] = [
  { segmentId: 'REF', position: 4, code: 'I6', elements: [] },
  {
    segmentId: 'N4',
    position: 8,
    loopId: 'N1',
    code: '8',
    elements: [{ position: 2, reference: '156', code: 'I6', badValue: 'XX' }],
  },
  {
    segmentId: 'PER',
    position: 7,
    loopId: 'N1',
    code: '8',
    elements: [{ position: 4, reference: '364', code: 'I12', badValue: '555-CALL-NOW' }],
  },
  { segmentId: 'DTM', position: 6, code: 'I8', elements: [] },
];

export const X12_FUNCTIONAL_ID: Record<string, string> = {
  '810': 'IN',
  '820': 'RA',
  '850': 'PO',
  '855': 'PR',
  '856': 'SH',
  '860': 'PC',
  '997': 'FA',
};

export interface ContrlTemplate {
  interchangeError?: string;
  errors: ContrlSegmentError[];
}

const CONTRL_ERRORS: Record<string, ContrlTemplate[]> = {
  INVOIC: [
    { errors: [{ position: 3, elements: [{ code: '12', position: 1, component: 2 }] }] },
    { errors: [{ position: 25, code: '13', elements: [] }] },
    { errors: [{ position: 18, elements: [{ code: '37', position: 1, component: 2 }] }] },
    { errors: [{ position: 2, elements: [{ code: '39', position: 2, component: 1 }] }] },
  ],
  DESADV: [
    { errors: [{ position: 12, elements: [{ code: '12', position: 1, component: 1 }] }] },
    { errors: [{ position: 7, code: '35', elements: [] }] },
    { errors: [{ position: 15, elements: [{ code: '37', position: 1, component: 2 }] }] },
  ],
  ORDERS: [
    { errors: [{ position: 4, elements: [{ code: '12', position: 1, component: 2 }] }] },
    { errors: [{ position: 9, code: '15', elements: [] }] },
    { errors: [{ position: 20, elements: [{ code: '13', position: 2 }] }] },
  ],
  ORDRSP: [
    { errors: [{ position: 2, elements: [{ code: '12', position: 3 }] }] },
    { errors: [{ position: 14, elements: [{ code: '40', position: 1, component: 1 }] }] },
  ],
};

const CONTRL_INTERCHANGE_ERRORS: ContrlTemplate[] = [
  { interchangeError: '23', errors: [] }, // unknown interchange sender
  { interchangeError: '26', errors: [] }, // duplicate detected
  { interchangeError: '2', errors: [] }, // syntax version or level not supported
  { interchangeError: '7', errors: [] }, // interchange recipient not actual recipient
];

export interface AckParties {
  /** Our interchange id and the partner's (EDI ids; padded/truncated as the envelope requires). */
  ourId: string;
  partnerId: string;
}

export interface SampleAckInput {
  standard: 'X12' | 'EDIFACT';
  documentType: string;
  controlNumber: string;
  /** `R` rejected, `E` accepted with errors (X12 only). */
  status: 'R' | 'E';
  parties: AckParties;
  at: Date;
}

/** A realistic acknowledgment rejecting (or accepting with errors) the given transaction. */
export function sampleAcknowledgment(
  rng: Rng,
  input: SampleAckInput,
): { type: '997' | '999' | 'CONTRL'; raw: string } {
  if (input.standard === 'EDIFACT') return { type: 'CONTRL', raw: sampleContrl(rng, input) };
  const type = rng.chance(0.35) ? '999' : '997';
  const templates = X12_ERRORS[input.documentType] ?? X12_ERRORS['810'] ?? [];
  const pool = type === '999' ? [...templates, ...X12_999_EXTRA] : templates;
  const count =
    input.status === 'E'
      ? 1
      : rng.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const);
  const errors: X12SegmentError[] = [];
  for (let i = 0; i < count; i++) {
    const t = rng.pick(pool);
    const e: X12SegmentError = { ...t, elements: t.elements.map((x) => ({ ...x })) };
    if (type === '999' && t.elements[0] && rng.chance(0.4)) {
      e.context = { segmentId: t.segmentId, position: t.position, elementPosition: t.elements[0].position };
    }
    errors.push(e);
  }
  const control = Number.parseInt(input.controlNumber.replace(/\D/g, '').slice(-9) || '1', 10);
  const raw = x12Acknowledgment({
    type,
    sender: {
      qualifier: isDuns(input.parties.partnerId) ? '01' : 'ZZ',
      id: input.parties.partnerId.slice(0, 15),
    },
    receiver: { qualifier: isDuns(input.parties.ourId) ? '01' : 'ZZ', id: input.parties.ourId.slice(0, 15) },
    interchangeControl: rng.int(1, 999_999_999),
    groupControl: rng.int(1, 99_999),
    at: input.at,
    original: {
      functionalId: X12_FUNCTIONAL_ID[input.documentType] ?? 'IN',
      groupControl: control % 1_000_000_000,
      transactionSet: input.documentType,
      setControl: zeros((control % 9999) + 1, 4),
    },
    status: input.status,
    errors,
    businessUnit: type === '999' && rng.chance(0.5) ? `REF02:${input.controlNumber}` : undefined,
  });
  return { type, raw };
}

/** A nine-digit id is a DUNS number (X12 qualifier 01, EDIFACT 1); anything else is mutually defined. */
function isDuns(id: string): boolean {
  return /^\d{9}$/.test(id);
}

function sampleContrl(rng: Rng, input: SampleAckInput): string {
  const messageType = EDIFACT_MESSAGE_VERSION[input.documentType] ?? `${input.documentType}:D:96A:UN`;
  const template = rng.chance(0.2)
    ? rng.pick(CONTRL_INTERCHANGE_ERRORS)
    : rng.pick(CONTRL_ERRORS[input.documentType] ?? CONTRL_ERRORS['INVOIC'] ?? []);
  const qualifier = (id: string): string => (isDuns(id) ? '1' : /^\d{13}$/.test(id) ? '14' : 'ZZZ');
  const us: EdifactParty = {
    id: input.parties.ourId.slice(0, 35),
    qualifier: qualifier(input.parties.ourId),
  };
  const partner: EdifactParty = {
    id: input.parties.partnerId.slice(0, 35),
    qualifier: qualifier(input.parties.partnerId),
  };
  return edifactContrl({
    sender: partner,
    receiver: us,
    reference: String(rng.int(1, 99_999_999)),
    at: input.at,
    original: {
      reference: input.controlNumber.slice(0, 14),
      sender: us,
      recipient: partner,
      messageRef: '1',
      messageType,
    },
    interchangeError: template.interchangeError,
    messageAction: '4',
    errors: template.errors.map((e) => ({ ...e, elements: e.elements.map((x) => ({ ...x })) })),
  });
}

const EDIFACT_MESSAGE_VERSION: Record<string, string> = {
  INVOIC: 'INVOIC:D:96A:UN',
  DESADV: 'DESADV:D:96A:UN',
  ORDERS: 'ORDERS:D:96A:UN',
  ORDRSP: 'ORDRSP:D:96A:UN',
};

// ---------------------------------------------------------------------------------------------------
// Transmission errors

export const TRANSMISSION_ERROR_CODES = [
  'CONNECTION_TIMEOUT',
  'CONNECTION_REFUSED',
  'AS2_MDN_NEGATIVE',
  'AS2_MDN_TIMEOUT',
  'CERTIFICATE_EXPIRED',
  'TLS_HANDSHAKE_FAILED',
  'SFTP_AUTH_FAILED',
  'VAN_MAILBOX_REJECTED',
] as const;

export function sampleTransmissionError(
  rng: Rng,
  partnerCode: string,
  at: Date,
): { code: string; detail: string } {
  const host = `${partnerCode.toLowerCase().replaceAll('_', '-')}.edi-gateway.example`;
  const code = rng.pick(TRANSMISSION_ERROR_CODES);
  const messageId = `<${rng.hex(16)}@xconnector.internal>`;
  switch (code) {
    case 'CONNECTION_TIMEOUT':
      return { code, detail: `AS2 POST to https://${host}:4443/as2 timed out after 30000 ms (3 attempts)` };
    case 'CONNECTION_REFUSED':
      return { code, detail: `connect ECONNREFUSED ${host}:4080 (AS2 endpoint not listening)` };
    case 'AS2_MDN_NEGATIVE': {
      const reason = rng.pick([
        'decryption-failed',
        'authentication-failed',
        'integrity-check-failed',
        'unexpected-processing-error',
      ]);
      return {
        code,
        detail: `Negative MDN for Message-ID ${messageId}: Disposition: automatic-action/MDN-sent-automatically; processed/error: ${reason}`,
      };
    }
    case 'AS2_MDN_TIMEOUT':
      return { code, detail: `No asynchronous MDN received within 60 minutes for Message-ID ${messageId}` };
    case 'CERTIFICATE_EXPIRED': {
      const expired = new Date(at.getTime() - rng.int(1, 30) * 86_400_000).toISOString().slice(0, 10);
      return {
        code,
        detail: `Partner encryption certificate CN=as2.${host}, serial ${rng.hex(12).toUpperCase()} expired on ${expired}`,
      };
    }
    case 'TLS_HANDSHAKE_FAILED':
      return {
        code,
        detail: `TLS handshake with ${host}:443 failed: unable to verify the first certificate`,
      };
    case 'SFTP_AUTH_FAILED':
      return {
        code,
        detail: `SFTP login to sftp.${host}:22 as ${partnerCode.toLowerCase()}_in failed: Permission denied (publickey,password)`,
      };
    case 'VAN_MAILBOX_REJECTED':
      return { code, detail: `VAN rejected the interchange: receiver mailbox ZZ:${partnerCode} suspended` };
  }
}

// ---------------------------------------------------------------------------------------------------
// xConnector validation errors (its own checks before sending, or a downstream system's refusal)

interface ValidationTemplate {
  code: 'MISSING_FIELD' | 'INVALID_CODE' | 'INVALID_FORMAT' | 'INVALID_DATE' | 'UNKNOWN_ITEM';
  x12: { segment: string; element: string };
  edifact: { segment: string; element: string };
  field: string;
  value?: (rng: Rng) => string;
  message: (value: string | undefined) => string;
}

const VALIDATION_TEMPLATES: ValidationTemplate[] = [
  {
    code: 'MISSING_FIELD',
    x12: { segment: 'BIG', element: '02' },
    edifact: { segment: 'BGM', element: '1004' },
    field: 'invoiceNumber',
    message: () => 'Required field invoiceNumber is missing',
  },
  {
    code: 'MISSING_FIELD',
    x12: { segment: 'N1', element: '04' },
    edifact: { segment: 'NAD', element: '3039' },
    field: 'shipTo.locationCode',
    message: () => 'Required field shipTo.locationCode (ship-to GLN) is missing',
  },
  {
    code: 'MISSING_FIELD',
    x12: { segment: 'REF', element: '02' },
    edifact: { segment: 'RFF', element: '1154' },
    field: 'billOfLading',
    message: () => 'Required field billOfLading is missing',
  },
  {
    code: 'INVALID_CODE',
    x12: { segment: 'PO1', element: '03' },
    edifact: { segment: 'QTY', element: '6411' },
    field: 'lines[2].unitOfMeasure',
    value: (rng) => rng.pick(['EAH', 'CSE', 'PCS', 'BX1']),
    message: (v) => `'${v}' is not a valid unit of measure code`,
  },
  {
    code: 'INVALID_CODE',
    x12: { segment: 'TD5', element: '03' },
    edifact: { segment: 'TDT', element: '3127' },
    field: 'carrierScac',
    value: (rng) => rng.code(5),
    message: (v) => `Carrier SCAC '${v}' is not on the partner's approved carrier list`,
  },
  {
    code: 'INVALID_FORMAT',
    x12: { segment: 'IT1', element: '04' },
    edifact: { segment: 'PRI', element: '5118' },
    field: 'lines[1].unitPrice',
    value: (rng) => `${rng.int(1, 99)}.${rng.int(0, 9)}O`,
    message: (v) => `Unit price '${v}' is not a decimal number`,
  },
  {
    code: 'INVALID_FORMAT',
    x12: { segment: 'N4', element: '03' },
    edifact: { segment: 'NAD', element: '3251' },
    field: 'shipTo.postalCode',
    value: (rng) => rng.code(4),
    message: (v) => `Postal code '${v}' does not match the country's format`,
  },
  {
    code: 'INVALID_DATE',
    x12: { segment: 'DTM', element: '02' },
    edifact: { segment: 'DTM', element: '2380' },
    field: 'requestedDeliveryDate',
    value: (rng) => `2025${rng.pick(['13', '02', '00'])}${rng.pick(['31', '30', '00'])}`,
    message: (v) => `'${v}' is not a valid CCYYMMDD date`,
  },
  {
    code: 'INVALID_DATE',
    x12: { segment: 'BIG', element: '01' },
    edifact: { segment: 'DTM', element: '2380' },
    field: 'invoiceDate',
    value: () => '20991231',
    message: (v) => `Invoice date ${v} is in the future`,
  },
  {
    code: 'UNKNOWN_ITEM',
    x12: { segment: 'LIN', element: '03' },
    edifact: { segment: 'LIN', element: '7140' },
    field: 'lines[3].buyerItemNumber',
    value: (rng) => `SKU-${rng.digits(6)}`,
    message: (v) => `Item ${v} is not in the partner item catalogue`,
  },
  {
    code: 'UNKNOWN_ITEM',
    x12: { segment: 'PO1', element: '07' },
    edifact: { segment: 'PIA', element: '7140' },
    field: 'lines[1].gtin',
    value: (rng) => `0${rng.digits(13)}`,
    message: (v) => `GTIN ${v} is not known to the item master`,
  },
];

export const VALIDATION_ERROR_CODES = [
  'MISSING_FIELD',
  'INVALID_CODE',
  'INVALID_FORMAT',
  'INVALID_DATE',
  'UNKNOWN_ITEM',
] as const;

export function sampleValidationErrors(
  rng: Rng,
  standard: 'X12' | 'EDIFACT' | 'API',
  options: { count?: number; only?: ValidationTemplate['code'] } = {},
): ValidationErrorDetail[] {
  const pool = options.only
    ? VALIDATION_TEMPLATES.filter((t) => t.code === options.only)
    : VALIDATION_TEMPLATES;
  const count =
    options.count ??
    rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const);
  const out: ValidationErrorDetail[] = [];
  for (let i = 0; i < count; i++) {
    const t = rng.pick(pool);
    const value = t.value?.(rng);
    const where = standard === 'X12' ? t.x12 : standard === 'EDIFACT' ? t.edifact : undefined;
    const detail: ValidationErrorDetail = { code: t.code, field: t.field, message: t.message(value) };
    if (where) {
      detail.segment = where.segment;
      detail.element = where.element;
    }
    if (value !== undefined) detail.value = value;
    out.push(detail);
  }
  return out;
}
