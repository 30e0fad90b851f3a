// What Partner Desk hands to xConnector's inbound route when a partner writes something in Trading
// Grid (flow 5): the partner's words and attachments, where they came from, and why this route.
import { z } from 'zod';
import { CommentAttachment } from './comment.ts';
import { CorrelationRef, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';

/** The internal systems xConnector's inbound route can hand a partner message to. */
export const InternalRoute = z.enum(['erp', 'order-management', 'customer-service']);
export type InternalRoute = z.infer<typeof InternalRoute>;

export const PartnerInputKind = z.enum(['message', 'comment']);
export type PartnerInputKind = z.infer<typeof PartnerInputKind>;

export const NewRouteMessage = z.object({
  correlationRef: CorrelationRef,
  partnerId: Id,
  /** A message opens a new issue; a comment follows up on one. */
  kind: PartnerInputKind,
  subject: ShortText.min(1),
  body: LongText,
  author: ShortText.min(1),
  source: z.object({
    system: z.literal('trading-grid'),
    communityId: Id,
    issueId: Id,
    commentId: Id.optional(),
  }),
  caseType: z.string().max(64).optional(),
  /** The internal case the issue is linked to, when there is one. */
  internalCaseId: Id.optional(),
  attachments: z.array(CommentAttachment).max(50).default([]),
  /** The rule that chose the route (or "default"), so the receiving team can see why it got this. */
  matchedRule: ShortText.min(1),
  receivedAt: IsoDateTime,
});
export type NewRouteMessage = z.infer<typeof NewRouteMessage>;

export const RouteMessage = NewRouteMessage.extend({
  id: Id,
  route: InternalRoute,
  createdAt: IsoDateTime,
});
export type RouteMessage = z.infer<typeof RouteMessage>;
