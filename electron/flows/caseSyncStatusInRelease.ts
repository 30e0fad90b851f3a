// Flow 7 — a Trading Grid status change quarantined because the status mappings did not know its word,
// tried again when the engine starts with the mappings then in force (electron/engine/quarantineRelease.ts).
// The twin of flow 4's release (statusToPartnerRelease.ts), for the other direction.
//
// The rule for order is the same: a case never steps back in time. The released change is applied (the
// desk case takes its status, and the ownership rule decides whether it is held or copied into the
// internal case, exactly as if it had just been read) only while it is still the latest status change
// of the case: nothing came after it on the issue as the desk last read it, and no later status
// change of either side has been read or posted since. Otherwise it is superseded: recorded on the
// case's timeline, released from the quarantine, and never applied. A change whose word the desk knew
// but could not copy into xConnector (no internal status for it) is released the same way, with only
// the copy left to do.
import { z } from 'zod';
import { StatusUpdate } from '../../shared/domain/statusUpdate.ts';
import { deskStatusOfPartner, internalOfPartner } from '../caseSync/statusVocabulary.ts';
import { loadPending, savePending } from '../caseSync/pendingChanges.ts';
import { lastPartnerStatusRead } from '../caseSync/partnerStatusRead.ts';
import { copyToInternalCase, reconcilePartnerStatus } from './caseSyncStatusIn.ts';
import type { CaseStatus } from '../../shared/config/caseSync.ts';
import type { FlowContext } from './flowContext.ts';
import type { QuarantineRetry } from './feedFlow.ts';

const Quarantined = z.union([
  z.object({ caseId: z.string(), stage: z.enum(['desk', 'internal']), update: StatusUpdate }),
  // Written before the payload named its case: the issue names it, and the desk had not known the word.
  StatusUpdate.transform((update) => ({ caseId: undefined, stage: 'desk' as const, update })),
]);

export const retryPartnerStatus: QuarantineRetry = (payload, ctx) => {
  const parsed = Quarantined.safeParse(payload);
  if (!parsed.success) throw new Error('the quarantined status change cannot be read; it stays quarantined');
  const { stage, update: u } = parsed.data;
  const caseId = parsed.data.caseId ?? ctx.store.caseLinks.caseOfIssue(u.issueId);
  if (!caseId) throw new Error(`no desk case has Trading Grid issue ${u.issueId}; it stays quarantined`);
  const s = ctx.mappings.caseSync;
  const deskStatus = deskStatusOfPartner(s, u.status);
  const xcCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
  // Still unknown: quarantining it again keeps the entry where it is.
  if (!deskStatus || (stage === 'internal' && (!xcCaseId || !internalOfPartner(s, u.status)))) {
    ctx.quarantine({
      feed: 'tg.issue-changes',
      itemId: null,
      reasonKind: 'unmapped_status',
      reason: `Trading Grid status "${u.status}" is still not in the status mappings.`,
      payload,
    });
    return;
  }
  const key = `tg:${u.id}${stage === 'internal' ? ':internal' : ''}`;
  const note = (what: 'superseded' | 'released', summary: string, detail: Record<string, unknown>) =>
    ctx.store.timeline.add({
      caseId,
      eventKey: `${what}:${key}`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary,
      detail: { statusUpdateId: u.id, status: u.status, ...detail },
    });
  const later = laterStatusOf(ctx, caseId, u);
  if (later !== undefined) {
    note(
      'superseded',
      `The status mapping now knows "${u.status}", but ${u.author.name}'s change to it is not applied: the case has since moved on to "${later}", and applying the older status now would set the case back.`,
      { supersededBy: later },
    );
    return;
  }
  note(
    'released',
    stage === 'desk'
      ? `The status mapping now knows "${u.status}": the case follows ${u.author.name}'s change to it.`
      : `The status mapping now knows the internal status for "${u.status}": copying it into the internal case.`,
    { stage },
  );
  if (stage === 'internal' && xcCaseId) copyToInternalCase(ctx, caseId, xcCaseId, u);
  else applyToCase(ctx, caseId, xcCaseId, u, deskStatus);
};

/** What reading the change would have done had the mapping known its word then. */
function applyToCase(
  ctx: FlowContext,
  caseId: string,
  xcCaseId: string | undefined,
  u: StatusUpdate,
  deskStatus: CaseStatus,
): void {
  if (xcCaseId) {
    // This entry is released; a copy the internal mapping cannot make yet is a new entry of its own.
    const fresh: FlowContext = {
      ...ctx,
      quarantine(q) {
        if (ctx.store.quarantine.add(q, ctx.now))
          ctx.emit('quarantined', {
            feed: q.feed,
            itemId: q.itemId,
            reasonKind: q.reasonKind,
            reason: q.reason,
          });
      },
    };
    const pending = loadPending(ctx.store, caseId);
    if (reconcilePartnerStatus(fresh, caseId, xcCaseId, u, deskStatus, pending, undefined))
      savePending(ctx.store, caseId, pending, ctx.now);
  }
  ctx.store.cases.setStatus(caseId, deskStatus, Date.parse(u.createdAt));
}

/**
 * The status the case moved on to after `u`, if it did: a later status change on the issue as last
 * read, or a status change of either side (read from Trading Grid or xConnector, or posted by us)
 * that the desk recorded after it.
 */
function laterStatusOf(ctx: FlowContext, caseId: string, u: StatusUpdate): string | undefined {
  const read = lastPartnerStatusRead(ctx.store, caseId);
  if (read && read.updateId !== u.id) return read.status;
  const own = `status:tg:${u.id}`;
  let ownId: number | undefined;
  let found: { id: number; status: string } | undefined;
  for (let offset = 0; ; offset += 500) {
    const page = ctx.store.timeline.list(caseId, 500, offset);
    for (const e of page) {
      if (e.eventKey === own) ownId = e.id;
      else if (e.kind === 'status' && (found === undefined || e.id > found.id))
        found = { id: e.id, status: String(e.detail.status) };
    }
    if (page.length < 500) break;
  }
  return ownId !== undefined && found !== undefined && found.id > ownId ? found.status : undefined;
}
