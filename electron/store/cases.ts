// The desk's cases. Flow 1 opens one per xConnector exception and links it to its Trading Grid issue.
import type { Db } from './database.ts';
import { createInboxQueries, memoUntilWrite, type CaseQuery } from './casesInbox.ts';

export { toSearchQuery, type CaseQuery } from './casesInbox.ts';

export interface CaseRecord {
  id: string;
  /** exception: flow 1; internal-case: an xConnector internal case (flow 7); partner: a partner opened it in Trading Grid. */
  origin: 'exception' | 'internal-case' | 'partner';
  partnerId: string;
  communityId: string | null;
  exceptionId: string | null;
  tgIssueId: string | null;
  title: string;
  type: string;
  status: string;
  priority: string;
  slaState: string;
  slaDueAt: number | null;
  payload: unknown;
  createdAt: number;
  updatedAt: number;
}

type Row = Omit<CaseRecord, 'payload'> & { payload: string };

const columns = `id, origin, partner_id AS partnerId, community_id AS communityId, exception_id AS exceptionId,
  tg_issue_id AS tgIssueId, title, type, status, priority, sla_state AS slaState, sla_due_at AS slaDueAt, payload,
  created_at AS createdAt, updated_at AS updatedAt`;

const toRecord = (row: Row): CaseRecord => ({ ...row, payload: JSON.parse(row.payload) as unknown });

/** SLA-state counts of cases not in a closed status; answered from the (sla_state, status) index. */
export const OPEN_COUNTS_BY_SLA_STATE_SQL =
  'SELECT sla_state AS k, COUNT(*) AS n FROM cases WHERE status NOT IN (SELECT value FROM json_each(?)) GROUP BY sla_state';

export function createCaseStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO cases (id, origin, partner_id, community_id, exception_id, title, type, status, priority, payload, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  // The search index is keyed by the case's rowid (migration 9): a hit is its case's row.
  const insertSearch = db.prepare('INSERT INTO cases_search (rowid, text) VALUES (?, ?)');
  const updateDetails = db.prepare(
    'UPDATE cases SET title = ?, priority = ?, payload = ?, updated_at = ? WHERE id = ?',
  );
  const linkIssue = db.prepare(
    'UPDATE cases SET tg_issue_id = ?, community_id = ?, updated_at = ? WHERE id = ?',
  );
  const setStatus = db.prepare(
    'UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status IS NOT ?',
  );
  const byId = db.prepare(`SELECT ${columns} FROM cases WHERE id = ?`);
  const byException = db.prepare(`SELECT ${columns} FROM cases WHERE exception_id = ?`);
  const count = db.prepare('SELECT COUNT(*) AS n FROM cases');
  const countsBy = {
    status: db.prepare('SELECT status AS k, COUNT(*) AS n FROM cases GROUP BY status'),
    sla_state: db.prepare('SELECT sla_state AS k, COUNT(*) AS n FROM cases GROUP BY sla_state'),
    type: db.prepare('SELECT type AS k, COUNT(*) AS n FROM cases GROUP BY type'),
  };
  const openBySlaState = db.prepare(OPEN_COUNTS_BY_SLA_STATE_SQL);
  const inbox = createInboxQueries<Row>(db, columns);
  const counted = memoUntilWrite(db);

  return {
    /** Returns true when the case is new. */
    open(
      c: Omit<CaseRecord, 'tgIssueId' | 'slaState' | 'slaDueAt' | 'createdAt' | 'updatedAt'> & {
        searchText: string;
      },
      now: number,
    ): boolean {
      const r = insert.run(
        c.id,
        c.origin,
        c.partnerId,
        c.communityId,
        c.exceptionId,
        c.title,
        c.type,
        c.status,
        c.priority,
        JSON.stringify(c.payload),
        now,
        now,
      );
      // lastInsertRowid is this insert's, even when a trigger on cases inserted rows of its own.
      if (r.changes > 0) insertSearch.run(r.lastInsertRowid, c.searchText);
      return r.changes > 0;
    },
    updateDetails(id: string, d: { title: string; priority: string; payload: unknown }, now: number): void {
      updateDetails.run(d.title, d.priority, JSON.stringify(d.payload), now, id);
    },
    linkIssue(id: string, issueId: string, communityId: string, now: number): boolean {
      return linkIssue.run(issueId, communityId, now, id).changes > 0;
    },
    /**
     * Sets the case's status as of `at` (when it changed at its source). Returns false when the case is
     * unknown or already has that status. The SLA clock hears of it by trigger (migration 4): the
     * configured waiting status (default 'waiting_on_partner') pauses it, a resolved status stops it.
     */
    setStatus(id: string, status: string, at: number): boolean {
      return setStatus.run(status, at, id, status).changes > 0;
    },
    get(id: string): CaseRecord | undefined {
      const row = byId.get(id) as Row | undefined;
      return row && toRecord(row);
    },
    byExceptionId(exceptionId: string): CaseRecord | undefined {
      const row = byException.get(exceptionId) as Row | undefined;
      return row && toRecord(row);
    },
    count(): number {
      return counted('count', () => (count.get() as { n: number }).n);
    },
    /** Inbox query (casesInbox.ts): filtered, searched, sorted by SLA due time, soonest first. */
    list(q: CaseQuery): CaseRecord[] {
      return inbox.page(q).map(toRecord);
    },
    /** How many cases the same filters match (for the inbox's count line). */
    countMatching(q: CaseQuery): number {
      const filters = [q.partnerId, q.status, q.slaState, q.type, q.text].map((v) => v ?? '');
      return counted(`matching:${JSON.stringify(filters)}`, () => inbox.count(q));
    },
    /** Counts per value of one column, for the inbox's filter chips. */
    countsBy(column: 'status' | 'sla_state' | 'type'): Record<string, number> {
      const counts = counted(`by:${column}`, () => {
        const out: Record<string, number> = {};
        for (const r of countsBy[column].all() as { k: string; n: number }[]) out[r.k] = r.n;
        return out;
      });
      return { ...counts };
    },
    /**
     * Counts per SLA state of the cases still open (status not one of `closedStatuses`): a closed case
     * keeps the state its SLA ended in ('breached' stays), but it no longer needs anybody.
     */
    openCountsBySlaState(closedStatuses: readonly string[]): Record<string, number> {
      const closed = JSON.stringify(closedStatuses);
      const counts = counted(`open:${closed}`, () => {
        const out: Record<string, number> = {};
        for (const r of openBySlaState.all(closed) as { k: string; n: number }[]) out[r.k] = r.n;
        return out;
      });
      return { ...counts };
    },
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;
