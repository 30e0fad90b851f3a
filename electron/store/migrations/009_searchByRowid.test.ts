import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore } from '../store.ts';
import { LOOKUP_MAX_HITS, toSearchQuery, type CaseQuery } from '../casesInbox.ts';
import { StorageError } from '../storageProblem.ts';
import * as m001 from './001_core.ts';
import * as m002 from './002_caseTimeline.ts';
import * as m003 from './003_documents.ts';
import * as m004 from './004_sla.ts';
import * as m005 from './005_referenceData.ts';
import * as m006 from './006_caseSync.ts';
import * as m007 from './007_outboxUnreachable.ts';
import * as m008 from './008_openCountsIndex.ts';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const WORDS = ['crate', 'shortfall', 'pallet', 'damaged', 'Müller', 'Straße', 'invoice', 'ASN'];

interface V8Case {
  id: string;
  status: string;
  slaDueAt: number | null;
  searchText: string;
}

/** Cases as a version 8 desk stored them: more than LOOKUP_MAX_HITS share a word; ids not in rowid order. */
function v8Cases(): V8Case[] {
  return Array.from({ length: LOOKUP_MAX_HITS + 700 }, (_, i) => ({
    id: `exc:${String((i * 7919) % 100_000).padStart(5, '0')}`,
    status: ['open', 'in_progress', 'closed'][i % 3]!,
    slaDueAt: i % 4 === 0 ? null : NOW + ((i * 31) % 211) * 60_000,
    searchText: [
      i < LOOKUP_MAX_HITS + 300 ? 'carton shortfall' : 'damaged pallet',
      WORDS[i % WORDS.length],
      `PO-${4500 + i}`,
      `PTR-${i % 9}`,
    ].join(' '),
  }));
}

/** Writes a version 8 file the way version 8 wrote it: migrations 1 to 8, search rows keyed by case_id. */
function writeV8File(path: string, cases: V8Case[]): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  for (const m of [m001, m002, m003, m004, m005, m006, m007, m008]) m.up(db);
  db.exec('PRAGMA user_version = 8');
  const insert = db.prepare(
    `INSERT INTO cases (id, origin, partner_id, title, type, status, priority, sla_state, sla_due_at, payload, created_at, updated_at)
     VALUES (?, 'exception', 'PTR-A', ?, 'ORDER_EXCEPTION', ?, 'medium', ?, ?, '{}', ?, ?)`,
  );
  const insertSearch = db.prepare('INSERT INTO cases_search (case_id, text) VALUES (?, ?)');
  db.exec('BEGIN');
  for (const c of cases) {
    insert.run(c.id, c.searchText, c.status, c.slaDueAt === null ? 'met' : 'ok', c.slaDueAt, NOW, NOW);
    insertSearch.run(c.id, c.searchText);
  }
  db.exec('COMMIT');
  db.close();
}

/** What the version 8 index matched for a search, read from the v8 file itself. */
function v8Hits(path: string, text: string): string[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db
      .prepare('SELECT case_id FROM cases_search WHERE cases_search MATCH ?')
      .all(toSearchQuery(text)) as { case_id: string }[];
    return rows.map((r) => r.case_id).sort();
  } finally {
    db.close();
  }
}

const SEARCHES: CaseQuery[] = [
  { text: 'carton' }, // more hits than LOOKUP_MAX_HITS: read along the inbox order
  { text: 'dam pal' }, // fewer: looked up hit by hit
  { text: 'ca' },
  { text: 'müller' },
  { text: 'STRASSE' },
  { text: 'straße' },
  { text: 'PO 4512' },
  { text: 'carton', status: 'open' },
  { text: 'ptr 3 invoice', status: 'closed' },
  { text: '"asn" OR *' },
  { text: 'nothing like this' },
];

describe('migration 9: the search index keyed by the cases’ rowid', () => {
  let dir: string;
  let path: string;
  let cases: V8Case[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pd-migrate-009-'));
    path = join(dir, 'db.sqlite');
    cases = v8Cases();
    writeV8File(path, cases);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The inbox order of the v8 cases: due soonest first, then the rest, ties as stored. */
  const inboxOrder = (ids: Set<string>): string[] => {
    const kept = cases.map((c, i) => ({ c, i })).filter(({ c }) => ids.has(c.id));
    const due = kept.filter(({ c }) => c.slaDueAt !== null);
    due.sort((a, b) => a.c.slaDueAt! - b.c.slaDueAt! || a.i - b.i);
    return [...due, ...kept.filter(({ c }) => c.slaDueAt === null)].map(({ c }) => c.id);
  };

  it('finds exactly the cases the version 8 index found, in inbox order, and counts them', () => {
    const before = SEARCHES.map((q) => {
      const statusOf = new Map(cases.map((c) => [c.id, c.status]));
      return v8Hits(path, q.text!).filter((id) => !q.status || statusOf.get(id) === q.status);
    });
    expect(before[0]!.length).toBeGreaterThan(LOOKUP_MAX_HITS);
    expect(before.at(-1)).toEqual([]);

    const store = openStore(path);
    try {
      SEARCHES.forEach((q, i) => {
        const found: string[] = [];
        for (let offset = 0; ; offset += 300) {
          const page = store.cases.list({ ...q, limit: 300, offset }).map((c) => c.id);
          found.push(...page);
          if (page.length < 300) break;
        }
        expect(found, JSON.stringify(q)).toEqual(inboxOrder(new Set(before[i])));
        expect(store.cases.countMatching(q), JSON.stringify(q)).toBe(before[i]!.length);
      });
    } finally {
      store.close();
    }
  });

  it('keeps every case and its search text, and indexes the cases opened after it', () => {
    const store = openStore(path);
    try {
      expect(store.cases.count()).toBe(cases.length);
      expect(store.cases.get(cases[5]!.id)?.title).toBe(cases[5]!.searchText);
      const opened = store.cases.open(
        {
          id: 'exc:new',
          origin: 'exception',
          partnerId: 'PTR-A',
          communityId: null,
          exceptionId: null,
          title: 'Crushed carton',
          type: 'SHIPMENT_EXCEPTION',
          status: 'open',
          priority: 'high',
          payload: {},
          searchText: 'Crushed carton PO-99001',
        },
        NOW,
      );
      expect(opened).toBe(true);
      expect(store.cases.list({ text: 'crush' }).map((c) => c.id)).toEqual(['exc:new']);
      expect(store.cases.countMatching({ text: 'carton' })).toBe(LOOKUP_MAX_HITS + 301);
    } finally {
      store.close();
    }
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const texts = db
        .prepare(
          'SELECT cases.id AS id, cases_search.text AS text FROM cases_search JOIN cases ON cases.rowid = cases_search.rowid',
        )
        .all() as { id: string; text: string }[];
      expect(texts).toHaveLength(cases.length + 1);
      const textOf = new Map(cases.map((c) => [c.id, c.searchText]));
      for (const { id, text } of texts) if (id !== 'exc:new') expect(text, id).toBe(textOf.get(id));
      // The old table's shadow tables went with it; only the new index's remain.
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'cases_search%' ORDER BY name")
        .all() as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual([
        'cases_search',
        'cases_search_config',
        'cases_search_content',
        'cases_search_data',
        'cases_search_idx',
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps both texts of a case that has two search rows, and the start does not fail on them', () => {
    const db = new DatabaseSync(path);
    db.prepare('INSERT INTO cases_search (case_id, text) VALUES (?, ?)').run(cases[7]!.id, 'Rückläufer');
    db.close();
    const store = openStore(path);
    try {
      expect(store.cases.list({ text: 'rücklä' }).map((c) => c.id)).toEqual([cases[7]!.id]);
      expect(store.cases.countMatching({ text: cases[7]!.searchText })).toBe(1);
      expect(store.cases.countMatching({ text: 'PO' })).toBe(cases.length);
    } finally {
      store.close();
    }
  });

  it('leaves the version 8 file as it was when the disk fills up half-way', () => {
    const probe = new DatabaseSync(path, { readOnly: true });
    const pages = (probe.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    probe.close();
    // Room for a few pages more: not for a second copy of the index.
    expect(() => openStore(path, { maxPageCount: pages + 8 })).toThrow(StorageError);

    const db = new DatabaseSync(path, { readOnly: true });
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    db.close();
    expect(version).toBe(8);
    expect(v8Hits(path, 'dam pal')).toHaveLength(cases.length - LOOKUP_MAX_HITS - 300);

    const store = openStore(path);
    try {
      expect(store.cases.countMatching({ text: 'dam pal' })).toBe(cases.length - LOOKUP_MAX_HITS - 300);
    } finally {
      store.close();
    }
  });
});
