// Items quarantined because their partner was unknown are tried again once the partner directory
// has changed. An item released here goes through its flow exactly as if it had just arrived.
import type { AnyFeedFlow } from '../flows/feedFlow.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { Store } from '../store/store.ts';
import type { Logger } from '../logging/logger.ts';

export function releaseUnknownPartners(
  store: Store,
  unit: UnitOfWork,
  flows: AnyFeedFlow[],
  logger: Logger,
): number {
  const byFeed = new Map(flows.map((f) => [f.feed, f]));
  let released = 0;
  let offset = 0;
  for (;;) {
    const batch = store.quarantine.open({ reasonKind: 'unknown_partner', limit: 500, offset });
    let progressed = 0;
    for (const entry of batch) {
      const flow = byFeed.get(entry.feed);
      if (!flow) continue;
      const done = unit.run((ctx) => {
        let stillUnknown = false;
        // The item is already quarantined for this reason: a repeat is only a signal to keep it there.
        const retry = { ...ctx, quarantine: () => void (stillUnknown = true) };
        // The payload is the typed value the flow itself parsed before quarantining it.
        const applied = ctx.isolated(() => flow.apply(JSON.parse(entry.payload) as never, retry));
        if (!applied.ok) {
          logger.error({ quarantineId: entry.id, err: applied.error }, 'released item could not be applied');
          return false;
        }
        if (stillUnknown) return false;
        return ctx.store.quarantine.release(entry.id, ctx.now);
      });
      if (done) progressed++;
    }
    released += progressed;
    // Entries still unknown stay in the list; step over them.
    offset += batch.length - progressed;
    if (batch.length < 500) break;
  }
  if (released > 0)
    logger.info({ released }, 'quarantined items released after the partner directory changed');
  return released;
}
