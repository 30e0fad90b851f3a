// Public shapes of the EDI decoder. Kept in their own file so the code tables and parsers can share them
// without importing index.ts (which would create import cycles).

export type ErrorSource = 'x12-997' | 'x12-999' | 'edifact-contrl' | 'transmission' | 'validation';
export type ErrorLevel = 'interchange' | 'group' | 'transaction' | 'segment' | 'element';

export interface ErrorLocation {
  segmentId?: string;
  segmentPosition?: number;
  loopId?: string;
  elementPosition?: number;
  componentPosition?: number;
  repetitionPosition?: number;
  elementReference?: string;
  badValue?: string;
}

export interface DecodedError {
  source: ErrorSource;
  level: ErrorLevel;
  /** The raw code as received, e.g. '1', 'I6', '13'. */
  code: string;
  /** Which code list it came from, e.g. 'X12 element 720 (AK304)'. */
  codeList: string;
  /** False when the code is not in the table: the summary then shows the raw code, never hides it. */
  known: boolean;
  /** Short plain words, e.g. 'Mandatory data element missing'. */
  summary: string;
  /** One sentence a partner-desk person understands, including where the problem is. */
  explanation: string;
  location?: ErrorLocation;
  /** The raw segment(s) the error came from (each segment clipped to a readable length). */
  raw: string;
}

export type AckStatus = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

export interface AcknowledgedDocument {
  controlNumber?: string;
  documentType?: string;
  status: string;
  statusText: string;
}

export interface DecodedAcknowledgment {
  kind: '997' | '999' | 'CONTRL';
  /** True when the partner took everything it acknowledged (status 'accepted' or 'accepted-with-errors'). */
  accepted: boolean;
  status: AckStatus;
  acknowledgedDocuments: AcknowledgedDocument[];
  errors: DecodedError[];
}

export interface MalformedAck {
  kind: 'malformed_ack';
  message: string;
}

export type AckDecodeResult = { ok: true; ack: DecodedAcknowledgment } | { ok: false; error: MalformedAck };

export interface ValidationErrorInput {
  code: string;
  segment?: string;
  element?: string;
  field?: string;
  value?: string;
  message?: string;
}
