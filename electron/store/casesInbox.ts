// The inbox's case list: filters, text search, sort by SLA due time, paging and the matching count.
// With 100,000 cases a page must cost what it shows: every read here is ordered by an index, so SQLite
// stops after the page instead of sorting every matching case (casesInbox.test.ts checks the plans).
import type { StatementSync } from 'node:sqlite';
import type { Db } from './database.ts';

export interface CaseQuery {
  partnerId?: string;
  status?: string;
  slaState?: string;
  type?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export interface SqlQuery {
  sql: string;
  args: (string | number)[];
}

/**
 * Cases with an SLA due time come first, soonest first; then those without one (met, paused, closed).
 * Ties go in the order the desk stored the cases (rowid), which the (column, sla_due_at) indexes hold
 * too. One ORDER BY with the NULLs last cannot be read from an index, so the two parts are two reads.
 */
const PARTS = {
  due: { where: 'sla_due_at IS NOT NULL', order: 'sla_due_at, cases.rowid' },
  undated: { where: 'sla_due_at IS NULL', order: 'cases.rowid' },
} as const;
export type InboxPart = keyof typeof PARTS;

/** Turns what a person typed into an FTS5 prefix query that cannot be a syntax error. */
export function toSearchQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' AND ');
}

/**
 * How a text search is read. 'lookup': from the search index's few hits to their cases (then sorted);
 * 'scan': along the inbox order, keeping the cases among the many hits, stopping when the page is full.
 * Either plan is fast where the other is slow (a PO number vs. a word on a third of all cases).
 */
export type SearchPlan = 'lookup' | 'scan';
/** Above this many hits a search reads along the inbox order instead of looking each hit up. */
export const LOOKUP_MAX_HITS = 2000;

/** The search's hits as the rowids of their cases (the index is keyed by them, migration 9). */
const HITS = 'SELECT rowid FROM cases_search WHERE cases_search MATCH ?';

/**
 * Filters become one index search: the most selective filter set (partner, then SLA state, status,
 * type) drives it through its (column, sla_due_at) index; the others are only checked (`+column`), so
 * SQLite, which keeps no statistics here, cannot pick a broad index for a narrow query.
 */
function sqlFor(
  q: CaseQuery,
  part: InboxPart | null,
  search: SearchPlan,
): { from: string; where: string; args: string[] } {
  const match = q.text ? toSearchQuery(q.text) : null;
  const where: string[] = part ? [PARTS[part].where] : [];
  const args: string[] = [];
  let driving = true;
  for (const [column, value] of [
    ['partner_id', q.partnerId],
    ['sla_state', q.slaState],
    ['status', q.status],
    ['type', q.type],
  ] as const) {
    if (!value) continue;
    where.push(`${driving ? '' : '+'}${column} = ?`);
    args.push(value);
    driving = false;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  if (!match) return { from: 'cases', where: clause, args };
  if (search === 'lookup')
    return {
      from: `(${HITS}) AS hit CROSS JOIN cases ON cases.rowid = hit.rowid`,
      where: clause,
      args: [match, ...args],
    };
  return {
    from: 'cases',
    where: `${clause ? `${clause} AND` : 'WHERE'} +cases.rowid IN (${HITS})`,
    args: [...args, match],
  };
}

/** One page of one part of the inbox, `select` being the columns to read. */
export function inboxPageQuery(
  q: CaseQuery,
  part: InboxPart,
  select: string,
  limit: number,
  offset: number,
  search: SearchPlan = 'lookup',
): SqlQuery {
  const { from, where, args } = sqlFor(q, part, search);
  return {
    sql: `SELECT ${select} FROM ${from} ${where} ORDER BY ${PARTS[part].order} LIMIT ? OFFSET ?`,
    args: [...args, limit, offset],
  };
}

/**
 * How many cases match the filters (in one part, or in all). A search alone is counted in the search
 * index without reading a case: every indexed row is one case (cases.open writes both, and cases are
 * never deleted). With filters, many hits are counted along the filter's index like a 'scan' page,
 * which reads no case row either, instead of looking each of thousands of hits up.
 */
export function inboxCountQuery(
  q: CaseQuery,
  part: InboxPart | null = null,
  search: SearchPlan = 'lookup',
): SqlQuery {
  const match = q.text ? toSearchQuery(q.text) : null;
  const filtered = part !== null || [q.partnerId, q.slaState, q.status, q.type].some(Boolean);
  if (match && !filtered)
    return { sql: 'SELECT COUNT(*) AS n FROM cases_search WHERE cases_search MATCH ?', args: [match] };
  const { from, where, args } = sqlFor(q, part, search);
  return { sql: `SELECT COUNT(*) AS n FROM ${from} ${where}`, args };
}

/** Counts the search's hits up to just past LOOKUP_MAX_HITS: enough to choose a plan, cheap at any size. */
export function searchHitsQuery(match: string): SqlQuery {
  return { sql: `SELECT COUNT(*) AS n FROM (${HITS} LIMIT ${LOOKUP_MAX_HITS + 1})`, args: [match] };
}

export function createInboxQueries<Row>(db: Db, select: string) {
  // The statements differ only by which filters are set: each shape is prepared once.
  const prepared = new Map<string, StatementSync>();
  const run = ({ sql, args }: SqlQuery) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    return { statement, args };
  };
  const rows = (query: SqlQuery): Row[] => {
    const { statement, args } = run(query);
    return statement.all(...args) as Row[];
  };
  const searchPlan = (q: CaseQuery): SearchPlan => {
    const match = q.text ? toSearchQuery(q.text) : null;
    if (!match) return 'lookup';
    const { statement, args } = run(searchHitsQuery(match));
    return (statement.get(...args) as { n: number }).n > LOOKUP_MAX_HITS ? 'scan' : 'lookup';
  };
  const count = (q: CaseQuery, part: InboxPart | null = null, search = searchPlan(q)): number => {
    const { statement, args } = run(inboxCountQuery(q, part, search));
    return (statement.get(...args) as { n: number }).n;
  };

  return {
    /** One page of matching cases in inbox order (at most 1,000 rows). */
    page(q: CaseQuery): Row[] {
      const limit = Math.min(q.limit ?? 100, 1000);
      const offset = q.offset ?? 0;
      const search = searchPlan(q);
      const due = rows(inboxPageQuery(q, 'due', select, limit, offset, search));
      if (due.length === limit) return due;
      // The page runs past the cases with a due time: their number says where the others start.
      const dueTotal = due.length > 0 || offset === 0 ? offset + due.length : count(q, 'due', search);
      const undated = rows(
        inboxPageQuery(q, 'undated', select, limit - due.length, Math.max(0, offset - dueTotal), search),
      );
      return [...due, ...undated];
    },
    count,
  };
}

/**
 * Memoises counts until the database next changes: a write on this connection (total_changes(), which
 * counts trigger writes too) or a commit by another connection to the same file (data_version).
 * Counting 100,000 cases per value reads a whole index, and the window asks again on every case event.
 */
export function memoUntilWrite(db: Db) {
  const version = db.prepare(
    'SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others',
  );
  const memo = new Map<string, unknown>();
  let seen = '';
  return <T>(key: string, compute: () => T): T => {
    const v = version.get() as { own: number; others: number };
    const now = `${v.own}:${v.others}`;
    if (now !== seen) {
      memo.clear();
      seen = now;
    }
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
}
