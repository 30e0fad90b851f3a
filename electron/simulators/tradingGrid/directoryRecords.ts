// The directory's records by kind and key, listed in the order they last changed: a page after a
// cursor costs a binary search plus the page, and superseded or deleted entries stay in the log until
// they outnumber live records, then the log is compacted.
import type { DirectoryRecord, ReferenceKind } from '../../../shared/domain/reference.ts';
import { firstAfter } from '../seqFeed.ts';

export interface DirectorySlice {
  items: DirectoryRecord[];
  lastSeq: number | undefined;
  hasMore: boolean;
}

interface Entry {
  seq: number;
  id: string;
}

export const idOf = (kind: string, key: string): string => `${kind}:${key}`;

export class DirectoryRecords {
  private readonly records = new Map<string, { seq: number; record: DirectoryRecord }>();
  private entries: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.records.size;
  }

  get(id: string): DirectoryRecord | undefined {
    return this.records.get(id)?.record;
  }

  all(): DirectoryRecord[] {
    return [...this.records.values()].map((r) => r.record);
  }

  /** Stores the record under its kind and key; it moves to the end of the listing. */
  store(record: DirectoryRecord): void {
    const id = idOf(record.kind, record.key);
    const seq = ++this.seq;
    this.records.set(id, { seq, record });
    this.entries.push({ seq, id });
    if (this.entries.length > 1024 && this.entries.length > 2 * this.records.size)
      this.entries = this.entries.filter((e) => this.records.get(e.id)?.seq === e.seq);
  }

  /** False when there was no such record. */
  delete(id: string): boolean {
    return this.records.delete(id);
  }

  /** Records after `since` in change order, at most `limit`, optionally of one kind. */
  page(since: number, limit: number, kind?: ReferenceKind): DirectorySlice {
    const items: DirectoryRecord[] = [];
    let lastSeq: number | undefined;
    let i = firstAfter(this.entries, since);
    for (; i < this.entries.length && items.length < limit; i++) {
      const e = this.entries[i]!;
      const current = this.records.get(e.id);
      if (!current || current.seq !== e.seq) continue;
      lastSeq = e.seq;
      if (kind === undefined || current.record.kind === kind) items.push(current.record);
    }
    let hasMore = false;
    for (; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const current = this.records.get(e.id);
      if (current && current.seq === e.seq && (kind === undefined || current.record.kind === kind)) {
        hasMore = true;
        break;
      }
    }
    return { items, lastSeq, hasMore };
  }
}
