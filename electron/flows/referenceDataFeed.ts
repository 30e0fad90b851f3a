// Flow 6 — reference data. Partner IDs, ship-to locations, item codes and contacts flow from
// xConnector's change feed into Trading Grid's reference-data directory: only what changed since the
// last push (the content hash says), deletes included, one record at a time in order.
//
// Records naming a partner that xConnector's partner list does not know are held back: pushing them
// would publish data in Trading Grid that belongs to no partner anyone can see. They are quarantined
// with the reason, kept at their latest version, and pushed once the partner turns up.
import { defineFeedFlow } from './feedFlow.ts';
import { enqueueDelete, enqueueUpsert } from './referenceDataWrites.ts';
import { parseReferenceRecord } from '../referenceData/parseReferenceRecord.ts';
import { contentHash } from '../referenceData/contentHash.ts';
import { PUSHED_DELETE, type StoredReference } from '../store/referenceData.ts';
import type { ReferenceRecord } from '../../shared/domain/reference.ts';
import type { FlowContext } from './flowContext.ts';

export const REFERENCE_FEED = 'xc.referenceData';

export const referenceDataFeedFlow = defineFeedFlow({
  feed: REFERENCE_FEED,
  system: 'xconnector',
  // After the partner directory (order 0): a record's partner should be known by the time it is read.
  order: 2,
  fetch: (ports) => ports.xconnector.referenceDataFeed,
  parse: parseReferenceRecord,
  apply(record, ctx) {
    // A released quarantine item may be an older version than the one stored: the store keeps the
    // newer, and the decision below is always taken on what is stored.
    ctx.store.referenceData.recordSource(record, ctx.now);
    const current = ctx.store.referenceData.get(record.kind, record.key);
    if (current) pushIfChanged(current, ctx);
  },
});

function pushIfChanged(current: StoredReference, ctx: FlowContext): void {
  const refs = ctx.store.referenceData;
  if (current.deleted) {
    refs.setCurrent(
      current.kind,
      current.key,
      { held: false, partnerCode: null, contentHash: null },
      ctx.now,
    );
    // Only what Trading Grid may hold needs deleting there; a record never pushed has nothing to undo.
    if (current.pushed !== null && current.pushed !== PUSHED_DELETE)
      enqueueDelete(ctx, current.kind, current.key);
    return;
  }
  const route = ctx.store.directory.routeFor(current.partnerId);
  if (!route) {
    refs.setCurrent(current.kind, current.key, { held: true, partnerCode: null, contentHash: null }, ctx.now);
    ctx.quarantine({
      feed: REFERENCE_FEED,
      itemId: `${current.kind}:${current.key}`,
      reasonKind: 'unknown_partner',
      reason: `Reference record ${current.kind} ${current.key} was not sent to Trading Grid: xConnector names no partner "${current.partnerId}". It will be sent once the partner directory knows the partner.`,
      payload: asRecord(current),
    });
    return;
  }
  const hash = contentHash({
    kind: current.kind,
    key: current.key,
    partnerCode: route.partnerCode,
    data: current.data,
  });
  refs.setCurrent(
    current.kind,
    current.key,
    { held: false, partnerCode: route.partnerCode, contentHash: hash },
    ctx.now,
  );
  // The feed re-sends records that did not change (and xConnector touches records without editing
  // them): the same content as last pushed is not pushed again.
  if (current.pushed === hash) return;
  enqueueUpsert(ctx, {
    kind: current.kind,
    key: current.key,
    partnerCode: route.partnerCode,
    data: current.data,
    contentHash: hash,
  });
}

/** The stored record in the feed's own shape, as the quarantine keeps it for a later release. */
function asRecord(r: StoredReference): ReferenceRecord {
  return {
    kind: r.kind,
    key: r.key,
    partnerId: r.partnerId,
    deleted: r.deleted,
    updatedAt: new Date(r.sourceUpdatedMs).toISOString(),
    data: r.data,
  } as ReferenceRecord;
}
