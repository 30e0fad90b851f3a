// Delivers the outbox: at least once, applied exactly once, in order per ordering key, retried with
// backoff, and moved to the dead-letter list with its reason after the last attempt.
import { retryWait } from '../http/backoff.ts';
import { createGroupCommit } from './groupCommit.ts';
import type { Store } from '../store/store.ts';
import type { OutboxEntry, RemoteSystem } from '../store/outboxStore.ts';
import type { UnitOfWork } from '../flows/flowContext.ts';
import type { HealthTracker, SystemName } from './health.ts';
import type { DeliveryDeps, OutboxOperation } from './outboxOperation.ts';
import type { EngineEvents } from '../engine/events.ts';
import type { Logger } from '../logging/logger.ts';
import type { RemoteError } from '../engine/ports.ts';

export interface OutboxPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  concurrency: number;
}

export interface OutboxDeliveryDeps extends DeliveryDeps {
  store: Store;
  unit: UnitOfWork;
  health: HealthTracker;
  operations: OutboxOperation[];
  policy: OutboxPolicy;
  now: () => number;
  random?: () => number;
  logger: Logger;
  publish: <K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]) => void;
  onDelivered?: (entry: OutboxEntry, recovered: boolean) => void;
  onDeadLettered?: (entry: OutboxEntry) => void;
}

const REMOTE_SYSTEMS: SystemName[] = ['xconnector', 'trading-grid'];

export function createOutboxDelivery(deps: OutboxDeliveryDeps) {
  const ops = new Map(deps.operations.map((o) => [o.operation, o]));
  const inFlightKeys = new Set<string>();
  const random = deps.random ?? Math.random;
  const commit = createGroupCommit(deps.unit);
  // The attempt record before a create leaves must survive even a power loss (see store/database.ts).
  const durableCommit = createGroupCommit(deps.unit, { durable: true });

  const availableSystems = (): RemoteSystem[] => [
    'desktop',
    ...REMOTE_SYSTEMS.filter((s) => deps.health.available(s, deps.now())),
  ];

  async function deliverOne(entry: OutboxEntry): Promise<void> {
    const op = ops.get(entry.operation);
    if (!op) {
      deadLetter(
        entry,
        `No handler for outbox operation "${entry.operation}" in this version of Partner Desk.`,
      );
      return;
    }
    // Durable before the request leaves: after a crash the next attempt knows to look the object up.
    if (op.lookupBeforeRetry)
      await durableCommit.run((ctx) => ctx.store.outbox.recordAttempt(entry.id, ctx.now));
    let result;
    try {
      result = await op.deliver(entry, entry.attempts + entry.priorAttempts, deps);
    } catch (error) {
      result = { ok: false as const, error: unexpected(error) };
    }
    if (result.ok) {
      const delivered = result.value;
      const applied = await commit.run((ctx) => {
        if (!ctx.store.outbox.markDone(entry.id, delivered.remoteId, ctx.now)) return false;
        op.onDelivered?.(entry, delivered, ctx);
        return true;
      });
      if (op.system !== 'desktop') deps.health.success(op.system, deps.now());
      if (applied) {
        deps.onDelivered?.(entry, delivered.recovered);
        deps.publish('delivered', {
          outboxId: entry.id,
          operation: entry.operation,
          system: entry.system,
          remoteId: delivered.remoteId,
          recovered: delivered.recovered,
        });
      }
      return;
    }
    const error = result.error;
    await commit.run(() => handleFailure(entry, op, error));
  }

  function handleFailure(entry: OutboxEntry, op: OutboxOperation, error: RemoteError): void {
    const now = deps.now();
    if (!op.lookupBeforeRetry) deps.store.outbox.recordAttempt(entry.id, now);
    const attempt = entry.attempts + 1;
    const systemWide = ['network', 'timeout', 'server', 'rate_limited', 'unauthorized', 'forbidden'].includes(
      error.kind,
    );
    if (op.system !== 'desktop' && systemWide) deps.health.failure(op.system, error, now);
    if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
      // Not the entry's fault: wait for credentials without spending its attempts toward the dead-letter list.
      deps.store.outbox.reschedule(entry.id, now + deps.policy.retryBaseMs, error.message, now);
      return;
    }
    if (!error.retryable && !error.maybeApplied) {
      deadLetter(entry, error.message);
      return;
    }
    if (attempt >= deps.policy.maxAttempts) {
      deadLetter(entry, `Gave up after ${attempt} attempts. Last error: ${error.message}`);
      return;
    }
    const wait = retryWait(
      attempt - 1,
      { backoffBaseMs: deps.policy.retryBaseMs, backoffMaxMs: deps.policy.retryMaxMs },
      error.retryAfterMs,
      random,
    );
    deps.store.outbox.reschedule(entry.id, now + wait, error.message, now);
    deps.logger.warn(
      { outboxId: entry.id, operation: entry.operation, attempt, inMs: wait, kind: error.kind },
      'remote write failed; will retry',
    );
    deps.publish('retryScheduled', {
      outboxId: entry.id,
      operation: entry.operation,
      attempt,
      inMs: wait,
      error: error.message,
    });
  }

  function deadLetter(entry: OutboxEntry, reason: string): void {
    if (!deps.store.outbox.markDead(entry.id, reason, deps.now())) return;
    deps.logger.error({ outboxId: entry.id, operation: entry.operation }, `dead-lettered: ${reason}`);
    deps.onDeadLettered?.(entry);
    deps.publish('deadLettered', { outboxId: entry.id, operation: entry.operation, reason });
  }

  return {
    /**
     * Delivers everything due now, `policy.concurrency` at a time and never two of one ordering key at
     * once. Returns how many entries were attempted; 0 means nothing was due.
     */
    async drain(signal?: AbortSignal): Promise<number> {
      let attempted = 0;
      const queue: OutboxEntry[] = [];
      const seen = new Set<number>();
      let exhausted = false;
      const refill = () => {
        if (exhausted) return;
        const batch = deps.store.outbox.due(deps.now(), availableSystems(), deps.policy.concurrency * 8);
        const fresh = batch.filter((e) => !seen.has(e.id) && !inFlightKeys.has(e.orderingKey));
        if (fresh.length === 0 && batch.every((e) => seen.has(e.id))) exhausted = true;
        for (const e of fresh) if (!queue.some((q) => q.orderingKey === e.orderingKey)) queue.push(e);
      };
      const worker = async () => {
        while (!signal?.aborted) {
          if (queue.length === 0) refill();
          const entry = queue.shift();
          if (!entry) {
            if (exhausted || inFlightKeys.size === 0) return;
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          if (inFlightKeys.has(entry.orderingKey)) continue;
          if (!availableSystems().includes(entry.system)) continue;
          seen.add(entry.id);
          inFlightKeys.add(entry.orderingKey);
          attempted++;
          try {
            await deliverOne(entry);
          } finally {
            inFlightKeys.delete(entry.orderingKey);
          }
        }
      };
      await Promise.all(Array.from({ length: deps.policy.concurrency }, worker));
      return attempted;
    },
  };
}

function unexpected(error: unknown): RemoteError {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    message: `Unexpected error while delivering: ${message}`,
    retryable: true,
    maybeApplied: true,
  };
}
