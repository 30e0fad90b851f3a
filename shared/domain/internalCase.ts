// An internal case in xConnector's case-management system: the company's own view of a partner
// problem, with its resolution steps (status transitions) and comments. Partner Desk keeps it linked
// to the partner's Trading Grid issue: steps become partner-facing status updates, comments go both ways.
import { z } from 'zod';
import { IssueLink } from './exception.ts';
import { ContentType, RemoteFileName, Sha256 } from './document.ts';
import { IssuePriority } from './issue.ts';
import { CorrelationRef, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';

/** The origin marker Partner Desk writes on every comment and step it creates, so it never copies them back. */
export const PARTNER_DESK_ORIGIN = 'partner-desk';

/** Set by whoever wrote the object; Partner Desk's own objects carry PARTNER_DESK_ORIGIN. */
export const OriginMarker = z.string().max(64).nullable().default(null);
/** A correlation reference as another system stores it: foreign objects may carry none, or not ours. */
export const ForeignRef = z.string().max(256).nullable().default(null);

/** xConnector's own status word for a case; mapped onto partner-facing status by configuration. */
export const InternalCaseStatus = z.string().min(1).max(64);

/** The outcome a case was resolved with (e.g. "Credit note issued"), with an optional note. */
export const Resolution = z.object({
  outcome: ShortText.min(1),
  note: LongText.optional(),
});
export type Resolution = z.infer<typeof Resolution>;

/** Internal notes stay internal: only comments meant for the partner are copied to Trading Grid. */
export const CommentVisibility = z.enum(['internal', 'partner']);

export const InternalComment = z.object({
  id: Id,
  caseId: Id,
  author: ShortText.min(1),
  body: LongText.min(1),
  visibility: CommentVisibility.default('partner'),
  origin: OriginMarker,
  correlationRef: ForeignRef,
  createdAt: IsoDateTime,
});
export type InternalComment = z.infer<typeof InternalComment>;

/** One resolution step: the case moved to `status` (and, when it resolves the case, with a resolution). */
export const ResolutionStep = z.object({
  id: Id,
  caseId: Id,
  status: InternalCaseStatus,
  resolution: Resolution.nullable().default(null),
  /** What the internal team wrote about the step; never shown to the partner. */
  note: LongText.optional(),
  origin: OriginMarker,
  correlationRef: ForeignRef,
  createdAt: IsoDateTime,
});
export type ResolutionStep = z.infer<typeof ResolutionStep>;

/**
 * A document attached to an internal case. Its bytes are xConnector's document content
 * (`GET /api/v1/documents/{documentId}/content`, the endpoint dispute documents use).
 */
export const CaseAttachment = z.object({
  documentId: Id,
  /** As xConnector stores it: untrusted, sanitised before it names anything. */
  name: RemoteFileName,
  contentType: ContentType,
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256,
  /** What the document is, when xConnector says (invoice, proof_of_delivery, …). */
  documentType: z.string().max(64).optional(),
  /** Internal documents stay internal: only those meant for the partner go to Trading Grid. */
  visibility: CommentVisibility.default('partner'),
  /** Set on files Partner Desk put there (a partner's file from Trading Grid): never sent back. */
  origin: OriginMarker,
  correlationRef: ForeignRef,
  createdAt: IsoDateTime,
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;

export const InternalCase = z.object({
  id: Id,
  partnerId: Id,
  /** Set when the case is about an xConnector exception: it then joins that exception's desk case. */
  exceptionId: Id.nullable().default(null),
  /** Case type, e.g. INVOICE_DISPUTE; used by routing rules and as the Trading Grid issue type. */
  type: z.string().min(1).max(64),
  title: ShortText.min(1),
  description: LongText.default(''),
  priority: IssuePriority,
  status: InternalCaseStatus,
  resolution: Resolution.nullable().default(null),
  /** Oldest first. */
  steps: z.array(ResolutionStep).max(500).default([]),
  /** Oldest first. */
  comments: z.array(InternalComment).max(2000).default([]),
  /** Oldest first. */
  attachments: z.array(CaseAttachment).max(500).default([]),
  /** The Trading Grid issue, once Partner Desk has linked it (xConnector's side of the link). */
  link: IssueLink.nullable().default(null),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type InternalCase = z.infer<typeof InternalCase>;

/** A comment Partner Desk copies into an internal case (from the partner, via Trading Grid). */
export const NewInternalComment = z.object({
  author: ShortText.min(1),
  body: LongText.min(1),
  visibility: CommentVisibility,
  origin: z.literal(PARTNER_DESK_ORIGIN),
  correlationRef: CorrelationRef,
});
export type NewInternalComment = z.infer<typeof NewInternalComment>;

/** The title and priority Partner Desk sets on an internal case when Trading Grid owns them (flow 7). */
export const CaseDetailsUpdate = z.object({
  title: ShortText.min(1).optional(),
  priority: IssuePriority.optional(),
  origin: z.literal(PARTNER_DESK_ORIGIN),
});
export type CaseDetailsUpdate = z.infer<typeof CaseDetailsUpdate>;

/** A step Partner Desk adds to an internal case when Trading Grid owns the case status. */
export const NewCaseStep = z.object({
  status: InternalCaseStatus,
  resolution: Resolution.nullable(),
  note: LongText.optional(),
  origin: z.literal(PARTNER_DESK_ORIGIN),
  correlationRef: CorrelationRef,
});
export type NewCaseStep = z.infer<typeof NewCaseStep>;
