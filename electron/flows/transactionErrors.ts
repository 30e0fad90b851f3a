// Everything that says why a transaction failed — xConnector's own validation, the transport, and the
// partner's acknowledgment — decoded into one list of errors in plain words.
import {
  decodeAcknowledgment,
  decodeTransmissionError,
  decodeValidationError,
  summarizeErrors,
  type DecodedError,
} from '../edi/index.ts';
import type { Transaction } from '../../shared/domain/transaction.ts';

export interface TransactionErrors {
  errors: DecodedError[];
  summary: string;
}

export function decodeTransactionErrors(t: Transaction): TransactionErrors {
  const errors: DecodedError[] = [];
  for (const v of t.validationErrors) errors.push(decodeValidationError(v));
  if (t.transmissionError)
    errors.push(decodeTransmissionError(t.transmissionError.code, t.transmissionError.detail));
  if (t.acknowledgment) {
    const decoded = decodeAcknowledgment(t.acknowledgment.raw);
    if (decoded.ok) errors.push(...decoded.ack.errors);
    else
      errors.push({
        source:
          t.acknowledgment.type === 'CONTRL'
            ? 'edifact-contrl'
            : t.acknowledgment.type === '999'
              ? 'x12-999'
              : 'x12-997',
        level: 'interchange',
        code: 'UNREADABLE',
        codeList: 'Partner Desk',
        known: false,
        summary: 'The acknowledgment could not be read',
        explanation: decoded.error.message,
        raw: t.acknowledgment.raw.slice(0, 500),
      });
  }
  if (errors.length === 0 && (t.status === 'failed' || t.status === 'rejected')) {
    errors.push({
      source: 'validation',
      level: 'transaction',
      code: t.rawStatus,
      codeList: 'xConnector status',
      known: false,
      summary:
        t.status === 'rejected' ? 'Rejected without a stated reason' : 'Failed without a stated reason',
      explanation: `xConnector marked the transaction ${t.rawStatus}${t.statusReason ? `: ${t.statusReason}` : ', with no details'}.`,
      raw: t.rawStatus,
    });
  }
  return { errors, summary: errors.length > 0 ? summarizeErrors(errors) : '' };
}
