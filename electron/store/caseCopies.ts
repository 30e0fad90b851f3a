// What Partner Desk wrote on either side of a case (comments, status updates, steps), by the
// correlation reference stored on the remote object. When one of them comes back in a feed, this is
// how the engine knows it is its own copy and must not copy it back.
import type { Db } from './database.ts';

export type CopyKind = 'comment' | 'status' | 'step';
export type CopySystem = 'xconnector' | 'trading-grid';

export function createCaseCopyStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO case_copies (correlation_ref, case_id, kind, source, target_system, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (correlation_ref) DO NOTHING`,
  );
  const delivered = db.prepare('UPDATE case_copies SET target_id = ? WHERE correlation_ref = ?');
  const byRef = db.prepare('SELECT 1 FROM case_copies WHERE correlation_ref = ?');
  const byTarget = db.prepare('SELECT 1 FROM case_copies WHERE target_system = ? AND target_id = ?');
  return {
    /** Recorded when the write is enqueued. Returns true when it is new. */
    record(
      c: { correlationRef: string; caseId: string; kind: CopyKind; source: string; targetSystem: CopySystem },
      now: number,
    ): boolean {
      return insert.run(c.correlationRef, c.caseId, c.kind, c.source, c.targetSystem, now).changes > 0;
    },
    delivered(correlationRef: string, targetId: string): void {
      delivered.run(targetId, correlationRef);
    },
    /** True when this remote object is one Partner Desk wrote (by its reference, or by its id). */
    isOurs(system: CopySystem, remoteId: string, correlationRef: string | null): boolean {
      if (correlationRef !== null && byRef.get(correlationRef) !== undefined) return true;
      return byTarget.get(system, remoteId) !== undefined;
    },
  };
}
export type CaseCopyStore = ReturnType<typeof createCaseCopyStore>;
