// Flow 7 — comments both ways. An internal comment meant for the partner is copied to the Trading
// Grid issue; a comment written in Trading Grid (by the partner or by staff there) is copied into the
// internal case. Copies carry our origin marker and correlation reference and are recorded, so they
// are recognised when they come back and never copied again. Internal notes stay internal. Files a
// partner attached follow their comment into the internal case as real files (caseSyncPartnerFiles).
import { defineOperation } from '../sync/outboxOperation.ts';
import { attemptsBefore, createOnce } from '../sync/createOnce.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { isOwnWrite } from '../caseSync/echo.ts';
import { withIssue } from '../caseSync/issueOfCase.ts';
import { queuePartnerFiles } from './caseSyncPartnerFiles.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { FlowContext } from './flowContext.ts';
import type { InternalComment, NewInternalComment } from '../../shared/domain/internalCase.ts';
import type { Comment, NewComment } from '../../shared/domain/comment.ts';

interface IssueCommentPayload {
  caseId: string;
  comment: NewComment;
  /** Look the copy up before the first attempt: an earlier installation may have written it. */
  lookFirst: boolean;
}

interface InternalCommentPayload {
  caseId: string;
  xcCaseId: string;
  comment: NewInternalComment;
  lookFirst: boolean;
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/** An internal case's comment: on the desk's timeline, and copied to Trading Grid when meant for the partner. */
export function syncInternalComment(caseId: string, comment: InternalComment, ctx: FlowContext): void {
  if (isOwnWrite(comment, 'xconnector', ctx.store.caseCopies)) return;
  const internal = comment.visibility === 'internal';
  ctx.store.timeline.add({
    caseId,
    eventKey: `comment:xc:${comment.id}`,
    kind: 'comment',
    origin: 'xconnector',
    at: Date.parse(comment.createdAt),
    summary: `${comment.author}${internal ? ' (internal note)' : ''}: ${excerpt(comment.body)}`,
    detail: {
      commentId: comment.id,
      author: comment.author,
      visibility: comment.visibility,
      body: comment.body,
    },
  });
  if (internal) return;
  const ref = caseRefs.internalComment(comment.id);
  ctx.store.caseCopies.record(
    {
      correlationRef: ref,
      caseId,
      kind: 'comment',
      source: `xconnector:${comment.id}`,
      targetSystem: 'trading-grid',
    },
    ctx.now,
  );
  enqueueIssueComment(
    ctx,
    caseId,
    { body: comment.body, authorName: comment.author, origin: PARTNER_DESK_ORIGIN, correlationRef: ref },
    ctx.store.caseLinks.isAdopted(caseId),
  );
}

/** A Trading Grid comment (not ours): on the desk's timeline, and copied into the linked internal case. */
export function syncIssueComment(caseId: string, comment: Comment, ctx: FlowContext): void {
  ctx.store.timeline.add({
    caseId,
    eventKey: `comment:tg:${comment.id}`,
    kind: 'comment',
    origin: 'trading-grid',
    at: Date.parse(comment.createdAt),
    summary: `${comment.author.name}: ${excerpt(comment.body)}`,
    detail: {
      commentId: comment.id,
      author: comment.author,
      body: comment.body,
      attachments: comment.attachments,
    },
  });
  const xcCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
  if (!xcCaseId) return;
  const ref = caseRefs.issueComment(comment.id);
  ctx.store.caseCopies.record(
    {
      correlationRef: ref,
      caseId,
      kind: 'comment',
      source: `trading-grid:${comment.id}`,
      targetSystem: 'xconnector',
    },
    ctx.now,
  );
  const files = comment.attachments.map(
    (a) => `- ${a.name} (${a.documentType ?? a.contentType}, attachment ${a.id})`,
  );
  const body =
    files.length > 0 ? `${comment.body}\n\nAttached in Trading Grid:\n${files.join('\n')}` : comment.body;
  const who = comment.author.kind === 'partner' ? 'partner' : 'Trading Grid';
  enqueueInternalComment(
    ctx,
    caseId,
    xcCaseId,
    {
      author: `${comment.author.name} (${who})`.slice(0, 500),
      body: body.slice(0, 20_000),
      visibility: 'partner',
      origin: PARTNER_DESK_ORIGIN,
      correlationRef: ref,
    },
    Date.parse(comment.createdAt) < (ctx.store.cases.get(caseId)?.createdAt ?? 0),
  );
  // The files themselves follow the comment onto the case.
  queuePartnerFiles(ctx, comment.attachments, comment.author.name, {
    caseId,
    kind: 'case',
    id: xcCaseId,
    refKey: xcCaseId,
    orderingKey: `xc:${caseId}`,
    label: `xConnector case ${xcCaseId}`,
  });
}

export function enqueueIssueComment(
  ctx: FlowContext,
  caseId: string,
  comment: NewComment,
  lookFirst: boolean,
): void {
  ctx.enqueue({
    idempotencyKey: `tg.createComment:${comment.correlationRef}`,
    correlationRef: comment.correlationRef,
    system: 'trading-grid',
    operation: 'tg.createComment',
    // Behind the issue's creation and every earlier write on the case: comments arrive in order.
    orderingKey: caseId,
    payload: { caseId, comment, lookFirst } satisfies IssueCommentPayload,
  });
}

export function enqueueInternalComment(
  ctx: FlowContext,
  caseId: string,
  xcCaseId: string,
  comment: NewInternalComment,
  lookFirst: boolean,
): void {
  ctx.enqueue({
    idempotencyKey: `xc.createCaseComment:${comment.correlationRef}`,
    correlationRef: comment.correlationRef,
    system: 'xconnector',
    operation: 'xc.createCaseComment',
    orderingKey: `xc:${caseId}`,
    payload: { caseId, xcCaseId, comment, lookFirst } satisfies InternalCommentPayload,
  });
}

export const createIssueCommentOperation = defineOperation({
  operation: 'tg.createComment',
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports, store }) {
    const p = entry.payload as IssueCommentPayload;
    return withIssue(store, p.caseId, (issueId) =>
      createOnce(
        attemptsBefore(previousAttempts, p.lookFirst),
        () => ports.tradingGrid.cases.findCommentsByRef(entry.correlationRef),
        () => ports.tradingGrid.cases.createComment(issueId, p.comment, entry.idempotencyKey),
      ),
    );
  },
  onDelivered(entry, delivered, ctx) {
    if (delivered.remoteId) ctx.store.caseCopies.delivered(entry.correlationRef, delivered.remoteId);
  },
});

export const createInternalCommentOperation = defineOperation({
  operation: 'xc.createCaseComment',
  system: 'xconnector',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as InternalCommentPayload;
    return createOnce(
      attemptsBefore(previousAttempts, p.lookFirst),
      () => ports.xconnector.cases.findCommentsByRef(entry.correlationRef),
      () => ports.xconnector.cases.createComment(p.xcCaseId, p.comment, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    if (delivered.remoteId) ctx.store.caseCopies.delivered(entry.correlationRef, delivered.remoteId);
  },
});
