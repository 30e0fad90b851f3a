// Feed cursors. Each is written in the same transaction as the data its page produced, so a crash
// never skips a page nor applies one twice.
import type { Db } from './database.ts';

export function createCursorStore(db: Db) {
  const get = db.prepare('SELECT cursor FROM cursors WHERE feed = ?');
  const set = db.prepare(
    'INSERT INTO cursors (feed, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at',
  );
  return {
    get(feed: string): string | undefined {
      const row = get.get(feed) as { cursor: string } | undefined;
      return row?.cursor;
    },
    set(feed: string, cursor: string, now: number): void {
      set.run(feed, cursor, now);
    },
  };
}
export type CursorStore = ReturnType<typeof createCursorStore>;
