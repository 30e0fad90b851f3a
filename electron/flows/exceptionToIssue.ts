// Flow 1 — exception → issue. Each new shipment, invoice or order exception in xConnector opens
// exactly one issue in the partner's Trading Grid community, and the link is stored on both sides.
import { defineFeedFlow } from './feedFlow.ts';
import { parseException } from '../connectors/itemParsing.ts';
import { issueFromException } from './issueFromException.ts';
import { defineOperation } from '../sync/outboxOperation.ts';
import {
  communityRoute,
  defineCaseIssueOperation,
  enqueueCaseIssue,
  type CaseIssuePayload,
} from './caseIssue.ts';
import type { IssueLink } from '../../shared/domain/exception.ts';

interface CreateIssuePayload extends CaseIssuePayload {
  exceptionId: string;
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
    if (existing) {
      // The exception changed (or our own link write echoed back): refresh the case, never a second issue.
      const partnerName = ctx.store.directory.routeFor(e.partnerId)?.partnerName ?? e.partnerId;
      const issue = issueFromException(e, partnerName, ctx.mappings);
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
    const route = communityRoute(ctx, e.partnerId, {
      feed: 'xc.exceptions',
      id: e.id,
      label: `Exception ${e.id}`,
      verb: 'sent',
      payload: e,
    });
    if (!route) return;
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
      enqueueCaseIssue(ctx, 'tg.createIssue', `tg.createIssue:${caseId}`, {
        caseId,
        exceptionId: e.id,
        communityId: route.communityId,
        issue,
      } satisfies CreateIssuePayload);
    }
    ctx.emit('caseCreated', {
      caseId,
      partnerId: e.partnerId,
      title: issue.title,
      tgIssueId: e.link?.issueId ?? null,
    });
  },
});

export const createIssueOperation = defineCaseIssueOperation<CreateIssuePayload>({
  operation: 'tg.createIssue',
  summary: (_p, issueId) => `Issue ${issueId} opened in the partner's Trading Grid community`,
  afterCreated(entry, p, issueId, ctx) {
    const link: LinkPayload = {
      caseId: p.caseId,
      exceptionId: p.exceptionId,
      link: { system: 'trading-grid', issueId, communityId: p.communityId },
    };
    ctx.enqueue({
      idempotencyKey: `xc.linkException:${p.caseId}`,
      correlationRef: entry.correlationRef,
      system: 'xconnector',
      operation: 'xc.linkException',
      orderingKey: p.caseId,
      payload: link,
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
