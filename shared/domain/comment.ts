// Comments on a Trading Grid issue, from the partner, from the company's support staff, or from
// Partner Desk (which marks its own with an origin and our correlation reference so it never copies
// them back), with the files a partner attached to them.
import { z } from 'zod';
import { ForeignRef, OriginMarker, PARTNER_DESK_ORIGIN } from './internalCase.ts';
import { CorrelationRef, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';
import { Sha256 } from './document.ts';

/** Who wrote something in Trading Grid: the partner, a member of our company's staff, or an integration. */
export const Author = z.object({
  kind: z.enum(['partner', 'member', 'integration']),
  name: ShortText.min(1),
});
export type Author = z.infer<typeof Author>;

/**
 * A file attached to a comment: metadata only; its bytes are fetched by whoever needs them
 * (`GET /api/v1/comment-attachments/{id}/content`), checked against `sizeBytes` and `sha256`.
 */
export const CommentAttachment = z.object({
  id: Id,
  name: z.string().min(1).max(255),
  contentType: z.string().min(1).max(127),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** What the document is, when the partner said (e.g. proof_of_delivery, invoice). */
  documentType: z.string().max(64).optional(),
  /** SHA-256 of the bytes. Without it Partner Desk cannot verify the file, so it does not pass it on. */
  sha256: Sha256.optional(),
});
export type CommentAttachment = z.infer<typeof CommentAttachment>;

export const NewComment = z.object({
  body: LongText.min(1),
  /** Shown as the comment's author (the person behind it: an internal agent or the desk). */
  authorName: ShortText.min(1),
  origin: z.literal(PARTNER_DESK_ORIGIN),
  correlationRef: CorrelationRef,
});
export type NewComment = z.infer<typeof NewComment>;

export const Comment = z.object({
  id: Id,
  issueId: Id,
  author: Author,
  body: LongText,
  origin: OriginMarker,
  correlationRef: ForeignRef,
  attachments: z.array(CommentAttachment).max(50).default([]),
  createdAt: IsoDateTime,
});
export type Comment = z.infer<typeof Comment>;
