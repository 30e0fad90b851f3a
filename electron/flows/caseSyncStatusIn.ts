// Flow 7 — status changes made in Trading Grid (by the partner or by staff there). Each is shown on
// the desk's timeline, and the desk's case status follows the issue's current status (flow 8 pauses
// its SLA clock on waiting_on_partner). Against the internal case the ownership rule applies: by
// default xConnector owns the status, so a Trading Grid change is kept pending and, when xConnector
// changes the status too, recorded as a conflict that xConnector wins. When Trading Grid owns the
// status, its change is copied into the internal case as a step. A change whose word the mappings do
// not know is quarantined, and tried again on changed mappings (caseSyncStatusInRelease.ts).
import { defineOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { isOwnWrite } from '../caseSync/echo.ts';
import { deskStatusOfPartner, internalOfPartner } from '../caseSync/statusVocabulary.ts';
import {
  decideFieldChange,
  overtakenConflict,
  ownerOf,
  type FieldChange,
  type PendingChanges,
  type SyncField,
} from '../caseSync/fieldOwnership.ts';
import { loadPending, savePending } from '../caseSync/pendingChanges.ts';
import { notePartnerStatusRead } from '../caseSync/partnerStatusRead.ts';
import { recordConflict } from '../caseSync/conflictEvent.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { FlowContext } from './flowContext.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import type { NewCaseStep } from '../../shared/domain/internalCase.ts';
import type { StatusUpdate } from '../../shared/domain/statusUpdate.ts';
import type { CaseStatus } from '../../shared/config/caseSync.ts';

/**
 * What a release needs to try a quarantined status change again (caseSyncStatusInRelease.ts): its desk
 * case, and whether the desk did not know its word (`desk`) or only the internal status to copy it as.
 */
export interface QuarantinedPartnerStatus {
  caseId: string;
  stage: 'desk' | 'internal';
  update: StatusUpdate;
}

interface CaseStepPayload {
  caseId: string;
  xcCaseId: string;
  step: NewCaseStep;
}

function changesOf(u: StatusUpdate, deskStatus: string, by: string): Partial<Record<SyncField, FieldChange>> {
  const at = Date.parse(u.createdAt);
  const out: Partial<Record<SyncField, FieldChange>> = {
    status: { side: 'trading-grid', value: deskStatus, said: u.status, at, by },
  };
  if (u.resolution)
    out.resolution = {
      side: 'trading-grid',
      value: u.resolution.outcome,
      said: u.resolution.outcome,
      at,
      by,
    };
  return out;
}

export function syncIssueStatus(snap: IssueSnapshot, caseId: string, ctx: FlowContext): void {
  const s = ctx.mappings.caseSync;
  const xcCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
  const pending: PendingChanges = xcCaseId ? loadPending(ctx.store, caseId) : {};
  let changed = false;
  snap.statusUpdates.forEach((u, i) => {
    const own = isOwnWrite(u, 'trading-grid', ctx.store.caseCopies);
    const deskStatus = deskStatusOfPartner(s, u.status);
    if (own) {
      // Our update landed after a Trading Grid change we were holding: that change was overtaken.
      if (xcCaseId && deskStatus)
        changed =
          settleOvertaken(ctx, caseId, pending, changesOf(u, deskStatus, 'Partner Desk, for xConnector')) ||
          changed;
      return;
    }
    const isNew = ctx.store.timeline.add({
      caseId,
      eventKey: `status:tg:${u.id}`,
      kind: 'status',
      origin: 'trading-grid',
      at: Date.parse(u.createdAt),
      summary:
        `${u.author.name} set the status to ${u.status}${deskStatus ? '' : ' (a status the mapping does not know)'}: ${u.message}`.slice(
          0,
          2000,
        ),
      detail: { statusUpdateId: u.id, status: u.status, author: u.author, resolution: u.resolution },
    });
    if (!isNew) return;
    if (!deskStatus) {
      ctx.quarantine({
        feed: 'tg.issue-changes',
        itemId: `${snap.id}:${u.id}`,
        reasonKind: 'unmapped_status',
        reason: `Trading Grid issue ${snap.id} was set to "${u.status}", which the status mapping does not know, so the desk keeps the case's previous status. Add "${u.status}" under Settings → Mappings → case sync → partner status.`,
        payload: { caseId, stage: 'desk', update: u } satisfies QuarantinedPartnerStatus,
      });
      return;
    }
    if (!xcCaseId) return;
    const laterOwn = snap.statusUpdates
      .slice(i + 1)
      .find((x) => isOwnWrite(x, 'trading-grid', ctx.store.caseCopies));
    changed = reconcilePartnerStatus(ctx, caseId, xcCaseId, u, deskStatus, pending, laterOwn) || changed;
  });
  if (changed) savePending(ctx.store, caseId, pending, ctx.now);
  const current = deskStatusOfPartner(s, snap.status);
  if (current) ctx.store.cases.setStatus(caseId, current, Date.parse(snap.updatedAt));
  notePartnerStatusRead(ctx.store, caseId, snap.statusUpdates.at(-1), ctx.now);
}

/**
 * One Trading Grid status change (with its resolution) of a case linked to an internal case, by the
 * ownership rule: held as pending, a conflict recorded, or copied into the internal case. `laterOwn` is
 * our own status update that landed after it, if any: then the change was overtaken. Returns true when
 * `pending` changed (the caller saves it).
 */
export function reconcilePartnerStatus(
  ctx: FlowContext,
  caseId: string,
  xcCaseId: string,
  u: StatusUpdate,
  deskStatus: CaseStatus,
  pending: PendingChanges,
  laterOwn: StatusUpdate | undefined,
): boolean {
  const s = ctx.mappings.caseSync;
  const laterDesk = laterOwn && deskStatusOfPartner(s, laterOwn.status);
  const changes = changesOf(u, deskStatus, u.author.name);
  let changed = false;
  for (const field of ['status', 'resolution'] as const) {
    const change = changes[field];
    if (!change) continue;
    const owner = ownerOf(s, field);
    const ownWrite =
      laterOwn && laterDesk
        ? changesOf(laterOwn, laterDesk, 'Partner Desk, for xConnector')[field]
        : undefined;
    const overtaken = ownWrite && overtakenConflict(owner, field, change, ownWrite);
    if (overtaken) {
      recordConflict(ctx.store.timeline, caseId, overtaken, u.id, ctx.now);
      continue;
    }
    const d = decideFieldChange(owner, field, pending[field], change);
    pending[field] = d.pending;
    changed = true;
    if (d.decision.kind === 'conflict')
      recordConflict(ctx.store.timeline, caseId, d.decision.conflict, u.id, ctx.now);
    if (field === 'status' && d.decision.kind !== 'hold') copyToInternalCase(ctx, caseId, xcCaseId, u);
  }
  return changed;
}

/** Records, once, the conflicts our landed update settles, and forgets the changes it overtook. */
function settleOvertaken(
  ctx: FlowContext,
  caseId: string,
  pending: PendingChanges,
  ours: Partial<Record<SyncField, FieldChange>>,
): boolean {
  let changed = false;
  for (const field of ['status', 'resolution'] as const) {
    const held = pending[field];
    const won = ours[field];
    if (!held || !won || held.side !== 'trading-grid' || held.at > won.at) continue;
    const conflict = overtakenConflict(ownerOf(ctx.mappings.caseSync, field), field, held, won);
    if (conflict) recordConflict(ctx.store.timeline, caseId, conflict, `${held.at}`, ctx.now);
    pending[field] = undefined;
    changed = true;
  }
  return changed;
}

export function copyToInternalCase(
  ctx: FlowContext,
  caseId: string,
  xcCaseId: string,
  u: StatusUpdate,
): void {
  const internal = internalOfPartner(ctx.mappings.caseSync, u.status);
  if (!internal) {
    ctx.quarantine({
      feed: 'tg.issue-changes',
      itemId: `${u.issueId}:${u.id}:internal`,
      reasonKind: 'unmapped_status',
      reason: `Trading Grid status "${u.status}" has no internal status to copy into xConnector case ${xcCaseId}. Add it under Settings → Mappings → case sync → partner to internal.`,
      payload: { caseId, stage: 'internal', update: u } satisfies QuarantinedPartnerStatus,
    });
    return;
  }
  const ref = caseRefs.caseStep(u.id);
  ctx.store.caseCopies.record(
    { correlationRef: ref, caseId, kind: 'step', source: `trading-grid:${u.id}`, targetSystem: 'xconnector' },
    ctx.now,
  );
  const owned = ownerOf(ctx.mappings.caseSync, 'resolution') === 'trading-grid';
  ctx.enqueue({
    idempotencyKey: `xc.addCaseStep:${ref}`,
    correlationRef: ref,
    system: 'xconnector',
    operation: 'xc.addCaseStep',
    orderingKey: `xc:${caseId}`,
    payload: {
      caseId,
      xcCaseId,
      step: {
        status: internal,
        resolution: owned ? u.resolution : null,
        note: `Set in Trading Grid by ${u.author.name}: ${u.message}`.slice(0, 20_000),
        origin: PARTNER_DESK_ORIGIN,
        correlationRef: ref,
      },
    } satisfies CaseStepPayload,
  });
}

export const addCaseStepOperation = defineOperation({
  operation: 'xc.addCaseStep',
  system: 'xconnector',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as CaseStepPayload;
    return createOnce(
      previousAttempts,
      () => ports.xconnector.cases.findStepsByRef(entry.correlationRef),
      () => ports.xconnector.cases.addStep(p.xcCaseId, p.step, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    if (delivered.remoteId) ctx.store.caseCopies.delivered(entry.correlationRef, delivered.remoteId);
  },
});
