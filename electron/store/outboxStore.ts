// The durable outbox's table. Writes are enqueued in the same transaction as the state change that
// causes them; the delivery loop (electron/sync/outboxDelivery.ts) reads due entries from here.
import type { Db } from './database.ts';

export type RemoteSystem = 'trading-grid' | 'xconnector' | 'desktop';
export type OutboxState = 'pending' | 'done' | 'dead' | 'discarded';

export interface NewOutboxEntry {
  idempotencyKey: string;
  correlationRef: string;
  system: RemoteSystem;
  operation: string;
  /** Entries sharing an ordering key (one case) are delivered strictly one after another, in order. */
  orderingKey: string;
  payload: unknown;
}

export interface OutboxEntry extends Omit<NewOutboxEntry, 'payload'> {
  id: number;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  /** Attempts made before the last manual retry of a dead letter. */
  priorAttempts: number;
  /** Of `attempts`, those made while the system could not be reached: they do not count toward giving up. */
  unreachableAttempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  remoteId: string | null;
  createdAt: number;
  updatedAt: number;
}

type Row = Omit<OutboxEntry, 'payload'> & { payload: string };

const columns = `id, idempotency_key AS idempotencyKey, correlation_ref AS correlationRef, system, operation,
  ordering_key AS orderingKey, payload, state, attempts, prior_attempts AS priorAttempts, unreachable_attempts AS unreachableAttempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  remote_id AS remoteId, created_at AS createdAt, updated_at AS updatedAt`;

function toEntry(row: Row): OutboxEntry {
  return { ...row, payload: JSON.parse(row.payload) as unknown };
}

export function createOutboxStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox (idempotency_key, correlation_ref, system, operation, ordering_key, payload, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  // Only the head of each ordering key may go: an earlier pending or dead entry holds the rest back.
  const due = db.prepare(
    `SELECT ${columns} FROM outbox o
     WHERE o.state = 'pending' AND o.next_attempt_at <= ?
       AND o.system IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key
                       AND p.state IN ('pending', 'dead') AND p.id < o.id)
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  );
  const byId = db.prepare(`SELECT ${columns} FROM outbox WHERE id = ?`);
  const byKey = db.prepare(`SELECT ${columns} FROM outbox WHERE idempotency_key = ?`);
  const attempt = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const done = db.prepare(
    `UPDATE outbox SET state = 'done', remote_id = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const reschedule = db.prepare(
    `UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const dead = db.prepare(
    `UPDATE outbox SET state = 'dead', last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const unreachable = db.prepare(
    `UPDATE outbox SET unreachable_attempts = unreachable_attempts + 1 WHERE id = ? AND state = 'pending'`,
  );
  const retryDead = db.prepare(
    `UPDATE outbox SET state = 'pending', prior_attempts = prior_attempts + attempts, attempts = 0, unreachable_attempts = 0, next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state = 'dead'`,
  );
  const discard = db.prepare(
    `UPDATE outbox SET state = 'discarded', updated_at = ? WHERE id = ? AND state = 'dead'`,
  );
  const counts = db.prepare(`SELECT state, COUNT(*) AS n FROM outbox GROUP BY state`);
  const deadList = db.prepare(
    `SELECT ${columns} FROM outbox WHERE state = 'dead' ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const nextDue = db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE state = 'pending'`);

  return {
    /** Returns true when the entry is new; false when this idempotency key was enqueued before. */
    enqueue(e: NewOutboxEntry, now: number): boolean {
      const r = insert.run(
        e.idempotencyKey,
        e.correlationRef,
        e.system,
        e.operation,
        e.orderingKey,
        JSON.stringify(e.payload),
        now,
        now,
        now,
      );
      return r.changes > 0;
    },
    due(now: number, systems: RemoteSystem[], limit: number): OutboxEntry[] {
      return (due.all(now, JSON.stringify(systems), limit) as unknown as Row[]).map(toEntry);
    },
    get(id: number): OutboxEntry | undefined {
      const row = byId.get(id) as Row | undefined;
      return row && toEntry(row);
    },
    getByKey(key: string): OutboxEntry | undefined {
      const row = byKey.get(key) as Row | undefined;
      return row && toEntry(row);
    },
    /** Recorded durably BEFORE the request goes out, so after a crash we know it may have been applied. */
    recordAttempt(id: number, now: number): void {
      attempt.run(now, id);
    },
    /** The attempt just made found its system unreachable. */
    recordUnreachable(id: number): void {
      unreachable.run(id);
    },
    markDone(id: number, remoteId: string | null, now: number): boolean {
      return done.run(remoteId, now, id).changes > 0;
    },
    reschedule(id: number, nextAttemptAt: number, error: string, now: number): void {
      reschedule.run(nextAttemptAt, error, now, id);
    },
    markDead(id: number, reason: string, now: number): boolean {
      return dead.run(reason, now, id).changes > 0;
    },
    retryDead(id: number, now: number): boolean {
      return retryDead.run(now, now, id).changes > 0;
    },
    discardDead(id: number, now: number): boolean {
      return discard.run(now, id).changes > 0;
    },
    counts(): Record<OutboxState, number> {
      const out: Record<OutboxState, number> = { pending: 0, done: 0, dead: 0, discarded: 0 };
      for (const row of counts.all() as { state: OutboxState; n: number }[]) out[row.state] = row.n;
      return out;
    },
    deadLetters(limit = 100, offset = 0): OutboxEntry[] {
      return (deadList.all(limit, offset) as unknown as Row[]).map(toEntry);
    },
    nextDueAt(): number | null {
      return (nextDue.get() as { t: number | null }).t;
    },
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
