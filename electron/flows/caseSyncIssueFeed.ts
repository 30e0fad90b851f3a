// Flow 7 — the Trading Grid side of case sync. Each issue that changed is matched to its desk case
// (a partner's own issue gets one), its comments that Partner Desk did not write are shown on the
// desk and copied into the internal case, the partner's words are routed to internal systems (flow
// 5), and status, title and priority changes are reconciled by the ownership rule. Our own copies, recognised by origin
// marker, correlation reference or our record of them, are never copied back.
import { defineFeedFlow } from './feedFlow.ts';
import { parseIssueSnapshot } from '../caseSync/itemParsing.ts';
import { isOwnWrite } from '../caseSync/echo.ts';
import { deskCaseOfIssue } from './caseSyncIssueCase.ts';
import { syncIssueComment } from './caseSyncComments.ts';
import { syncIssueStatus } from './caseSyncStatusIn.ts';
import { routePartnerInput } from './partnerInputRouting.ts';
import { syncCaseDetails } from './caseSyncDetails.ts';
import { retryPartnerStatus } from './caseSyncStatusInRelease.ts';

export const issueChangesFeedFlow = defineFeedFlow({
  feed: 'tg.issue-changes',
  system: 'trading-grid',
  // After communities (order 0), and after xConnector's cases in the same cycle (listed after them).
  order: 2,
  fetch: (ports) => ports.tradingGrid.cases.issueChangesFeed,
  parse: parseIssueSnapshot,
  apply(snap, ctx) {
    const caseId = deskCaseOfIssue(snap, ctx);
    if (!caseId) return;
    if (snap.openedBy.kind === 'partner') routePartnerInput(ctx, caseId, snap);
    for (const comment of snap.comments) {
      if (isOwnWrite(comment, 'trading-grid', ctx.store.caseCopies)) continue;
      syncIssueComment(caseId, comment, ctx);
      if (comment.author.kind === 'partner') routePartnerInput(ctx, caseId, snap, comment);
    }
    syncIssueStatus(snap, caseId, ctx);
    syncCaseDetails(ctx, caseId, 'trading-grid', {
      title: snap.title,
      priority: snap.priority,
      version: Date.parse(snap.updatedAt),
      by: `Trading Grid issue ${snap.id}`,
      sourceId: snap.id,
    });
  },
  // A status change whose word the mapping did not know is tried again with the mappings of a new engine.
  retryQuarantined: { unmapped_status: retryPartnerStatus },
});
