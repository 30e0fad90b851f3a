// An exception xConnector detected in the flow of a shipment, an invoice or an order.
import { z } from 'zod';
import { CurrencyCode, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';

export const ExceptionKind = z.enum(['shipment', 'invoice', 'order']);
export type ExceptionKind = z.infer<typeof ExceptionKind>;
export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const ExceptionReferences = z.object({
  poNumber: z.string().max(64).optional(),
  invoiceNumber: z.string().max(64).optional(),
  asnNumber: z.string().max(64).optional(),
  shipmentId: z.string().max(64).optional(),
  transactionId: Id.optional(),
});

export const Amounts = z.object({
  currency: CurrencyCode,
  expected: z.number().finite().optional(),
  actual: z.number().finite().optional(),
});

export const IssueLink = z.object({
  system: z.literal('trading-grid'),
  issueId: Id,
  communityId: Id,
});
export type IssueLink = z.infer<typeof IssueLink>;

export const PartnerException = z.object({
  id: Id,
  kind: ExceptionKind,
  partnerId: Id,
  severity: Severity,
  summary: ShortText.min(1),
  description: LongText.optional(),
  references: ExceptionReferences.default({}),
  amounts: Amounts.optional(),
  detectedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** True once the exception became a dispute; its supporting documents come in the documents feed. */
  dispute: z.boolean().optional(),
  /** Set by Partner Desk once the Trading Grid issue exists: xConnector's side of the two-way link. */
  link: IssueLink.nullable().optional(),
});
export type PartnerException = z.infer<typeof PartnerException>;
