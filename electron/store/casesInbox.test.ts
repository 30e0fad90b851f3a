import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, type Store } from './store.ts';
import { OPEN_COUNTS_BY_SLA_STATE_SQL } from './cases.ts';
import {
  inboxCountQuery,
  inboxPageQuery,
  LOOKUP_MAX_HITS,
  type CaseQuery,
  type InboxPart,
  type SearchPlan,
} from './casesInbox.ts';
import type { SlaState } from './sla.ts';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const PARTNERS = ['PTR-A', 'PTR-B', 'PTR-C', 'PTR-D', 'PTR-E'];
const STATUSES = ['open', 'in_progress', 'waiting_on_partner', 'closed'];
const TYPES = ['SHIPMENT_EXCEPTION', 'INVOICE_DISPUTE', 'ORDER_EXCEPTION'];
const SLA_STATES: SlaState[] = ['ok', 'warning', 'breached', 'met'];
// More cases than LOOKUP_MAX_HITS carry the word "carton", so a search for it takes the other plan.
const CASES = LOOKUP_MAX_HITS + 600;

interface Seeded {
  id: string;
  partnerId: string;
  status: string;
  type: string;
  slaState: string;
  slaDueAt: number | null;
  words: string;
}

describe('inbox case list', () => {
  let dir: string;
  let store: Store;
  let db: DatabaseSync;
  const seeded: Seeded[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pd-inbox-'));
    const path = join(dir, 'db.sqlite');
    store = openStore(path);
    store.transaction(() => {
      for (let i = 0; i < CASES; i++) {
        const slaState = SLA_STATES[i % 4]!;
        // Due times repeat (ties) and a quarter of the cases have none (their SLA was met).
        const slaDueAt = slaState === 'met' ? null : NOW + ((i * 7919) % 97) * 60_000;
        const c: Seeded = {
          id: `case-${String((i * 4099) % CASES).padStart(5, '0')}`,
          partnerId: PARTNERS[i % 5]!,
          status: STATUSES[i % 3 === 0 ? 3 : i % 3]!,
          type: TYPES[(i % 7) % 3]!,
          slaState,
          slaDueAt,
          words: i < LOOKUP_MAX_HITS + 100 ? `carton shortfall PO-${i}` : `damaged pallet PO-${i}`,
        };
        store.cases.open(
          {
            id: c.id,
            origin: 'exception',
            partnerId: c.partnerId,
            communityId: null,
            exceptionId: null,
            title: c.words,
            type: c.type,
            status: c.status,
            priority: 'medium',
            payload: {},
            searchText: c.words,
          },
          NOW,
        );
        store.sla.setCaseSla(c.id, slaState, slaDueAt);
        seeded.push(c);
      }
    });
    db = new DatabaseSync(path, { readOnly: true });
  });
  afterAll(() => {
    db.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The inbox order, computed here from what was stored: due soonest first, then the rest as stored. */
  const expected = (keep: (c: Seeded) => boolean): string[] => {
    const stored = seeded.map((c, i) => ({ c, i })).filter(({ c }) => keep(c));
    const due = stored.filter(({ c }) => c.slaDueAt !== null);
    due.sort((a, b) => a.c.slaDueAt! - b.c.slaDueAt! || a.i - b.i);
    return [...due, ...stored.filter(({ c }) => c.slaDueAt === null)].map(({ c }) => c.id);
  };
  const everyPage = (q: CaseQuery, pageSize: number): string[] => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = store.cases.list({ ...q, limit: pageSize, offset }).map((c) => c.id);
      ids.push(...page);
      if (page.length < pageSize) return ids;
    }
  };

  it('lists cases with an SLA due time soonest first, then those without one in the order they were stored', () => {
    const first = store.cases.list({ limit: 1000 });
    expect(first.map((c) => c.id)).toEqual(expected(() => true).slice(0, 1000));
    expect(store.cases.countMatching({})).toBe(CASES);
  });

  it('pages through every filter without a gap or a repeat, across the end of the cases with a due time', () => {
    const queries: [CaseQuery, (c: Seeded) => boolean][] = [
      [{}, () => true],
      [{ partnerId: 'PTR-C' }, (c) => c.partnerId === 'PTR-C'],
      [{ status: 'closed' }, (c) => c.status === 'closed'],
      [{ slaState: 'met' }, (c) => c.slaState === 'met'],
      [
        { type: 'INVOICE_DISPUTE', status: 'open' },
        (c) => c.type === 'INVOICE_DISPUTE' && c.status === 'open',
      ],
      [
        { partnerId: 'PTR-B', slaState: 'warning', type: 'ORDER_EXCEPTION' },
        (c) => c.partnerId === 'PTR-B' && c.slaState === 'warning' && c.type === 'ORDER_EXCEPTION',
      ],
    ];
    for (const [q, keep] of queries) {
      const all = expected(keep);
      expect(everyPage(q, 97), JSON.stringify(q)).toEqual(all);
      expect(store.cases.countMatching(q), JSON.stringify(q)).toBe(all.length);
    }
    // A page that starts in the cases without a due time, far past the ones with one.
    const tail = expected(() => true).slice(CASES - 150, CASES - 50);
    expect(store.cases.list({ offset: CASES - 150, limit: 100 }).map((c) => c.id)).toEqual(tail);
  });

  it('finds the same cases whether a search has a handful of hits or thousands', () => {
    const broad = (c: Seeded) => c.words.includes('carton');
    expect(seeded.filter(broad).length).toBeGreaterThan(LOOKUP_MAX_HITS);
    expect(everyPage({ text: 'cart' }, 250)).toEqual(expected(broad));
    expect(store.cases.countMatching({ text: 'cart' })).toBe(seeded.filter(broad).length);

    const broadOpen = (c: Seeded) => broad(c) && c.status === 'open' && c.partnerId === 'PTR-D';
    expect(everyPage({ text: 'carton', status: 'open', partnerId: 'PTR-D' }, 50)).toEqual(
      expected(broadOpen),
    );

    const narrow = (c: Seeded) => c.words.includes('damaged');
    expect(everyPage({ text: 'DAMAGED pal' }, 60)).toEqual(expected(narrow));
    expect(store.cases.list({ text: 'PO 2345' }).map((c) => c.id)).toEqual(
      expected((c) => c.words.endsWith('PO-2345')),
    );
    expect(store.cases.list({ text: 'nothing like this' })).toEqual([]);
    expect(store.cases.countMatching({ text: 'nothing like this' })).toBe(0);
  });

  it('matches what a person has typed so far, from two letters on', () => {
    const broad = (c: Seeded) => c.words.includes('carton');
    expect(everyPage({ text: 'ca' }, 500)).toEqual(expected(broad));
    expect(everyPage({ text: 'car', slaState: 'warning' }, 100)).toEqual(
      expected((c) => broad(c) && c.slaState === 'warning'),
    );
    expect(everyPage({ text: 'da' }, 100)).toEqual(expected((c) => c.words.includes('damaged')));
    expect(store.cases.countMatching({ text: 'sh' })).toBe(seeded.filter(broad).length);
    // One letter is a prefix too, read without the ready-made lists.
    expect(store.cases.countMatching({ text: 'p' })).toBe(CASES);
  });

  it('treats quotes and search operators as words, never as a query error', () => {
    const broad = (c: Seeded) => c.words.includes('carton');
    for (const text of ['carton"*(', '-shortfall +carton', '"carton', 'carton)', 'NEAR(carton'])
      expect(() => store.cases.list({ text }), text).not.toThrow();
    expect(everyPage({ text: 'carton"*(' }, 500)).toEqual(expected(broad));
    expect(everyPage({ text: '-shortfall +carton' }, 500)).toEqual(expected(broad));
    // NEAR, OR and NOT are words to look for like any other: no case holds them.
    expect(store.cases.list({ text: 'carton OR damaged' })).toEqual([]);
    expect(store.cases.countMatching({ text: 'NOT carton' })).toBe(0);
    expect(store.cases.list({ text: '"*"^:()' })).toHaveLength(100);
  });

  it('keeps each case’s search text under the case’s own rowid', () => {
    const indexed = db
      .prepare(
        'SELECT cases.id AS id, cases_search.text AS text FROM cases_search JOIN cases ON cases.rowid = cases_search.rowid',
      )
      .all() as { id: string; text: string }[];
    expect(indexed).toHaveLength(CASES);
    const wordsOf = new Map(seeded.map((c) => [c.id, c.words]));
    for (const { id, text } of indexed) expect(text, id).toBe(wordsOf.get(id));
  });

  describe('query plans (what SQLite says it will do, on a real file)', () => {
    const plan = ({ sql, args }: { sql: string; args: (string | number)[] }): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    const pagePlan = (q: CaseQuery, part: InboxPart, search?: SearchPlan) =>
      plan(inboxPageQuery(q, part, 'id', 100, 0, search));

    it('reads every filter along its (column, sla_due_at) index and never sorts the matching cases', () => {
      const cases: [CaseQuery, string][] = [
        [{}, 'cases_by_sla'],
        [{ partnerId: 'PTR-A' }, 'cases_by_partner'],
        [{ status: 'open' }, 'cases_by_status'],
        [{ slaState: 'breached' }, 'cases_by_sla_state'],
        [{ type: 'ORDER_EXCEPTION' }, 'cases_by_type'],
        // The most selective filter drives: the partner's, not the broad type's.
        [{ type: 'ORDER_EXCEPTION', status: 'open', partnerId: 'PTR-A' }, 'cases_by_partner'],
        [{ type: 'ORDER_EXCEPTION', status: 'open' }, 'cases_by_status'],
      ];
      for (const [q, index] of cases)
        for (const part of ['due', 'undated'] as const) {
          const p = pagePlan(q, part);
          expect(p, `${JSON.stringify(q)} ${part}`).toMatch(
            new RegExp(`^SEARCH cases USING INDEX ${index} \\(`),
          );
          expect(p).not.toContain('TEMP B-TREE');
        }
    });

    it('counts from a covering index without reading the cases', () => {
      expect(plan(inboxCountQuery({}))).toMatch(/^SCAN cases USING COVERING INDEX cases_by_/);
      expect(plan(inboxCountQuery({ status: 'open' }))).toBe(
        'SEARCH cases USING COVERING INDEX cases_by_status (status=?)',
      );
      expect(plan(inboxCountQuery({ partnerId: 'PTR-A', type: 'ORDER_EXCEPTION' }))).toMatch(
        /^SEARCH cases USING INDEX cases_by_partner \(partner_id=\?\)/,
      );
    });

    it('counts open cases per SLA state from the (sla_state, status) index, not the whole table', () => {
      const p = plan({ sql: OPEN_COUNTS_BY_SLA_STATE_SQL, args: [JSON.stringify(['resolved', 'closed'])] });
      expect(p).toMatch(/COVERING INDEX cases_by_sla_state_status/);
    });

    it('a search with few hits starts from the search index and reads each hit’s case by its rowid', () => {
      const p = pagePlan({ text: 'PO 12' }, 'due', 'lookup');
      expect(p).toMatch(
        /^SCAN cases_search VIRTUAL TABLE .*SEARCH cases USING INTEGER PRIMARY KEY \(rowid=\?\)/,
      );
      expect(p).not.toContain('autoindex');
    });

    it('a search with many hits reads along the inbox order and stops when the page is full', () => {
      for (const part of ['due', 'undated'] as const) {
        const p = pagePlan({ text: 'carton' }, part, 'scan');
        // The hits are one list of rowids, checked against the index entries the scan reads anyway.
        expect(p).toMatch(
          /^SEARCH cases USING INDEX cases_by_sla \(.*LIST SUBQUERY \d+ \| SCAN cases_search VIRTUAL TABLE/,
        );
        expect(p).not.toContain('TEMP B-TREE');
        expect(p).not.toContain('autoindex');
      }
    });

    it('counts a search alone in the search index, without reading a case', () => {
      for (const search of ['lookup', 'scan'] as const) {
        const p = plan(inboxCountQuery({ text: 'carton' }, null, search));
        expect(p).toMatch(/^SCAN cases_search VIRTUAL TABLE INDEX \d+:M\d*$/);
      }
    });

    it('counts a search with many hits and a filter along the filter’s covering index', () => {
      const p = plan(inboxCountQuery({ text: 'carton', status: 'open' }, null, 'scan'));
      expect(p).toMatch(
        /^SEARCH cases USING COVERING INDEX cases_by_status \(status=\?\) \| LIST SUBQUERY \d+ \| SCAN cases_search VIRTUAL TABLE/,
      );
      expect(plan(inboxCountQuery({ text: 'PO 12', status: 'open' }, null, 'lookup'))).toMatch(
        /^SCAN cases_search VIRTUAL TABLE .*SEARCH cases USING INTEGER PRIMARY KEY \(rowid=\?\)/,
      );
    });
  });
});

describe('inbox counts', () => {
  it('are remembered between writes and follow every write, the SLA evaluator’s and other connections’ too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-inbox-counts-'));
    const store = openStore(join(dir, 'db.sqlite'));
    try {
      const open = (id: string, status: string) =>
        store.cases.open(
          {
            id,
            origin: 'exception',
            partnerId: 'PTR-A',
            communityId: null,
            exceptionId: null,
            title: `case ${id}`,
            type: 'ORDER_EXCEPTION',
            status,
            priority: 'low',
            payload: {},
            searchText: `case ${id}`,
          },
          NOW,
        );
      open('c1', 'open');
      expect(store.cases.countsBy('status')).toEqual({ open: 1 });
      expect(store.cases.countMatching({ status: 'open' })).toBe(1);

      open('c2', 'open');
      expect(store.cases.countsBy('status')).toEqual({ open: 2 });
      expect(store.cases.count()).toBe(2);
      expect(store.cases.countMatching({ status: 'open', limit: 5, offset: 10 })).toBe(2);

      store.cases.setStatus('c1', 'closed', NOW + 1);
      expect(store.cases.countsBy('status')).toEqual({ open: 1, closed: 1 });
      expect(store.cases.countMatching({ status: 'open' })).toBe(1);

      store.sla.setCaseSla('c2', 'breached', NOW - 1);
      expect(store.cases.countsBy('sla_state')).toEqual({ ok: 1, breached: 1 });
      expect(store.cases.countMatching({ slaState: 'breached' })).toBe(1);

      // What a caller does with the counts it was given does not change the next answer.
      store.cases.countsBy('status').open = 99;
      expect(store.cases.countsBy('status')).toEqual({ open: 1, closed: 1 });

      // Another connection to the same file (another process) writes: the counts follow it too.
      const other = openStore(join(dir, 'db.sqlite'));
      other.cases.setStatus('c2', 'closed', NOW + 2);
      other.close();
      expect(store.cases.countsBy('status')).toEqual({ closed: 2 });
      expect(store.cases.countMatching({ status: 'open' })).toBe(0);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
