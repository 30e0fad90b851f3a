// Public entry of the EDI decoder: acknowledgments (X12 997/999, EDIFACT CONTRL), transmission errors and
// xConnector validation errors, all turned into DecodedError values with plain words. Pure code: no I/O,
// never throws for any input.
export type {
  AckDecodeResult,
  DecodedAcknowledgment,
  DecodedError,
  ErrorLevel,
  ErrorSource,
} from './types.ts';
export { decodeAcknowledgment } from './decodeAck.ts';
export { decodeTransmissionError } from './transmissionError.ts';
export { decodeValidationError } from './validationError.ts';
export { summarizeErrors } from './summarize.ts';
