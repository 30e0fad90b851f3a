// A business document flowing to or from a partner through xConnector (EDI X12, EDIFACT or API).
import { z } from 'zod';
import { Id, IsoDateTime, ShortText } from './primitives.ts';

export const DocumentStandard = z.enum(['X12', 'EDIFACT', 'API']);
export const Direction = z.enum(['inbound', 'outbound']);

/** Our normalised status. xConnector's own status words are mapped onto it by configuration. */
export const TransactionStatus = z.enum(['pending', 'in_transit', 'accepted', 'failed', 'rejected']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const ValidationErrorDetail = z.object({
  code: z.string().min(1).max(64),
  segment: z.string().max(16).optional(),
  element: z.string().max(16).optional(),
  field: z.string().max(128).optional(),
  value: z.string().max(256).optional(),
  message: z.string().max(1000).optional(),
});
export type ValidationErrorDetail = z.infer<typeof ValidationErrorDetail>;

export const Acknowledgment = z.object({
  type: z.enum(['997', '999', 'CONTRL']),
  /** The acknowledgment exactly as the partner sent it; decoded by the engine, shown raw on request. */
  raw: z.string().max(5_000_000),
});
export type Acknowledgment = z.infer<typeof Acknowledgment>;

export const TransmissionError = z.object({
  code: z.string().min(1).max(64),
  detail: z.string().max(2000).optional(),
});

/** The transaction as it travels on the wire: `status` is still xConnector's own word. */
export const TransactionWire = z.object({
  id: Id,
  partnerId: Id,
  standard: DocumentStandard,
  documentType: z.string().regex(/^[A-Z0-9]{2,10}$/),
  direction: Direction,
  controlNumber: z.string().min(1).max(35),
  status: z.string().min(1).max(64),
  statusReason: ShortText.optional(),
  validationErrors: z.array(ValidationErrorDetail).max(1000).default([]),
  acknowledgment: Acknowledgment.nullable().optional(),
  transmissionError: TransmissionError.nullable().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TransactionWire = z.infer<typeof TransactionWire>;

export const Transaction = TransactionWire.extend({
  status: TransactionStatus,
  rawStatus: z.string(),
});
export type Transaction = z.infer<typeof Transaction>;
