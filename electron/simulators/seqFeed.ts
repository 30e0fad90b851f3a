// A change feed kept in sequence order: every put stamps the item with a new sequence number taken
// from a shared counter, and a page after a cursor costs a binary search plus the page, not a scan.
// Superseded entries stay in the log until they outnumber live ones, then the log is compacted.

export class SeqCounter {
  private value = 0;
  next(): number {
    return ++this.value;
  }
  get current(): number {
    return this.value;
  }
}

interface Entry {
  seq: number;
  key: string;
}

interface Current {
  seq: number;
  item: unknown;
  raw: boolean;
}

export interface FeedSlice {
  items: unknown[];
  /** Sequence number of the last item returned (undefined when the page is empty). */
  lastSeq: number | undefined;
  hasMore: boolean;
}

export class SeqFeed<T> {
  private readonly counter: SeqCounter;
  private entries: Entry[] = [];
  private readonly current = new Map<string, Current>();
  private typed = 0;

  constructor(counter: SeqCounter) {
    this.counter = counter;
  }

  /** Adds or replaces the item under `key`; it moves to the end of the feed with a new sequence. */
  put(key: string, item: T): number {
    return this.store(key, item, false);
  }

  /** Adds an arbitrary (possibly malformed) item to the feed; `get` and `values` never return it. */
  putRaw(key: string, item: unknown): number {
    return this.store(key, item, true);
  }

  private store(key: string, item: unknown, raw: boolean): number {
    const seq = this.counter.next();
    const previous = this.current.get(key);
    if (previous && !previous.raw) this.typed--;
    if (!raw) this.typed++;
    this.current.set(key, { seq, item, raw });
    this.entries.push({ seq, key });
    if (this.entries.length > 1024 && this.entries.length > 2 * this.current.size) this.compact();
    return seq;
  }

  get(key: string): T | undefined {
    const c = this.current.get(key);
    return c && !c.raw ? (c.item as T) : undefined;
  }

  seqOf(key: string): number | undefined {
    return this.current.get(key)?.seq;
  }

  /** Number of well-formed items (raw injections excluded). */
  get size(): number {
    return this.typed;
  }

  *values(): IterableIterator<T> {
    for (const c of this.current.values()) if (!c.raw) yield c.item as T;
  }

  /** Items changed after `since`, in sequence order, at most `limit`. */
  page(since: number, limit: number): FeedSlice {
    const items: unknown[] = [];
    let lastSeq: number | undefined;
    let i = firstAfter(this.entries, since);
    for (; i < this.entries.length && items.length < limit; i++) {
      const e = this.entries[i] as Entry;
      const c = this.current.get(e.key);
      if (!c || c.seq !== e.seq) continue; // superseded by a later change
      items.push(c.item);
      lastSeq = e.seq;
    }
    let hasMore = false;
    for (; i < this.entries.length; i++) {
      const e = this.entries[i] as Entry;
      if (this.current.get(e.key)?.seq === e.seq) {
        hasMore = true;
        break;
      }
    }
    return { items, lastSeq, hasMore };
  }

  private compact(): void {
    this.entries = this.entries.filter((e) => this.current.get(e.key)?.seq === e.seq);
  }
}

/** The index of the first entry after `since` in a log kept in sequence order (a binary search). */
export function firstAfter(entries: readonly { seq: number }[], since: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as { seq: number }).seq <= since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
