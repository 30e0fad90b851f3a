// A file a partner attached to a comment in Trading Grid, as Partner Desk hands its bytes to xConnector
// (flows 5 and 7): to the internal case the issue is linked to, or to the message routed to ERP, order
// management or customer service. The bytes travel as the request body; what they are travels here,
// in the query, with our origin marker and correlation reference (`pd:partner-file:…`, keyed on the
// content hash, so the same bytes never land twice on the same case or message).
import { z } from 'zod';
import { ContentType, Sha256 } from './document.ts';
import { PARTNER_DESK_ORIGIN } from './internalCase.ts';
import { CorrelationRef, Id, IsoDateTime } from './primitives.ts';

/** Where in xConnector a partner's file goes. */
export const PartnerFileTarget = z.enum(['case', 'route-message']);
export type PartnerFileTarget = z.infer<typeof PartnerFileTarget>;

export const NewPartnerFile = z.object({
  /** Sanitised by Partner Desk before it names anything. */
  name: z.string().min(1).max(255),
  contentType: ContentType,
  /** Must equal the body's Content-Length. */
  sizeBytes: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Of the body; xConnector refuses (422) bytes that do not match it. */
  sha256: Sha256,
  correlationRef: CorrelationRef,
  origin: z.literal(PARTNER_DESK_ORIGIN),
  /** The Trading Grid attachment the bytes came from. */
  sourceAttachmentId: Id,
  documentType: z.string().max(64).optional(),
});
export type NewPartnerFile = z.infer<typeof NewPartnerFile>;

export const PartnerFile = NewPartnerFile.extend({
  id: Id,
  target: PartnerFileTarget,
  targetId: Id,
  createdAt: IsoDateTime,
});
export type PartnerFile = z.infer<typeof PartnerFile>;
