import { describe, expect, it } from 'vitest';
import { SeqCounter, SeqFeed } from './seqFeed.ts';

describe('SeqFeed', () => {
  it('pages in sequence order and reports hasMore', () => {
    const feed = new SeqFeed<{ id: string }>(new SeqCounter());
    for (let i = 1; i <= 5; i++) feed.put(`k${i}`, { id: `k${i}` });
    const p1 = feed.page(0, 2);
    expect(p1.items).toEqual([{ id: 'k1' }, { id: 'k2' }]);
    expect(p1.lastSeq).toBe(2);
    expect(p1.hasMore).toBe(true);
    const p3 = feed.page(4, 2);
    expect(p3.items).toEqual([{ id: 'k5' }]);
    expect(p3.hasMore).toBe(false);
    expect(feed.page(5, 2)).toEqual({ items: [], lastSeq: undefined, hasMore: false });
  });

  it('moves a changed item to the end and never returns the superseded version', () => {
    const feed = new SeqFeed<{ id: string; v: number }>(new SeqCounter());
    feed.put('a', { id: 'a', v: 1 });
    feed.put('b', { id: 'b', v: 1 });
    feed.put('a', { id: 'a', v: 2 });
    expect(feed.page(0, 10).items).toEqual([
      { id: 'b', v: 1 },
      { id: 'a', v: 2 },
    ]);
    expect(feed.page(2, 10).items).toEqual([{ id: 'a', v: 2 }]);
    expect(feed.size).toBe(2);
    // hasMore ignores superseded entries after the page
    feed.put('b', { id: 'b', v: 2 });
    const p = feed.page(0, 1);
    expect(p.items).toEqual([{ id: 'a', v: 2 }]);
    expect(p.hasMore).toBe(true);
  });

  it('shares one counter between feeds, so each feed sees gaps but stays ordered', () => {
    const counter = new SeqCounter();
    const a = new SeqFeed<string>(counter);
    const b = new SeqFeed<string>(counter);
    a.put('1', 'a1');
    b.put('1', 'b1');
    a.put('2', 'a2');
    expect(a.page(0, 10)).toEqual({ items: ['a1', 'a2'], lastSeq: 3, hasMore: false });
    expect(b.page(0, 10)).toEqual({ items: ['b1'], lastSeq: 2, hasMore: false });
  });

  it('keeps raw items out of get/values/size but in the feed', () => {
    const feed = new SeqFeed<{ id: string }>(new SeqCounter());
    feed.put('x', { id: 'x' });
    feed.putRaw('raw:1', { nonsense: true });
    expect(feed.size).toBe(1);
    expect([...feed.values()]).toEqual([{ id: 'x' }]);
    expect(feed.get('raw:1')).toBeUndefined();
    expect(feed.page(0, 10).items).toEqual([{ id: 'x' }, { nonsense: true }]);
  });

  it('stays correct through compaction under many updates, and pages 100,000 items quickly', () => {
    const feed = new SeqFeed<number>(new SeqCounter());
    for (let i = 0; i < 100_000; i++) feed.put(`k${i}`, i);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 1000; i++) feed.put(`k${i}`, 1_000_000 * (round + 1) + i);
    expect(feed.size).toBe(100_000);
    let since = 0;
    let count = 0;
    const seen = new Set<number>();
    for (;;) {
      const p = feed.page(since, 1000);
      for (const item of p.items) seen.add(item as number);
      count += p.items.length;
      if (p.lastSeq !== undefined) since = p.lastSeq;
      if (!p.hasMore) break;
    }
    expect(count).toBe(100_000);
    expect(seen.has(3_000_999)).toBe(true);
    expect(seen.has(999)).toBe(false);
    // A page near the end returns the items after the cursor (it is found by binary search, not a scan;
    // how fast that is belongs to the benchmarks).
    const near = feed.page(since - 500, 200);
    expect(near.items).toHaveLength(200);
  });
});
