// Flow 7 — a case's title and priority, kept in step between the internal case and its Trading Grid
// issue by the ownership rule (mappings.caseSync.fieldOwners; xConnector owns both by default). The
// owner's change is copied to the other side and shown on the desk case; the other side's change is
// shown on the timeline and held; both sides changing the same field is a conflict the owner wins,
// recorded on the timeline. Our own copies are never read back as changes (see detailOwnership).
import { defineOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import { ok } from '../http/result.ts';
import { refPart } from '../caseSync/refs.ts';
import { withIssue } from '../caseSync/issueOfCase.ts';
import { ownerOf, otherSide, type FieldChange } from '../caseSync/fieldOwnership.ts';
import { copyDelivered, DETAIL_FIELDS, readDetail, type DetailField } from '../caseSync/detailOwnership.ts';
import { loadDetails, saveDetails } from '../caseSync/detailState.ts';
import { recordConflict } from '../caseSync/conflictEvent.ts';
import { isOwnEscalation } from '../caseSync/echo.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { IssuePriority } from '../../shared/domain/issue.ts';
import type { SyncSide } from '../../shared/config/caseSync.ts';
import type { FlowContext } from './flowContext.ts';

type Details = Partial<Record<DetailField, string>>;

interface DetailCopyPayload {
  caseId: string;
  xcCaseId: string;
  fields: Details;
}

const SIDE_NAME: Record<SyncSide, string> = { xconnector: 'xConnector', 'trading-grid': 'Trading Grid' };
const TO_TRADING_GRID = 'tg.updateIssueDetails';
const TO_XCONNECTOR = 'xc.updateCaseDetails';

const said = (fields: Details) =>
  DETAIL_FIELDS.flatMap((f) => (fields[f] === undefined ? [] : [`${f} "${fields[f]}"`])).join(' and ');

/**
 * One side's current title and priority, read from its feed. `version` names this state of the item
 * (its updatedAt), so the copy it causes has a reference of its own.
 */
export function syncCaseDetails(
  ctx: FlowContext,
  caseId: string,
  side: SyncSide,
  now: { title: string; priority: string; version: number; by: string; sourceId: string },
): void {
  const xcCaseId = ctx.store.caseLinks.internalCaseOf(caseId);
  if (!xcCaseId) return;
  const s = ctx.mappings.caseSync;
  const state = loadDetails(ctx.store, caseId);
  const copies: Details = {};
  let changed = false;
  for (const field of DETAIL_FIELDS) {
    const value = now[field];
    const change: FieldChange = { side, value, said: value, at: now.version, by: now.by };
    const owner = ownerOf(s, field);
    let read = readDetail(owner, field, state[field], change);
    // The priority our own SLA escalation set in Trading Grid is read back: seen, not a change to hold.
    if (
      read.decision.kind === 'hold' &&
      field === 'priority' &&
      side === 'trading-grid' &&
      isOwnEscalation(ctx.store, caseId, value, ctx.now)
    )
      read = { decision: { kind: 'none' }, state: { seen: read.state.seen } };
    changed ||= JSON.stringify(read.state) !== JSON.stringify(state[field]);
    state[field] = read.state;
    const d = read.decision;
    if (d.kind === 'copy') {
      copies[field] = d.value;
      if (d.conflict)
        recordConflict(ctx.store.timeline, caseId, d.conflict, `${side}:${now.version}`, ctx.now);
    } else if (d.kind === 'hold') {
      ctx.store.timeline.add({
        caseId,
        eventKey: `detail:${field}:${side}:${now.version}`,
        kind: 'sync',
        origin: side,
        at: now.version,
        summary: `${now.by} changed the ${field} in ${SIDE_NAME[side]} to "${value}". ${SIDE_NAME[owner]} owns the ${field}, so it is not copied.`,
        detail: { field, value, owner, side },
      });
    }
  }
  if (changed) saveDetails(ctx.store, caseId, state, ctx.now);
  if (Object.keys(copies).length === 0) return;
  showOnDesk(ctx, caseId, copies);
  const target = otherSide(side);
  const ref =
    target === 'trading-grid'
      ? `pd:details:${refPart(xcCaseId)}:${now.version}`
      : `pd:details-tg:${refPart(now.sourceId)}:${now.version}`;
  const payload: DetailCopyPayload = { caseId, xcCaseId, fields: copies };
  ctx.enqueue({
    idempotencyKey: `${target === 'trading-grid' ? TO_TRADING_GRID : TO_XCONNECTOR}:${ref}`,
    correlationRef: ref,
    system: target,
    operation: target === 'trading-grid' ? TO_TRADING_GRID : TO_XCONNECTOR,
    orderingKey: target === 'trading-grid' ? caseId : `xc:${caseId}`,
    payload,
  });
}

/** The desk case shows the owner's title and priority. */
function showOnDesk(ctx: FlowContext, caseId: string, copies: Details): void {
  const c = ctx.store.cases.get(caseId);
  if (!c) return;
  const title = copies.title ?? c.title;
  const priority = copies.priority ?? c.priority;
  ctx.store.cases.updateDetails(caseId, { title, priority, payload: c.payload }, ctx.now);
  ctx.emit('caseUpdated', { caseId, partnerId: c.partnerId, title, tgIssueId: c.tgIssueId });
}

/** Our copy landed: that is what the side says now; a change it overwrote is a conflict the owner won. */
function recordCopy(ctx: FlowContext, p: DetailCopyPayload, side: SyncSide): void {
  const state = loadDetails(ctx.store, p.caseId);
  for (const field of DETAIL_FIELDS) {
    const value = p.fields[field];
    if (value === undefined) continue;
    const written: FieldChange = { side, value, said: value, at: ctx.now, by: 'Partner Desk' };
    const r = copyDelivered(ownerOf(ctx.mappings.caseSync, field), field, state[field], written);
    state[field] = r.state;
    if (r.conflict) recordConflict(ctx.store.timeline, p.caseId, r.conflict, `copy:${ctx.now}`, ctx.now);
  }
  saveDetails(ctx.store, p.caseId, state, ctx.now);
  ctx.store.timeline.add({
    caseId: p.caseId,
    eventKey: `detail-copy:${side}:${ctx.now}:${said(p.fields)}`.slice(0, 500),
    kind: 'sync',
    origin: 'engine',
    at: ctx.now,
    summary: `Copied the ${said(p.fields)} to ${SIDE_NAME[side]}`,
    detail: { fields: p.fields, side },
  });
}

export const updateIssueDetailsOperation = defineOperation({
  operation: TO_TRADING_GRID,
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports, store }) {
    const p = entry.payload as DetailCopyPayload;
    return withIssue(store, p.caseId, (issueId) =>
      createOnce(
        previousAttempts,
        () => ports.tradingGrid.findIssueUpdatesByRef(entry.correlationRef),
        () =>
          ports.tradingGrid.updateIssue(
            issueId,
            {
              ...(p.fields.title !== undefined ? { title: p.fields.title } : {}),
              ...(p.fields.priority !== undefined ? { priority: p.fields.priority as IssuePriority } : {}),
              comment: `Updated from the internal case: ${said(p.fields)}.`,
              correlationRef: entry.correlationRef,
            },
            entry.idempotencyKey,
          ),
      ),
    );
  },
  onDelivered(entry, _delivered, ctx) {
    recordCopy(ctx, entry.payload as DetailCopyPayload, 'trading-grid');
  },
});

export const updateCaseDetailsOperation = defineOperation({
  operation: TO_XCONNECTOR,
  system: 'xconnector',
  // A PUT of the same values is idempotent on xConnector's side, so no lookup is needed before a retry.
  lookupBeforeRetry: false,
  async deliver(entry, _previousAttempts, { ports }) {
    const p = entry.payload as DetailCopyPayload;
    const r = await ports.xconnector.cases.updateDetails(
      p.xcCaseId,
      {
        ...(p.fields.title !== undefined ? { title: p.fields.title } : {}),
        ...(p.fields.priority !== undefined ? { priority: p.fields.priority as IssuePriority } : {}),
        origin: PARTNER_DESK_ORIGIN,
      },
      entry.idempotencyKey,
    );
    return r.ok ? ok({ remoteId: p.xcCaseId, recovered: false }) : r;
  },
  onDelivered(entry, _delivered, ctx) {
    recordCopy(ctx, entry.payload as DetailCopyPayload, 'xconnector');
  },
});
