// A case ("issue") in a partner's Trading Grid community, and the alerts raised to that community.
import { z } from 'zod';
import { CorrelationRef, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';

export const IssuePriority = z.enum(['low', 'medium', 'high', 'urgent']);
export type IssuePriority = z.infer<typeof IssuePriority>;

export const ExternalRef = z.object({
  system: z.literal('xconnector'),
  kind: z.enum(['exception', 'transaction', 'case']),
  id: Id,
});

export const NewIssue = z.object({
  title: ShortText.min(1),
  description: LongText,
  type: z.string().min(1).max(64),
  priority: IssuePriority,
  supportTier: z.number().int().min(1).max(5).default(1),
  correlationRef: CorrelationRef,
  externalRefs: z.array(ExternalRef).max(20).default([]),
});
export type NewIssue = z.infer<typeof NewIssue>;

export const Issue = NewIssue.extend({
  id: Id,
  communityId: Id,
  status: z.string().min(1).max(64),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Issue = z.infer<typeof Issue>;

export const AlertError = z.object({
  code: z.string().max(64),
  summary: ShortText,
  explanation: z.string().max(2000),
});

export const NewAlert = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  title: ShortText.min(1),
  message: LongText,
  correlationRef: CorrelationRef,
  transactionRef: z.object({ id: Id, documentType: z.string().max(10), controlNumber: z.string().max(35) }),
  errors: z.array(AlertError).max(200).default([]),
});
export type NewAlert = z.infer<typeof NewAlert>;

export const Alert = NewAlert.extend({
  id: Id,
  communityId: Id,
  createdAt: IsoDateTime,
});
export type Alert = z.infer<typeof Alert>;
