// Reads one feed from its cursor to the end. Each page is applied in one transaction together with
// the cursor it advances to, so a crash at any moment neither skips nor repeats a page's effects.
// One bad item never blocks the feed: it is quarantined with its reason and the page goes on.
import type { AnyFeedFlow } from '../flows/feedFlow.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { Ports, RemoteError } from '../engine/ports.ts';
import type { Store } from '../store/store.ts';
import type { HealthTracker } from './health.ts';
import type { Logger } from '../logging/logger.ts';

export interface PollOutcome {
  feed: string;
  pages: number;
  items: number;
  error?: RemoteError;
  /** False when the system is backing off and the feed was not read. */
  attempted: boolean;
}

export interface PollDeps {
  store: Store;
  ports: Ports;
  unit: UnitOfWork;
  health: HealthTracker;
  now: () => number;
  pageSize: number;
  logger: Logger;
  /** Upper bound on pages per call, so one huge backlog cannot starve the other feeds. */
  maxPages?: number;
  signal?: AbortSignal;
}

export async function pollFeed(flow: AnyFeedFlow, deps: PollDeps): Promise<PollOutcome> {
  const outcome: PollOutcome = { feed: flow.feed, pages: 0, items: 0, attempted: false };
  const maxPages = deps.maxPages ?? 50;
  while (outcome.pages < maxPages && !deps.signal?.aborted) {
    if (!deps.health.available(flow.system, deps.now())) return outcome;
    outcome.attempted = true;
    const since = deps.store.cursors.get(flow.feed);
    const result = await flow.fetch(deps.ports)(since, deps.pageSize);
    if (!result.ok) {
      deps.health.failure(flow.system, result.error, deps.now());
      deps.logger.warn({ feed: flow.feed, kind: result.error.kind }, result.error.message);
      return { ...outcome, error: result.error };
    }
    deps.health.success(flow.system, deps.now());
    const page = result.value;
    deps.unit.run((ctx) => {
      for (const raw of page.items) {
        const parsed = flow.parse(raw, ctx.mappings);
        if (!parsed.ok) {
          ctx.quarantine({
            feed: flow.feed,
            itemId: parsed.itemId ?? null,
            reasonKind: parsed.reasonKind ?? 'malformed',
            reason: parsed.reason,
            payload: raw,
          });
          continue;
        }
        const applied = ctx.isolated(() => flow.apply(parsed.value, ctx));
        if (!applied.ok) {
          const message = applied.error instanceof Error ? applied.error.message : String(applied.error);
          deps.logger.error(
            { feed: flow.feed, err: applied.error },
            'item could not be applied; quarantined',
          );
          ctx.quarantine({
            feed: flow.feed,
            itemId: idOf(raw),
            reasonKind: 'malformed',
            reason: `Partner Desk could not process this item: ${message}`,
            payload: raw,
          });
        }
      }
      ctx.store.cursors.set(flow.feed, page.nextCursor, ctx.now);
    });
    outcome.pages++;
    outcome.items += page.items.length;
    if (!page.hasMore || page.items.length === 0) break;
  }
  return outcome;
}

function idOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' && raw.id.length <= 128)
    return raw.id;
  return null;
}
