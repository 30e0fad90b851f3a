// Flow 1 — exception → issue. Each new shipment, invoice or order exception in xConnector opens
// exactly one issue in the partner's Trading Grid community, and the link is stored on both sides.
import { defineFeedFlow } from './feedFlow.ts';
import { parseException } from '../connectors/itemParsing.ts';
import { issueFromException, exceptionCorrelationRef } from './issueFromException.ts';
import { defineOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import type { NewIssue } from '../../shared/domain/issue.ts';
import type { IssueLink } from '../../shared/domain/exception.ts';

interface CreateIssuePayload {
  caseId: string;
  exceptionId: string;
  communityId: string;
  issue: NewIssue;
}

interface LinkPayload {
  caseId: string;
  exceptionId: string;
  link: IssueLink;
}

export const caseIdForException = (exceptionId: string) => `exc:${exceptionId}`;

export const exceptionsFeedFlow = defineFeedFlow({
  feed: 'xc.exceptions',
  system: 'xconnector',
  order: 1,
  fetch: (ports) => ports.xconnector.exceptionsFeed,
  parse: parseException,
  apply(e, ctx) {
    const caseId = caseIdForException(e.id);
    const existing = ctx.store.cases.get(caseId);
    const route = ctx.store.directory.routeFor(e.partnerId);
    if (existing) {
      // The exception changed (or our own link write echoed back): refresh the case, never a second issue.
      const issue = issueFromException(e, route?.partnerName ?? e.partnerId, ctx.mappings);
      if (existing.title !== issue.title || existing.priority !== issue.priority) {
        ctx.store.cases.updateDetails(
          caseId,
          { title: issue.title, priority: issue.priority, payload: e },
          ctx.now,
        );
        ctx.emit('caseUpdated', {
          caseId,
          partnerId: e.partnerId,
          title: issue.title,
          tgIssueId: existing.tgIssueId,
        });
      }
      return;
    }
    if (!route || !route.communityId) {
      const why = !route
        ? `xConnector names no partner "${e.partnerId}"`
        : `partner ${route.partnerName} (${route.partnerCode}) has no Trading Grid community`;
      ctx.quarantine({
        feed: 'xc.exceptions',
        itemId: e.id,
        reasonKind: 'unknown_partner',
        reason: `Exception ${e.id} was not sent to Trading Grid: ${why}. It will be sent once the partner directory knows where it goes.`,
        payload: e,
      });
      return;
    }
    const issue = issueFromException(e, route.partnerName, ctx.mappings);
    ctx.store.cases.open(
      {
        id: caseId,
        origin: 'exception',
        partnerId: e.partnerId,
        communityId: route.communityId,
        exceptionId: e.id,
        title: issue.title,
        type: issue.type,
        status: 'open',
        priority: issue.priority,
        payload: e,
        searchText: [
          issue.title,
          route.partnerName,
          route.partnerCode,
          e.id,
          ...Object.values(e.references),
        ].join(' '),
      },
      ctx.now,
    );
    ctx.store.timeline.add({
      caseId,
      eventKey: 'opened',
      kind: 'opened',
      origin: 'xconnector',
      at: Date.parse(e.detectedAt),
      summary: `${e.kind[0]!.toUpperCase()}${e.kind.slice(1)} exception detected in xConnector: ${e.summary}`,
      detail: { exceptionId: e.id, severity: e.severity },
    });
    if (e.link) {
      // xConnector already holds a link (our data folder was replaced): adopt it instead of creating.
      ctx.store.cases.linkIssue(caseId, e.link.issueId, e.link.communityId, ctx.now);
    } else {
      const payload: CreateIssuePayload = {
        caseId,
        exceptionId: e.id,
        communityId: route.communityId,
        issue,
      };
      ctx.enqueue({
        idempotencyKey: `tg.createIssue:${caseId}`,
        correlationRef: exceptionCorrelationRef(e.id),
        system: 'trading-grid',
        operation: 'tg.createIssue',
        orderingKey: caseId,
        payload,
      });
    }
    ctx.emit('caseCreated', {
      caseId,
      partnerId: e.partnerId,
      title: issue.title,
      tgIssueId: e.link?.issueId ?? null,
    });
  },
});

export const createIssueOperation = defineOperation({
  operation: 'tg.createIssue',
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as CreateIssuePayload;
    return createOnce(
      previousAttempts,
      () => ports.tradingGrid.findIssuesByRef(entry.correlationRef),
      () => ports.tradingGrid.createIssue(p.communityId, p.issue, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as CreateIssuePayload;
    if (!delivered.remoteId) return;
    ctx.store.cases.linkIssue(p.caseId, delivered.remoteId, p.communityId, ctx.now);
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: 'issue-created',
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `Issue ${delivered.remoteId} opened in the partner's Trading Grid community`,
      detail: { issueId: delivered.remoteId, communityId: p.communityId, recovered: delivered.recovered },
    });
    const link: LinkPayload = {
      caseId: p.caseId,
      exceptionId: p.exceptionId,
      link: { system: 'trading-grid', issueId: delivered.remoteId, communityId: p.communityId },
    };
    ctx.enqueue({
      idempotencyKey: `xc.linkException:${p.caseId}`,
      correlationRef: entry.correlationRef,
      system: 'xconnector',
      operation: 'xc.linkException',
      orderingKey: p.caseId,
      payload: link,
    });
    const partnerId = ctx.store.cases.get(p.caseId)?.partnerId ?? '';
    ctx.emit('caseUpdated', {
      caseId: p.caseId,
      partnerId,
      title: p.issue.title,
      tgIssueId: delivered.remoteId,
    });
  },
});

export const linkExceptionOperation = defineOperation({
  operation: 'xc.linkException',
  system: 'xconnector',
  lookupBeforeRetry: false,
  onDelivered(entry, _delivered, ctx) {
    const p = entry.payload as LinkPayload;
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: 'linked',
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `xConnector exception ${p.exceptionId} now links to issue ${p.link.issueId}`,
      detail: { ...p.link },
    });
  },
  async deliver(entry, _previousAttempts, { ports }) {
    const p = entry.payload as LinkPayload;
    // A PUT of the same link is idempotent on xConnector's side, so no lookup is needed before a retry.
    const r = await ports.xconnector.linkException(p.exceptionId, p.link, entry.idempotencyKey);
    return r.ok ? { ok: true, value: { remoteId: p.link.issueId, recovered: false } } : r;
  },
});
