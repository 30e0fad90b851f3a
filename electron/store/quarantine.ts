// Items that could not be synced: malformed payloads, unknown partners, unmapped status words.
// They are kept with a readable reason and the raw payload, and can be released when the cause is gone.
import type { Db } from './database.ts';

export type QuarantineReasonKind = 'malformed' | 'unknown_partner' | 'unmapped_status';

export interface QuarantineEntry {
  id: number;
  feed: string;
  itemId: string | null;
  reasonKind: QuarantineReasonKind;
  reason: string;
  payload: string;
  createdAt: number;
}

const MAX_PAYLOAD_CHARS = 256_000;

export function createQuarantineStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO quarantine (feed, item_id, reason_kind, reason, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const open = db.prepare(
    `SELECT id, feed, item_id AS itemId, reason_kind AS reasonKind, reason, payload, created_at AS createdAt
     FROM quarantine WHERE released_at IS NULL AND (? IS NULL OR reason_kind = ?) ORDER BY id LIMIT ? OFFSET ?`,
  );
  const release = db.prepare('UPDATE quarantine SET released_at = ? WHERE id = ? AND released_at IS NULL');
  const count = db.prepare('SELECT COUNT(*) AS n FROM quarantine WHERE released_at IS NULL');
  return {
    /** Returns true when a new entry was written (the same item for the same reason is kept once). */
    add(
      e: {
        feed: string;
        itemId: string | null;
        reasonKind: QuarantineReasonKind;
        reason: string;
        payload: unknown;
      },
      now: number,
    ): boolean {
      let text: string;
      try {
        text = typeof e.payload === 'string' ? e.payload : (JSON.stringify(e.payload) ?? 'undefined');
      } catch {
        text = String(e.payload);
      }
      if (text.length > MAX_PAYLOAD_CHARS)
        text = `${text.slice(0, MAX_PAYLOAD_CHARS)}… [truncated, ${text.length} chars]`;
      return insert.run(e.feed, e.itemId, e.reasonKind, e.reason, text, now).changes > 0;
    },
    open(
      opts: { reasonKind?: QuarantineReasonKind; limit?: number; offset?: number } = {},
    ): QuarantineEntry[] {
      const kind = opts.reasonKind ?? null;
      return open.all(kind, kind, opts.limit ?? 100, opts.offset ?? 0) as unknown as QuarantineEntry[];
    },
    release(id: number, now: number): boolean {
      return release.run(now, id).changes > 0;
    },
    openCount(): number {
      return (count.get() as { n: number }).n;
    },
  };
}
export type QuarantineStore = ReturnType<typeof createQuarantineStore>;
