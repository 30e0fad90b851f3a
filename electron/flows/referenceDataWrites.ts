// Flow 6 — the two writes that carry reference data into Trading Grid's directory: an upsert (PUT) and
// a delete. Both go through the outbox, one record at a time in order (the ordering key is the record),
// each with an idempotency key that is new for every write of the record and our correlation reference.
import { defineOperation } from '../sync/outboxOperation.ts';
import { hashOfDirectoryRecord } from '../referenceData/contentHash.ts';
import { PUSHED_DELETE } from '../store/referenceData.ts';
import {
  referenceCorrelationRef,
  type DirectoryUpsert,
  type ReferenceKind,
} from '../../shared/domain/reference.ts';
import type { FlowContext } from './flowContext.ts';
import type { DriftReason } from '../referenceData/reconcileReport.ts';

export const PUT_OPERATION = 'tg.putDirectoryRecord';
export const DELETE_OPERATION = 'tg.deleteDirectoryRecord';

interface PutPayload {
  kind: ReferenceKind;
  key: string;
  upsert: DirectoryUpsert;
  /** Set when the reconcile enqueued the write to repair drift. */
  repair?: DriftReason;
}

interface DeletePayload {
  kind: ReferenceKind;
  key: string;
  repair?: DriftReason;
}

/** All writes of one record share this key, so they reach Trading Grid one after another, in order. */
export const referenceOrderingKey = (kind: ReferenceKind, key: string) => `ref:${kind}:${key}`;

export interface PushableRecord {
  kind: ReferenceKind;
  key: string;
  partnerCode: string;
  data: unknown;
  contentHash: string;
}

/** Enqueues the upsert of a record's current version and remembers it as what we last pushed. */
export function enqueueUpsert(ctx: FlowContext, r: PushableRecord, repair?: DriftReason): void {
  const seq = ctx.store.referenceData.markPushed(r.kind, r.key, r.contentHash, ctx.now);
  const correlationRef = referenceCorrelationRef(r.kind, r.key);
  const payload: PutPayload = {
    kind: r.kind,
    key: r.key,
    upsert: {
      partnerCode: r.partnerCode,
      data: r.data as DirectoryUpsert['data'],
      correlationRef,
      contentHash: r.contentHash,
    },
    ...(repair ? { repair } : {}),
  };
  ctx.enqueue({
    idempotencyKey: `${PUT_OPERATION}:${r.kind}:${r.key}:${seq}`,
    correlationRef,
    system: 'trading-grid',
    operation: PUT_OPERATION,
    orderingKey: referenceOrderingKey(r.kind, r.key),
    payload,
  });
}

/**
 * Enqueues the delete of a record. `strayRun` names the reconcile that found a record we hold no row
 * for (xConnector never had it), which gives that delete its unique idempotency key.
 */
export function enqueueDelete(
  ctx: FlowContext,
  kind: ReferenceKind,
  key: string,
  repair?: DriftReason,
  strayRun?: number,
): void {
  const seq =
    strayRun === undefined
      ? String(ctx.store.referenceData.markPushed(kind, key, PUSHED_DELETE, ctx.now))
      : `stray-${strayRun}`;
  const payload: DeletePayload = { kind, key, ...(repair ? { repair } : {}) };
  ctx.enqueue({
    idempotencyKey: `${DELETE_OPERATION}:${kind}:${key}:${seq}`,
    correlationRef: referenceCorrelationRef(kind, key),
    system: 'trading-grid',
    operation: DELETE_OPERATION,
    orderingKey: referenceOrderingKey(kind, key),
    payload,
  });
}

export const putDirectoryRecordOperation = defineOperation({
  operation: PUT_OPERATION,
  system: 'trading-grid',
  // A PUT is idempotent, but a second application is still a second write on Trading Grid's side (and
  // its history): after an attempt that may have landed, read the record before writing it again.
  lookupBeforeRetry: true,
  async deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as PutPayload;
    const directory = ports.tradingGrid.directory;
    if (previousAttempts > 0) {
      const found = await directory.get(p.kind, p.key);
      if (!found.ok) return found;
      if (found.value && hashOfDirectoryRecord(found.value) === p.upsert.contentHash)
        return { ok: true, value: { remoteId: `${p.kind}:${p.key}`, recovered: true } };
    }
    const r = await directory.put(p.kind, p.key, p.upsert, entry.idempotencyKey);
    if (!r.ok) return r;
    return { ok: true, value: { remoteId: `${r.value.kind}:${r.value.key}`, recovered: false } };
  },
  onDelivered(entry, _delivered, ctx) {
    const p = entry.payload as PutPayload;
    ctx.store.referenceData.markConfirmed(p.kind, p.key, p.upsert.contentHash, ctx.now);
  },
});

export const deleteDirectoryRecordOperation = defineOperation({
  operation: DELETE_OPERATION,
  system: 'trading-grid',
  // Deleting twice cannot do harm: the second answer is "nothing to delete", which counts as done.
  lookupBeforeRetry: false,
  async deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as DeletePayload;
    const r = await ports.tradingGrid.directory.remove(p.kind, p.key, entry.idempotencyKey);
    if (!r.ok) return r;
    return {
      ok: true,
      value: { remoteId: null, recovered: r.value === 'absent' && previousAttempts > 0 },
    };
  },
  onDelivered(entry, _delivered, ctx) {
    const p = entry.payload as DeletePayload;
    ctx.store.referenceData.markConfirmed(p.kind, p.key, PUSHED_DELETE, ctx.now);
  },
});
