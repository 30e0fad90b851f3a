// What happened on a case, in order, from either side. Each event has a stable key so that reading the
// same change twice (a repeated feed page, an echo) records it once.
import type { Db } from './database.ts';

export type CaseEventKind =
  'opened' | 'comment' | 'status' | 'escalation' | 'conflict' | 'document' | 'sync' | 'sla';
export type CaseEventOrigin = 'xconnector' | 'trading-grid' | 'desk' | 'engine';

export interface CaseEvent {
  id: number;
  caseId: string;
  eventKey: string;
  kind: CaseEventKind;
  origin: CaseEventOrigin;
  at: number;
  summary: string;
  detail: Record<string, unknown>;
}

type Row = Omit<CaseEvent, 'detail'> & { detail: string };

export function createCaseTimelineStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO case_events (case_id, event_key, kind, origin, at, summary, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (case_id, event_key) DO NOTHING`,
  );
  const list = db.prepare(
    `SELECT id, case_id AS caseId, event_key AS eventKey, kind, origin, at, summary, detail
     FROM case_events WHERE case_id = ? ORDER BY at, id LIMIT ? OFFSET ?`,
  );
  return {
    /** Returns true when the event is new. */
    add(e: Omit<CaseEvent, 'id' | 'detail'> & { detail?: Record<string, unknown> }): boolean {
      return (
        insert.run(
          e.caseId,
          e.eventKey,
          e.kind,
          e.origin,
          e.at,
          e.summary.slice(0, 2000),
          JSON.stringify(e.detail ?? {}),
        ).changes > 0
      );
    },
    list(caseId: string, limit = 500, offset = 0): CaseEvent[] {
      return (list.all(caseId, limit, offset) as unknown as Row[]).map((r) => ({
        ...r,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },
  };
}
export type CaseTimelineStore = ReturnType<typeof createCaseTimelineStore>;
