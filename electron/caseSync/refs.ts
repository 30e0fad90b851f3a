// The correlation references Partner Desk writes on what it creates for case sync. Each names the
// thing it copies, so a retry, a restart or a fresh data folder finds the copy instead of writing it
// twice. Remote ids are opaque: one with characters a reference may not hold is replaced by its hash.
import { createHash } from 'node:crypto';

const SAFE = /^[A-Za-z0-9._:-]{1,120}$/;

export function refPart(id: string): string {
  return SAFE.test(id) ? id : `h-${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
}

export const caseRefs = {
  /** The Trading Grid issue opened for an internal case. */
  caseIssue: (xcCaseId: string) => `pd:case:${refPart(xcCaseId)}`,
  /** An internal comment copied to Trading Grid. */
  internalComment: (commentId: string) => `pd:xc-comment:${refPart(commentId)}`,
  /** A Trading Grid comment copied into the internal case. */
  issueComment: (commentId: string) => `pd:tg-comment:${refPart(commentId)}`,
  /** A reply written at the desk, on Trading Grid and on the internal case. */
  deskReply: (replyId: string) => `pd:desk-comment:${refPart(replyId)}`,
  deskReplyCopy: (replyId: string) => `pd:desk-copy:${refPart(replyId)}`,
  /** An internal resolution step posted to Trading Grid (flow 4). */
  statusPost: (xcCaseId: string, stepId: string) => `pd:status:${refPart(xcCaseId)}:${refPart(stepId)}`,
  /** A Trading Grid status change copied into the internal case (when Trading Grid owns the status). */
  caseStep: (statusUpdateId: string) => `pd:step:${refPart(statusUpdateId)}`,
  /** Partner input handed to an internal route (flow 5). */
  routedIssue: (issueId: string) => `pd:route:issue:${refPart(issueId)}`,
  routedComment: (commentId: string) => `pd:route:comment:${refPart(commentId)}`,
};
