// One Trading Grid issue for a desk case, created exactly once, whichever flow opened the case (an
// exception in flow 1, an internal case in flow 7): queued with the case in the flow's transaction,
// looked up by its correlation reference before any retry, linked on the desk once it exists, and
// followed by whatever each flow writes next (the link back on xConnector's side).
import { defineOperation, type OutboxOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import type { FlowContext } from './flowContext.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type { NewIssue } from '../../shared/domain/issue.ts';
import type { PartnerRoute } from '../store/directory.ts';

export interface CaseIssuePayload {
  caseId: string;
  communityId: string;
  issue: NewIssue;
}

/**
 * The partner's route to its Trading Grid community; undefined when there is none yet, and then the
 * item is set aside with the reason, to be synced once the partner directory knows where it goes.
 */
export function communityRoute(
  ctx: FlowContext,
  partnerId: string,
  item: { feed: string; id: string; label: string; verb: 'sent' | 'synced'; payload: unknown },
): (PartnerRoute & { communityId: string }) | undefined {
  const route = ctx.store.directory.routeFor(partnerId);
  if (route?.communityId) return { ...route, communityId: route.communityId };
  const why = !route
    ? `xConnector names no partner "${partnerId}"`
    : `partner ${route.partnerName} (${route.partnerCode}) has no Trading Grid community`;
  ctx.quarantine({
    feed: item.feed,
    itemId: item.id,
    reasonKind: 'unknown_partner',
    reason: `${item.label} was not ${item.verb} to Trading Grid: ${why}. It will be ${item.verb} once the partner directory knows where it goes.`,
    payload: item.payload,
  });
  return undefined;
}

/** Queues the issue's creation behind every earlier write of the case (same ordering key). */
export function enqueueCaseIssue<P extends CaseIssuePayload>(
  ctx: FlowContext,
  operation: string,
  idempotencyKey: string,
  payload: P,
): void {
  ctx.enqueue({
    idempotencyKey,
    correlationRef: payload.issue.correlationRef,
    system: 'trading-grid',
    operation,
    orderingKey: payload.caseId,
    payload,
  });
}

export function defineCaseIssueOperation<P extends CaseIssuePayload>(o: {
  operation: string;
  /** What the case's timeline says once the issue exists. */
  summary: (p: P, issueId: string) => string;
  /** Writes that follow the creation, in the transaction that records it (e.g. the link back). */
  afterCreated?: (entry: OutboxEntry, p: P, issueId: string, ctx: FlowContext) => void;
}): OutboxOperation {
  return defineOperation({
    operation: o.operation,
    system: 'trading-grid',
    lookupBeforeRetry: true,
    deliver(entry, previousAttempts, { ports }) {
      const p = entry.payload as P;
      return createOnce(
        previousAttempts,
        () => ports.tradingGrid.findIssuesByRef(entry.correlationRef),
        () => ports.tradingGrid.createIssue(p.communityId, p.issue, entry.idempotencyKey),
      );
    },
    onDelivered(entry, delivered, ctx) {
      const p = entry.payload as P;
      const issueId = delivered.remoteId;
      if (!issueId) return;
      ctx.store.cases.linkIssue(p.caseId, issueId, p.communityId, ctx.now);
      ctx.store.timeline.add({
        caseId: p.caseId,
        eventKey: 'issue-created',
        kind: 'sync',
        origin: 'engine',
        at: ctx.now,
        summary: o.summary(p, issueId),
        detail: { issueId, communityId: p.communityId, recovered: delivered.recovered },
      });
      o.afterCreated?.(entry, p, issueId, ctx);
      ctx.emit('caseUpdated', {
        caseId: p.caseId,
        partnerId: ctx.store.cases.get(p.caseId)?.partnerId ?? '',
        title: p.issue.title,
        tgIssueId: issueId,
      });
    },
  });
}
