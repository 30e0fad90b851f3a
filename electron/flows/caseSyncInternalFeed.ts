// Flow 7 — the xConnector side of case sync. Each internal case that changed is placed in its desk
// case (joined or opened, with its Trading Grid issue created once and the link stored on both
// sides), its title and priority follow the ownership rule, its comments and documents go to the
// partner when meant for them, and its resolution steps are posted as status updates (flow 4), all
// in the order they happened. Reading the same case again changes nothing: every effect is keyed by
// the case's, comment's, document's or step's own id.
import { defineFeedFlow } from './feedFlow.ts';
import { parseInternalCase } from '../caseSync/itemParsing.ts';
import { deskCaseFor } from './caseSyncDeskCase.ts';
import { syncInternalComment } from './caseSyncComments.ts';
import { syncResolutionStep } from './statusToPartner.ts';
import { syncCaseAttachment } from './caseSyncAttachments.ts';
import { syncCaseDetails } from './caseSyncDetails.ts';
import { retryResolutionStep } from './statusToPartnerRelease.ts';

export const internalCasesFeedFlow = defineFeedFlow({
  feed: 'xc.cases',
  system: 'xconnector',
  // After exceptions (order 1): an internal case about an exception joins the case flow 1 opened.
  order: 2,
  fetch: (ports) => ports.xconnector.cases.casesFeed,
  parse: parseInternalCase,
  apply(c, ctx) {
    // The first time a case is seen, its state is the baseline of later syncs, not a change to reconcile.
    const baseline = ctx.store.caseLinks.caseOf(c.id) === undefined;
    const caseId = deskCaseFor(c, ctx);
    if (!caseId) return;
    syncCaseDetails(ctx, caseId, 'xconnector', {
      title: c.title,
      priority: c.priority,
      version: Date.parse(c.updatedAt),
      by: `xConnector case ${c.id}`,
      sourceId: c.id,
    });
    const happenings = [
      ...c.comments.map((x) => ({
        at: Date.parse(x.createdAt),
        sync: () => syncInternalComment(caseId, x, ctx),
      })),
      ...c.steps.map((x) => ({
        at: Date.parse(x.createdAt),
        sync: () => syncResolutionStep(c, x, caseId, ctx, baseline),
      })),
      ...c.attachments.map((x) => ({
        at: Date.parse(x.createdAt),
        sync: () => syncCaseAttachment(c, caseId, x, ctx),
      })),
    ];
    // Stable sort: at equal times comments, then steps, then documents, as xConnector listed them.
    happenings.sort((a, b) => a.at - b.at);
    for (const h of happenings) h.sync();
  },
  // A step whose status the mapping did not know is tried again with the mappings of a new engine.
  retryQuarantined: { unmapped_status: retryResolutionStep },
});
