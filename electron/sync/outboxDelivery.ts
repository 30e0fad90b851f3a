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
  // Attempts recorded ahead of their send, with the promise of their commit reaching the disk.
  const recordedAhead = new Map<number, Promise<void>>();

  const availableSystems = (): RemoteSystem[] => [
    'desktop',
    ...REMOTE_SYSTEMS.filter((s) => deps.health.available(s, deps.now())),
  ];

  /**
   * Makes the attempt record of `entry` survive even a power loss before its create leaves (see
   * store/walSync.ts). One sync to disk costs milliseconds, so the records of the next creates waiting
   * in the queue are written in the same commit and covered by the same sync (up to four rounds of the
   * workers): they are about to be sent. Recording an attempt that is then not sent (the engine stops,
   * the system goes down mid-drain) only makes its next attempt look the object up first, and spends one
   * of its attempts.
   */
  async function recordAttempt(entry: OutboxEntry, upcoming: readonly OutboxEntry[]): Promise<void> {
    const ahead = recordedAhead.get(entry.id);
    if (ahead) {
      recordedAhead.delete(entry.id);
      return ahead;
    }
    const window = upcoming
      .filter((e) => ops.get(e.operation)?.lookupBeforeRetry && !recordedAhead.has(e.id))
      .slice(0, deps.policy.concurrency * 4 - 1);
    const written = commit
      .run((ctx) => {
        for (const e of [entry, ...window]) ctx.store.outbox.recordAttempt(e.id, ctx.now);
      })
      .then(() => deps.store.syncToDisk());
    // Awaited by each entry when its turn comes; never left unhandled meanwhile.
    written.catch(() => {});
    for (const e of window) recordedAhead.set(e.id, written);
    return written;
  }

  async function deliverOne(entry: OutboxEntry, upcoming: readonly OutboxEntry[]): Promise<void> {
    const op = ops.get(entry.operation);
    if (!op) {
      deadLetter(
        entry,
        `No handler for outbox operation "${entry.operation}" in this version of Partner Desk.`,
      );
      return;
    }
    // Durable before the request leaves: after a crash the next attempt knows to look the object up.
    if (op.lookupBeforeRetry) await recordAttempt(entry, upcoming);
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
    // The system could not be reached: not the entry's fault, so it does not count toward giving up
    // (an outage of any length must drain, not die); the system's health backoff bounds how often
    // such attempts are made.
    const unreachable = error.kind === 'network' || error.kind === 'timeout';
    if (unreachable) deps.store.outbox.recordUnreachable(entry.id);
    const counted = attempt - entry.unreachableAttempts - (unreachable ? 1 : 0);
    if (!unreachable && counted >= deps.policy.maxAttempts) {
      deadLetter(entry, `Gave up after ${attempt} attempts. Last error: ${error.message}`);
      return;
    }
    // An unreachable system's entries wait for its next probe window, not for their own growing backoff:
    // when it answers again the backlog goes at once instead of minutes later.
    const wait =
      unreachable && op.system !== 'desktop'
        ? Math.max(0, (deps.health.get(op.system).backoffUntil ?? now) - now)
        : retryWait(
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
      // This drain's own deliveries in flight (another drain may run beside it, e.g. "sync now").
      let inFlightHere = 0;
      // Workers with nothing to take wait for a delivery to finish: it may have enqueued a follow-up
      // (the link after a create), which this drain then delivers instead of the next one.
      let waiting: (() => void)[] = [];
      const deliveryFinished = () => new Promise<void>((resolve) => waiting.push(resolve));
      const wakeWaiting = () => {
        const woken = waiting;
        waiting = [];
        for (const wake of woken) wake();
      };
      const refill = () => {
        const batch = deps.store.outbox.due(deps.now(), availableSystems(), deps.policy.concurrency * 8);
        const fresh = batch.filter((e) => !seen.has(e.id) && !inFlightKeys.has(e.orderingKey));
        for (const e of fresh) if (!queue.some((q) => q.orderingKey === e.orderingKey)) queue.push(e);
      };
      const worker = async () => {
        while (!signal?.aborted) {
          if (queue.length === 0) refill();
          const entry = queue.shift();
          if (!entry) {
            if (inFlightHere === 0) return;
            await deliveryFinished();
            continue;
          }
          if (inFlightKeys.has(entry.orderingKey)) continue;
          if (!availableSystems().includes(entry.system)) continue;
          seen.add(entry.id);
          inFlightKeys.add(entry.orderingKey);
          attempted++;
          inFlightHere++;
          try {
            await deliverOne(entry, queue);
          } finally {
            inFlightHere--;
            inFlightKeys.delete(entry.orderingKey);
            wakeWaiting();
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
