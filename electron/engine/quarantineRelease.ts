// Quarantined items are tried again once their cause may be gone: unknown-partner items after the
// partner directory changed, unmapped-status items when the engine starts (the mappings are settings,
// and the app builds a new engine whenever they change). One function for every reason: each flow says
// how its items are tried again (FeedFlow.retryQuarantined); an item released here goes through its
// flow exactly as if it had just arrived, and one whose cause remains stays where it is.
//
// Trying every open unmapped-status item at each start, rather than keeping a fingerprint of the
// mappings, costs one mapping lookup per such item, and cannot miss a change made by any path.
import type { AnyFeedFlow, QuarantineRetry } from '../flows/feedFlow.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { QuarantineReasonKind } from '../store/quarantine.ts';
import type { Store } from '../store/store.ts';
import type { Logger } from '../logging/logger.ts';

const BATCH = 500;

const why: Record<QuarantineReasonKind, string> = {
  unknown_partner: 'the partner directory changed',
  unmapped_status: 'the status mappings may have changed',
  malformed: 'the field mappings may have changed',
};

/** How one flow's items quarantined for this reason are tried again. */
function retryOf(flow: AnyFeedFlow, reasonKind: QuarantineReasonKind): QuarantineRetry {
  const own = flow.retryQuarantined?.[reasonKind];
  if (own) return own;
  // An unknown partner is found while applying: the payload is the item the flow itself parsed.
  if (reasonKind === 'unknown_partner') return (payload, ctx) => flow.apply(payload as never, ctx);
  // Anything else was refused while parsing: the payload is the raw item, parsed again here.
  return (payload, ctx) => {
    const parsed = flow.parse(payload, ctx.mappings);
    if (parsed.ok) flow.apply(parsed.value as never, ctx);
    else ctx.quarantine({ feed: flow.feed, itemId: null, reasonKind, reason: parsed.reason, payload });
  };
}

/** Tries every open item quarantined for `reasonKind` again; returns how many were released. */
export function releaseQuarantined(
  store: Store,
  unit: UnitOfWork,
  flows: AnyFeedFlow[],
  reasonKind: QuarantineReasonKind,
  logger: Logger,
): number {
  const retries = new Map(flows.map((f) => [f.feed, retryOf(f, reasonKind)]));
  let released = 0;
  let offset = 0;
  for (;;) {
    // In the order they were quarantined, so two released steps of one case keep their order.
    const batch = store.quarantine.open({ reasonKind, limit: BATCH, offset });
    let progressed = 0;
    for (const entry of batch) {
      const retry = retries.get(entry.feed);
      if (!retry) continue;
      const done = unit.run((ctx) => {
        let stillBlocked = false;
        // The item is already quarantined for this reason: a repeat is only a signal to keep it there.
        const again = { ...ctx, quarantine: () => void (stillBlocked = true) };
        const applied = ctx.isolated(() => retry(JSON.parse(entry.payload) as unknown, again));
        if (!applied.ok) {
          logger.error({ quarantineId: entry.id, err: applied.error }, 'released item could not be applied');
          return false;
        }
        if (stillBlocked) return false;
        return ctx.store.quarantine.release(entry.id, ctx.now);
      });
      if (done) progressed++;
    }
    released += progressed;
    // Entries still blocked stay in the list; step over them.
    offset += batch.length - progressed;
    if (batch.length < BATCH) break;
  }
  if (released > 0) logger.info({ released, reasonKind }, `quarantined items released: ${why[reasonKind]}`);
  return released;
}
