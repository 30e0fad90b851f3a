// A Trading Grid issue as its change feed delivers it: the issue with its current status and
// resolution, every comment and every status update, oldest first. Issues partners open themselves
// carry no correlation reference of ours.
import { z } from 'zod';
import { Author, Comment } from './comment.ts';
import { ExternalRef, IssuePriority } from './issue.ts';
import { ForeignRef, Resolution } from './internalCase.ts';
import { Id, IsoDateTime, LongText, ShortText } from './primitives.ts';
import { PartnerStatus, StatusUpdate } from './statusUpdate.ts';

export const IssueSnapshot = z.object({
  id: Id,
  communityId: Id,
  title: ShortText.min(1),
  description: LongText.default(''),
  type: z.string().min(1).max(64),
  priority: IssuePriority,
  status: PartnerStatus,
  resolution: Resolution.nullable().default(null),
  /** Ours (pd:…) when Partner Desk opened the issue; null when a partner or staff member did. */
  correlationRef: ForeignRef,
  externalRefs: z.array(ExternalRef).max(20).default([]),
  openedBy: Author,
  comments: z.array(Comment).max(2000).default([]),
  statusUpdates: z.array(StatusUpdate).max(1000).default([]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type IssueSnapshot = z.infer<typeof IssueSnapshot>;
