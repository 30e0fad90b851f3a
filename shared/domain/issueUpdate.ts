// A change Partner Desk makes to a Trading Grid issue it already opened: a new priority and/or support
// tier, with a comment the partner and the support staff see in the issue's history. Each update carries
// our correlation reference, so a retry after a lost response finds it instead of commenting twice.
import { z } from 'zod';
import { IssuePriority } from './issue.ts';
import { CorrelationRef, Id, IsoDateTime, LongText, ShortText } from './primitives.ts';

export const SupportTier = z.number().int().min(1).max(5);

export const NewIssueUpdate = z.object({
  /** A new title (case sync copies the owner's title, flow 7). */
  title: ShortText.min(1).optional(),
  priority: IssuePriority.optional(),
  supportTier: SupportTier.optional(),
  comment: LongText.min(1),
  correlationRef: CorrelationRef,
});
export type NewIssueUpdate = z.infer<typeof NewIssueUpdate>;

export const IssueUpdate = NewIssueUpdate.extend({
  id: Id,
  issueId: Id,
  createdAt: IsoDateTime,
});
export type IssueUpdate = z.infer<typeof IssueUpdate>;
