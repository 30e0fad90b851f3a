// A partner-facing status change of a Trading Grid issue: its new status word, a message the partner
// reads, and the resolution when it resolves the issue. Partner Desk posts one per internal
// resolution step (flow 4); partners and support staff change the status too.
import { z } from 'zod';
import { Author } from './comment.ts';
import { ForeignRef, OriginMarker, PARTNER_DESK_ORIGIN, Resolution } from './internalCase.ts';
import { CorrelationRef, Id, IsoDateTime, LongText } from './primitives.ts';

/** Trading Grid's own status word (OPEN, IN_PROGRESS, WAITING_ON_PARTNER, RESOLVED, CLOSED, …). */
export const PartnerStatus = z.string().min(1).max(64);

export const NewStatusUpdate = z.object({
  status: PartnerStatus,
  message: LongText.min(1),
  resolution: Resolution.nullable(),
  origin: z.literal(PARTNER_DESK_ORIGIN),
  correlationRef: CorrelationRef,
});
export type NewStatusUpdate = z.infer<typeof NewStatusUpdate>;

export const StatusUpdate = z.object({
  id: Id,
  issueId: Id,
  status: PartnerStatus,
  message: LongText,
  resolution: Resolution.nullable().default(null),
  author: Author,
  origin: OriginMarker,
  correlationRef: ForeignRef,
  createdAt: IsoDateTime,
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;
