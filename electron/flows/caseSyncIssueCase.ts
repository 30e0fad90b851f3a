// Flow 7 — the desk case of a Trading Grid issue: the case linked to it, or the case whose Partner
// Desk reference it carries (its link may still be on its way), or, for an issue a partner opened
// in Trading Grid, a new desk case of its own.
import type { FlowContext } from './flowContext.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import { caseIdForException } from './exceptionToIssue.ts';
import { deskStatusOfPartner } from '../caseSync/statusVocabulary.ts';

export const caseIdForPartnerIssue = (issueId: string) => `tg:${issueId}`;

const EXCEPTION_REF = /^pd:exc:(.+)$/;
const CASE_REF = /^pd:case:(.+)$/;

/** The desk case's id, or undefined when the issue was set aside (with its reason). */
export function deskCaseOfIssue(snap: IssueSnapshot, ctx: FlowContext): string | undefined {
  const linked = ctx.store.caseLinks.caseOfIssue(snap.id);
  if (linked) return linked;
  const ref = snap.correlationRef;
  if (ref === null || !ref.startsWith('pd:')) return openPartnerCase(snap, ctx);
  const exception = EXCEPTION_REF.exec(ref)?.[1];
  const internal = CASE_REF.exec(ref)?.[1];
  const caseId = exception
    ? ctx.store.cases.get(caseIdForException(exception))?.id
    : internal
      ? ctx.store.caseLinks.caseOf(internal)
      : undefined;
  if (caseId) return caseId;
  ctx.quarantine({
    feed: 'tg.issue-changes',
    itemId: snap.id,
    reasonKind: 'unknown_partner',
    reason: `Trading Grid issue ${snap.id} carries Partner Desk's reference ${ref}, but no desk case matches it yet. It is tried again when the partner directory changes.`,
    payload: snap,
  });
  return undefined;
}

function openPartnerCase(snap: IssueSnapshot, ctx: FlowContext): string | undefined {
  const partner = ctx.store.caseLinks.partnerOfCommunity(snap.communityId);
  if (!partner) {
    ctx.quarantine({
      feed: 'tg.issue-changes',
      itemId: snap.id,
      reasonKind: 'unknown_partner',
      reason: `Issue ${snap.id} was opened in Trading Grid community ${snap.communityId}, which no xConnector partner matches. It will be synced once the partner directory knows the community.`,
      payload: snap,
    });
    return undefined;
  }
  const caseId = caseIdForPartnerIssue(snap.id);
  const opened = ctx.store.cases.open(
    {
      id: caseId,
      origin: 'partner',
      partnerId: partner.partnerId,
      communityId: snap.communityId,
      exceptionId: null,
      title: snap.title,
      type: snap.type,
      status: deskStatusOfPartner(ctx.mappings.caseSync, snap.status) ?? 'open',
      priority: snap.priority,
      payload: { issueId: snap.id, description: snap.description },
      searchText: [snap.title, partner.partnerName, snap.id, snap.type].join(' '),
    },
    ctx.now,
  );
  ctx.store.cases.linkIssue(caseId, snap.id, snap.communityId, ctx.now);
  if (opened) {
    ctx.store.timeline.add({
      caseId,
      eventKey: 'opened',
      kind: 'opened',
      origin: 'trading-grid',
      at: Date.parse(snap.createdAt),
      summary: `${snap.openedBy.name} opened this issue in Trading Grid: ${snap.title}`,
      detail: { issueId: snap.id, openedBy: snap.openedBy, description: snap.description },
    });
    ctx.emit('caseCreated', { caseId, partnerId: partner.partnerId, title: snap.title, tgIssueId: snap.id });
  }
  return caseId;
}
