// Migration 9: the inbox search index, keyed by the cases' rowid instead of a case_id text column.
// Every hit of a search had to read its case_id out of the index's stored rows and join back to the
// cases by text: a word on a third of 100,000 cases cost some 30,000 such reads before the first page.
// Keyed by rowid, a hit is its case's row number, read straight from the index (casesInbox.ts).
// prefix='2 3' keeps ready-made lists for 2- and 3-letter prefixes, what a person has typed so far.
// columnsize=0: the inbox never ranks hits, so the per-case token counts are not kept.
// The index keeps its own copy of the text (it is not contentless), so a later migration can rebuild it.
// cases has no INTEGER PRIMARY KEY: SQLite's documentation lets VACUUM renumber such rowids (3.50 keeps
// them). Nothing runs VACUUM on the file, and the inbox's tie order relies on the rowids already.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE VIRTUAL TABLE cases_search_by_rowid USING fts5 (
      text, tokenize = 'unicode61', prefix = '2 3', columnsize = 0
    );
    -- A case has one search row; were there ever two, both texts stay searchable rather than the
    -- second failing the migration (and the desk's start) on a duplicate rowid.
    INSERT INTO cases_search_by_rowid (rowid, text)
      SELECT cases.rowid, group_concat(old.text, ' ')
      FROM cases_search AS old JOIN cases ON cases.id = old.case_id
      GROUP BY cases.rowid ORDER BY cases.rowid;
    -- One b-tree instead of the segments the bulk load left: the first searches need no merging.
    INSERT INTO cases_search_by_rowid (cases_search_by_rowid) VALUES ('optimize');
    DROP TABLE cases_search;
    ALTER TABLE cases_search_by_rowid RENAME TO cases_search;
  `);
}
