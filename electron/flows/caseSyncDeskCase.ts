// Flow 7 — the desk case of an internal case. An internal case about an exception joins that
// exception's desk case (flow 1 opened it and its issue); any other internal case opens its own desk
// case and gets exactly one Trading Grid issue. Either way xConnector's case is linked back to the
// issue, so the link is stored on both sides.
import { defineOperation } from '../sync/outboxOperation.ts';
import { caseIdForException } from './exceptionToIssue.ts';
import {
  communityRoute,
  defineCaseIssueOperation,
  enqueueCaseIssue,
  type CaseIssuePayload,
} from './caseIssue.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { deskStatusOfInternal } from '../caseSync/statusVocabulary.ts';
import { issueOfCase } from '../caseSync/issueOfCase.ts';
import type { FlowContext } from './flowContext.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';
import type { NewIssue } from '../../shared/domain/issue.ts';

interface CreateCaseIssuePayload extends CaseIssuePayload {
  xcCaseId: string;
}

interface LinkCasePayload {
  caseId: string;
  xcCaseId: string;
}

export const caseIdForInternalCase = (xcCaseId: string) => `case:${xcCaseId}`;

/** The desk case the internal case belongs to, joining or opening it the first time; undefined when set aside. */
export function deskCaseFor(c: InternalCase, ctx: FlowContext): string | undefined {
  const known = ctx.store.caseLinks.caseOf(c.id);
  if (known) return known;
  const caseId = c.exceptionId ? joinException(c, c.exceptionId, ctx) : openOwnCase(c, ctx);
  if (!caseId) return undefined;
  ctx.store.caseLinks.link(c.id, caseId, c.link !== null, ctx.now);
  if (c.link === null)
    ctx.enqueue({
      idempotencyKey: `xc.linkCase:${c.id}`,
      correlationRef: caseRefs.caseIssue(c.id),
      system: 'xconnector',
      operation: 'xc.linkCase',
      // Behind the issue's creation (same key), so the link names the issue it created.
      orderingKey: caseId,
      payload: { caseId, xcCaseId: c.id } satisfies LinkCasePayload,
    });
  return caseId;
}

function joinException(c: InternalCase, exceptionId: string, ctx: FlowContext): string | undefined {
  const caseId = caseIdForException(exceptionId);
  if (!ctx.store.cases.get(caseId)) {
    // Almost always the exception's partner is not known yet (flow 1 set it aside too): retried with it.
    ctx.quarantine({
      feed: 'xc.cases',
      itemId: c.id,
      reasonKind: 'unknown_partner',
      reason: `Internal case ${c.id} is about exception ${exceptionId}, which Partner Desk has not synced (its partner may be unknown). It will join that case once the exception is synced.`,
      payload: c,
    });
    return undefined;
  }
  ctx.store.timeline.add({
    caseId,
    eventKey: `joined:${c.id}`,
    kind: 'sync',
    origin: 'xconnector',
    at: Date.parse(c.createdAt),
    summary: `xConnector internal case ${c.id} (${c.type}) is handling this exception: "${c.title}"`,
    detail: { internalCaseId: c.id, type: c.type },
  });
  return caseId;
}

function openOwnCase(c: InternalCase, ctx: FlowContext): string | undefined {
  const route = communityRoute(ctx, c.partnerId, {
    feed: 'xc.cases',
    id: c.id,
    label: `Internal case ${c.id}`,
    verb: 'synced',
    payload: c,
  });
  if (!route) return undefined;
  const caseId = caseIdForInternalCase(c.id);
  const settings = ctx.mappings.caseSync;
  ctx.store.cases.open(
    {
      id: caseId,
      origin: 'internal-case',
      partnerId: c.partnerId,
      communityId: route.communityId,
      exceptionId: null,
      title: c.title,
      type: c.type,
      status: deskStatusOfInternal(settings, c.status) ?? 'open',
      priority: c.priority,
      payload: { internalCaseId: c.id, description: c.description },
      searchText: [c.title, route.partnerName, route.partnerCode, c.id, c.type].join(' '),
    },
    ctx.now,
  );
  ctx.store.timeline.add({
    caseId,
    eventKey: 'opened',
    kind: 'opened',
    origin: 'xconnector',
    at: Date.parse(c.createdAt),
    summary: `Internal case ${c.id} opened in xConnector: ${c.title}`,
    detail: { internalCaseId: c.id, type: c.type },
  });
  if (c.link) {
    // xConnector already names the issue (an earlier installation created it): adopt, never a second.
    ctx.store.cases.linkIssue(caseId, c.link.issueId, c.link.communityId, ctx.now);
  } else {
    const issue: NewIssue = {
      title: c.title,
      description: (c.description || c.title).slice(0, 20_000),
      type: c.type,
      priority: c.priority,
      supportTier: 1,
      correlationRef: caseRefs.caseIssue(c.id),
      externalRefs: [{ system: 'xconnector', kind: 'case', id: c.id }],
    };
    enqueueCaseIssue(ctx, 'tg.createCaseIssue', `tg.createCaseIssue:${c.id}`, {
      caseId,
      xcCaseId: c.id,
      communityId: route.communityId,
      issue,
    } satisfies CreateCaseIssuePayload);
  }
  ctx.emit('caseCreated', {
    caseId,
    partnerId: c.partnerId,
    title: c.title,
    tgIssueId: c.link?.issueId ?? null,
  });
  return caseId;
}

// The link back (xc.linkCase) was queued with the case, behind this creation, so nothing follows here.
export const createCaseIssueOperation = defineCaseIssueOperation<CreateCaseIssuePayload>({
  operation: 'tg.createCaseIssue',
  summary: (p, issueId) =>
    `Issue ${issueId} opened in the partner's Trading Grid community for internal case ${p.xcCaseId}`,
});

export const linkCaseOperation = defineOperation({
  operation: 'xc.linkCase',
  system: 'xconnector',
  lookupBeforeRetry: false,
  async deliver(entry, _previousAttempts, { ports, store }) {
    const p = entry.payload as LinkCasePayload;
    const issueId = issueOfCase(store, p.caseId);
    if (!issueId.ok) return issueId;
    const communityId = store.cases.get(p.caseId)?.communityId ?? '';
    // A PUT of the same link is idempotent on xConnector's side, so no lookup is needed before a retry.
    const r = await ports.xconnector.cases.linkCase(
      p.xcCaseId,
      { system: 'trading-grid', issueId: issueId.value, communityId },
      entry.idempotencyKey,
    );
    return r.ok ? { ok: true, value: { remoteId: issueId.value, recovered: false } } : r;
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as LinkCasePayload;
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `linked:${p.xcCaseId}`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `xConnector internal case ${p.xcCaseId} now links to issue ${delivered.remoteId ?? ''}`,
      detail: { internalCaseId: p.xcCaseId, issueId: delivered.remoteId },
    });
  },
});
