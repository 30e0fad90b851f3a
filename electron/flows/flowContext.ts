// What a flow may do while it applies one item: read and write the store, enqueue remote writes,
// quarantine, and announce events. All of it happens inside one SQLite transaction; events are held
// back until that transaction has committed, so nobody hears of a change that was rolled back.
import type { Store } from '../store/store.ts';
import type { NewOutboxEntry } from '../store/outboxStore.ts';
import type { QuarantineReasonKind } from '../store/quarantine.ts';
import type { EngineEvents } from '../engine/events.ts';
import type { Mappings } from '../../shared/config/mappings.ts';

export interface FlowContext {
  readonly now: number;
  readonly store: Store;
  readonly mappings: Mappings;
  /** Returns true when the write is new (its idempotency key was never enqueued before). */
  enqueue(entry: NewOutboxEntry): boolean;
  quarantine(q: {
    feed: string;
    itemId: string | null;
    reasonKind: QuarantineReasonKind;
    reason: string;
    payload: unknown;
  }): void;
  emit<K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]): void;
  /** Runs `work` so that if it throws, its writes and announcements are undone and the rest stand. */
  isolated<T>(work: () => T): { ok: true; value: T } | { ok: false; error: unknown };
}

export interface UnitOfWork {
  /** Runs `work` in one transaction and then publishes what it announced. */
  run<T>(work: (ctx: FlowContext) => T, options?: { durable?: boolean }): T;
}

export interface UnitOfWorkDeps {
  store: Store;
  mappings: Mappings;
  now: () => number;
  publish: <K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]) => void;
  /** Counters kept for the run (demo summary, benchmarks). */
  onEnqueued?: (entry: NewOutboxEntry) => void;
  onQuarantined?: (reasonKind: QuarantineReasonKind) => void;
}

export function createUnitOfWork(deps: UnitOfWorkDeps): UnitOfWork {
  return {
    run<T>(work: (ctx: FlowContext) => T, options?: { durable?: boolean }): T {
      const pending: Array<() => void> = [];
      const ctx: FlowContext = {
        now: deps.now(),
        store: deps.store,
        mappings: deps.mappings,
        enqueue(entry) {
          const added = deps.store.outbox.enqueue(entry, ctx.now);
          if (added && deps.onEnqueued) pending.push(() => deps.onEnqueued?.(entry));
          return added;
        },
        quarantine(q) {
          if (deps.store.quarantine.add(q, ctx.now)) {
            pending.push(() => deps.onQuarantined?.(q.reasonKind));
            ctx.emit('quarantined', {
              feed: q.feed,
              itemId: q.itemId,
              reasonKind: q.reasonKind,
              reason: q.reason,
            });
          }
        },
        emit(event, payload) {
          pending.push(() => deps.publish(event, payload));
        },
        isolated(work) {
          const mark = pending.length;
          const r = deps.store.isolated(work);
          if (!r.ok) pending.length = mark;
          return r;
        },
      };
      const result = deps.store.transaction(() => work(ctx), options);
      for (const p of pending) p();
      return result;
    },
  };
}
