// Flow 5 — partner input to internal systems. What a partner writes in Trading Grid (an issue they
// open, a comment, the files attached to it) is handed exactly once to xConnector's inbound route for
// ERP, order management or customer service, chosen by the configured rules (case type, partner,
// keywords, document type) or the default route. Only the partner's own words: never our echoes. The
// files attached to a comment follow its message as real files once it is routed (caseSyncPartnerFiles).
import { defineOperation } from '../sync/outboxOperation.ts';
import { attemptsBefore, createOnce } from '../sync/createOnce.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { chooseRoute } from '../caseSync/routing.ts';
import { queuePartnerFiles } from './caseSyncPartnerFiles.ts';
import type { FlowContext } from './flowContext.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import type { Comment } from '../../shared/domain/comment.ts';
import type { InternalRoute, NewRouteMessage } from '../../shared/domain/routeMessage.ts';

interface RoutePayload {
  caseId: string;
  route: InternalRoute;
  message: NewRouteMessage;
  lookFirst: boolean;
}

const ROUTE_NAME: Record<InternalRoute, string> = {
  erp: 'ERP',
  'order-management': 'order management',
  'customer-service': 'customer service',
};

/** Routes the partner's opening of an issue (comment undefined) or one partner comment on it. */
export function routePartnerInput(
  ctx: FlowContext,
  caseId: string,
  issue: IssueSnapshot,
  comment?: Comment,
): void {
  const deskCase = ctx.store.cases.get(caseId);
  if (!deskCase) return;
  const text = comment ? comment.body : `${issue.title}\n${issue.description}`;
  const attachments = comment?.attachments ?? [];
  const choice = chooseRoute(ctx.mappings.caseSync.routing, {
    caseType: issue.type,
    partnerId: deskCase.partnerId,
    text,
    documentTypes: attachments.flatMap((a) => (a.documentType ? [a.documentType] : [])),
  });
  const ref = comment ? caseRefs.routedComment(comment.id) : caseRefs.routedIssue(issue.id);
  const internalCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
  const receivedAt = comment?.createdAt ?? issue.createdAt;
  const message: NewRouteMessage = {
    correlationRef: ref,
    partnerId: deskCase.partnerId,
    kind: comment ? 'comment' : 'message',
    subject: (comment ? `Re: ${issue.title}` : issue.title).slice(0, 500),
    body: text.slice(0, 20_000),
    author: (comment?.author ?? issue.openedBy).name,
    source: {
      system: 'trading-grid',
      communityId: issue.communityId,
      issueId: issue.id,
      ...(comment ? { commentId: comment.id } : {}),
    },
    caseType: issue.type,
    ...(internalCaseId ? { internalCaseId } : {}),
    attachments,
    matchedRule: choice.rule.slice(0, 500),
    receivedAt,
  };
  ctx.enqueue({
    idempotencyKey: `xc.routeMessage:${ref}`,
    correlationRef: ref,
    system: 'xconnector',
    operation: 'xc.routeMessage',
    // One queue per case: a partner's messages reach the internal team in the order they were written.
    orderingKey: `route:${caseId}`,
    // Input older than the desk case may have been routed by an earlier installation: look first.
    payload: {
      caseId,
      route: choice.route,
      message,
      lookFirst: Date.parse(receivedAt) < deskCase.createdAt,
    } satisfies RoutePayload,
  });
}

export const routeMessageOperation = defineOperation({
  operation: 'xc.routeMessage',
  system: 'xconnector',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as RoutePayload;
    return createOnce(
      attemptsBefore(previousAttempts, p.lookFirst),
      () => ports.xconnector.cases.findRouteMessagesByRef(entry.correlationRef),
      () => ports.xconnector.cases.routeMessage(p.route, p.message, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as RoutePayload;
    const what = p.message.kind === 'comment' ? 'Partner comment' : 'Partner message';
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `routed:${entry.correlationRef}`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `${what} from ${p.message.author} handed to ${ROUTE_NAME[p.route]} (${p.message.matchedRule})${p.message.attachments.length > 0 ? `, with ${p.message.attachments.length} attachment(s)` : ''}`,
      detail: {
        route: p.route,
        rule: p.message.matchedRule,
        routeMessageId: delivered.remoteId,
        source: p.message.source,
      },
    });
    // The files follow the message, each once, now that the message has an id to attach them to.
    const commentId = p.message.source.commentId;
    if (commentId && delivered.remoteId && p.message.attachments.length > 0)
      queuePartnerFiles(ctx, p.message.attachments, p.message.author, {
        caseId: p.caseId,
        kind: 'route-message',
        id: delivered.remoteId,
        refKey: commentId,
        orderingKey: `route:${p.caseId}`,
        label: `the message routed to ${ROUTE_NAME[p.route]}`,
      });
  },
});
