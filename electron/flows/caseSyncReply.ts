// A reply written at the desk: posted as a comment on the case's Trading Grid issue through the
// outbox (after the issue's creation when that is still on its way), shown on the case's timeline at
// once, and copied into the linked internal case so the internal team sees what the partner was told.
import { randomUUID } from 'node:crypto';
import { caseRefs } from '../caseSync/refs.ts';
import { enqueueInternalComment, enqueueIssueComment } from './caseSyncComments.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { UnitOfWork } from './flowContext.ts';

export type ReplyOutcome = { ok: true } | { ok: false; message: string };

const MAX_REPLY = 10_000;

export function replyToPartner(unit: UnitOfWork, caseId: string, text: string): ReplyOutcome {
  const body = text.trim();
  if (body.length === 0) return { ok: false, message: 'The reply is empty: write something to send.' };
  if (body.length > MAX_REPLY)
    return { ok: false, message: `The reply is too long (${body.length} characters; at most ${MAX_REPLY}).` };
  return unit.run((ctx) => {
    const deskCase = ctx.store.cases.get(caseId);
    if (!deskCase) return { ok: false, message: `There is no case ${caseId}.` };
    if (!deskCase.tgIssueId && !deskCase.communityId)
      return {
        ok: false,
        message: `Case ${caseId} has no Trading Grid issue and no partner community, so a reply cannot reach the partner.`,
      };
    const replyId = randomUUID();
    const ref = caseRefs.deskReply(replyId);
    const author = ctx.mappings.caseSync.deskAuthorName;
    ctx.store.timeline.add({
      caseId,
      eventKey: `comment:desk:${replyId}`,
      kind: 'comment',
      origin: 'desk',
      at: ctx.now,
      summary: `${author} (desk reply to the partner): ${body.length > 300 ? `${body.slice(0, 299)}…` : body}`,
      detail: { replyId, body },
    });
    ctx.store.caseCopies.record(
      {
        correlationRef: ref,
        caseId,
        kind: 'comment',
        source: `desk:${replyId}`,
        targetSystem: 'trading-grid',
      },
      ctx.now,
    );
    enqueueIssueComment(
      ctx,
      caseId,
      { body, authorName: author, origin: PARTNER_DESK_ORIGIN, correlationRef: ref },
      false,
    );
    const xcCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
    if (xcCaseId) {
      const copyRef = caseRefs.deskReplyCopy(replyId);
      ctx.store.caseCopies.record(
        {
          correlationRef: copyRef,
          caseId,
          kind: 'comment',
          source: `desk:${replyId}`,
          targetSystem: 'xconnector',
        },
        ctx.now,
      );
      enqueueInternalComment(
        ctx,
        caseId,
        xcCaseId,
        {
          author: `${author} (desk reply to the partner)`.slice(0, 500),
          body,
          visibility: 'partner',
          origin: PARTNER_DESK_ORIGIN,
          correlationRef: copyRef,
        },
        false,
      );
    }
    ctx.emit('caseUpdated', {
      caseId,
      partnerId: deskCase.partnerId,
      title: deskCase.title,
      tgIssueId: deskCase.tgIssueId,
    });
    return { ok: true };
  });
}
