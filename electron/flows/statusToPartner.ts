// Flow 4 — status back to partners. Each resolution step of an internal case (a status transition in
// xConnector) is posted once to the linked Trading Grid issue as a partner-facing status update,
// through the configured status mapping, in order (one ordering key per case). A status the mapping
// does not know is reported (quarantined, and shown on the case's timeline), never guessed. Flow 7's
// ownership rule applies: the step is posted when xConnector owns the status (the default).
import { defineOperation } from '../sync/outboxOperation.ts';
import { attemptsBefore, createOnce } from '../sync/createOnce.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { isOwnWrite } from '../caseSync/echo.ts';
import { withIssue } from '../caseSync/issueOfCase.ts';
import { deskStatusOfPartner, partnerFacing } from '../caseSync/statusVocabulary.ts';
import { decideFieldChange, ownerOf, type FieldChange } from '../caseSync/fieldOwnership.ts';
import { loadPending, savePending } from '../caseSync/pendingChanges.ts';
import { recordConflict } from '../caseSync/conflictEvent.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { FlowContext } from './flowContext.ts';
import type { InternalCase, ResolutionStep } from '../../shared/domain/internalCase.ts';
import type { NewStatusUpdate } from '../../shared/domain/statusUpdate.ts';
import type { CaseStatus } from '../../shared/config/caseSync.ts';

interface StatusPostPayload {
  caseId: string;
  xcCaseId: string;
  stepId: string;
  update: NewStatusUpdate;
  deskStatus: CaseStatus;
  lookFirst: boolean;
}

/** One resolution step of an internal case; a step seen before changes nothing. */
export function syncResolutionStep(
  c: InternalCase,
  step: ResolutionStep,
  caseId: string,
  ctx: FlowContext,
  /** The case is seen for the first time: a change its owner would not copy is the baseline, not pending. */
  baseline = false,
): void {
  // Our own copy of a Trading Grid status change (when Trading Grid owns the status): not a new step.
  if (isOwnWrite(step, 'xconnector', ctx.store.caseCopies)) return;
  const s = ctx.mappings.caseSync;
  const facing = partnerFacing(s, step.status);
  const at = Date.parse(step.createdAt);
  const outcome = step.resolution ? ` (resolution: ${step.resolution.outcome})` : '';
  const isNew = ctx.store.timeline.add({
    caseId,
    eventKey: `status:xc:${step.id}`,
    kind: 'status',
    origin: 'xconnector',
    at,
    summary: facing
      ? `xConnector case ${c.id} moved to ${step.status}${outcome}`
      : `xConnector case ${c.id} moved to ${step.status}${outcome}: not posted to the partner, the status mapping does not know "${step.status}"`,
    detail: { internalCaseId: c.id, stepId: step.id, status: step.status, resolution: step.resolution },
  });
  if (!isNew) return;
  postResolutionStep(c.id, step, caseId, ctx, baseline);
}

/**
 * Posts one step through the status mapping, or quarantines it (with what a release needs to try it
 * again: electron/flows/statusToPartnerRelease.ts) when the mapping does not know its status.
 */
export function postResolutionStep(
  xcCaseId: string,
  step: ResolutionStep,
  caseId: string,
  ctx: FlowContext,
  baseline = false,
): void {
  const c = { id: xcCaseId };
  const facing = partnerFacing(ctx.mappings.caseSync, step.status);
  const at = Date.parse(step.createdAt);
  if (!facing) {
    ctx.quarantine({
      feed: 'xc.cases',
      itemId: `${c.id}:${step.id}`,
      reasonKind: 'unmapped_status',
      reason: `Internal case ${c.id} moved to "${step.status}", which the status mapping does not know, so nothing was posted to the partner. Add "${step.status}" under Settings → Mappings → case sync → status to partner.`,
      payload: { caseId, xcCaseId, step },
    });
    return;
  }
  const s = ctx.mappings.caseSync;
  const deskStatus = deskStatusOfPartner(s, facing.status) ?? 'open';
  const { postStatus, postResolution } = reconcileStep(c, step, caseId, deskStatus, ctx, baseline);
  if (!postStatus) {
    ctx.store.timeline.add({
      caseId,
      eventKey: `held:xc:${step.id}`,
      kind: 'sync',
      origin: 'engine',
      at,
      summary: `Not posted to the partner: Trading Grid owns the case status, so xConnector's "${step.status}" stays internal.`,
      detail: { stepId: step.id, owner: 'trading-grid' },
    });
    return;
  }
  const ref = caseRefs.statusPost(c.id, step.id);
  ctx.store.caseCopies.record(
    {
      correlationRef: ref,
      caseId,
      kind: 'status',
      source: `xconnector:${step.id}`,
      targetSystem: 'trading-grid',
    },
    ctx.now,
  );
  const message =
    postResolution && step.resolution
      ? `${facing.message}\nOutcome: ${step.resolution.outcome}`
      : facing.message;
  const payload: StatusPostPayload = {
    caseId,
    xcCaseId: c.id,
    stepId: step.id,
    update: {
      status: facing.status,
      message,
      resolution: postResolution ? step.resolution : null,
      origin: PARTNER_DESK_ORIGIN,
      correlationRef: ref,
    },
    deskStatus,
    lookFirst: ctx.store.caseLinks.isAdopted(caseId),
  };
  ctx.enqueue({
    idempotencyKey: `tg.postStatusUpdate:${ref}`,
    correlationRef: ref,
    system: 'trading-grid',
    operation: 'tg.postStatusUpdate',
    // One ordering key per case: transitions reach the partner in the order they happened.
    orderingKey: caseId,
    payload,
  });
}

/**
 * Flow 7's ownership rule for the step's status (and resolution, when it resolves the case): what
 * goes to the partner, what the other side changed that this step now overrides (a conflict, recorded),
 * and what stays pending.
 */
function reconcileStep(
  c: Pick<InternalCase, 'id'>,
  step: ResolutionStep,
  caseId: string,
  deskStatus: string,
  ctx: FlowContext,
  baseline: boolean,
): { postStatus: boolean; postResolution: boolean } {
  const s = ctx.mappings.caseSync;
  const change = (value: string, said: string): FieldChange => ({
    side: 'xconnector',
    value,
    said,
    at: Date.parse(step.createdAt),
    by: `xConnector case ${c.id}`,
  });
  const pending = loadPending(ctx.store, caseId);
  const status = decideFieldChange(
    ownerOf(s, 'status'),
    'status',
    pending.status,
    change(deskStatus, step.status),
  );
  const resolution = step.resolution
    ? decideFieldChange(
        ownerOf(s, 'resolution'),
        'resolution',
        pending.resolution,
        change(step.resolution.outcome, step.resolution.outcome),
      )
    : undefined;
  // On first sight a change the owner would not copy is the baseline of later syncs, not pending.
  const keep = (d: typeof resolution) => !d || (baseline && d.decision.kind === 'hold');
  savePending(
    ctx.store,
    caseId,
    {
      status: keep(status) ? pending.status : status.pending,
      resolution: keep(resolution) ? pending.resolution : resolution?.pending,
    },
    ctx.now,
  );
  for (const d of [status.decision, resolution?.decision])
    if (d?.kind === 'conflict') recordConflict(ctx.store.timeline, caseId, d.conflict, step.id, ctx.now);
  return {
    postStatus: status.decision.kind !== 'hold',
    postResolution: resolution !== undefined && resolution.decision.kind !== 'hold',
  };
}

export const postStatusUpdateOperation = defineOperation({
  operation: 'tg.postStatusUpdate',
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports, store }) {
    const p = entry.payload as StatusPostPayload;
    return withIssue(store, p.caseId, (issueId) =>
      createOnce(
        attemptsBefore(previousAttempts, p.lookFirst),
        () => ports.tradingGrid.cases.findStatusUpdatesByRef(entry.correlationRef),
        () => ports.tradingGrid.cases.postStatusUpdate(issueId, p.update, entry.idempotencyKey),
      ),
    );
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as StatusPostPayload;
    if (delivered.remoteId) ctx.store.caseCopies.delivered(entry.correlationRef, delivered.remoteId);
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `posted:${entry.correlationRef}`,
      kind: 'status',
      origin: 'engine',
      at: ctx.now,
      summary: `Posted to the partner: ${p.update.status} — ${p.update.message}`,
      detail: {
        statusUpdateId: delivered.remoteId,
        stepId: p.stepId,
        status: p.update.status,
        recovered: delivered.recovered,
      },
    });
    ctx.store.cases.setStatus(p.caseId, p.deskStatus, ctx.now);
  },
});
