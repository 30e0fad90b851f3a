import { describe, expect, it } from 'vitest';
import { MAX_CACHED_PAGES, pagesFor, pagesToEvict, rowAt } from './pageWindow.ts';

describe('inbox page window', () => {
  it('asks for the first pages before the total is known', () => {
    expect(pagesFor({ start: 0, end: 20 }, null)).toEqual([0, 1]);
  });

  it('covers the visible rows plus one page either side, within the total', () => {
    expect(pagesFor({ start: 5_020, end: 5_060 }, 100_000)).toEqual([49, 50, 51]);
    expect(pagesFor({ start: 99_950, end: 99_999 }, 100_000)).toEqual([998, 999]);
  });

  it('asks for nothing when the query matches nothing', () => {
    expect(pagesFor({ start: 0, end: 20 }, 0)).toEqual([]);
  });

  it('never keeps more than a window of pages, dropping the farthest first', () => {
    const cached = Array.from({ length: MAX_CACHED_PAGES + 3 }, (_, i) => i * 10);
    const evicted = pagesToEvict(cached, { start: 0, end: 40 });
    expect(evicted).toHaveLength(3);
    expect(evicted.sort((a, b) => a - b)).toEqual([120, 130, 140]);
    expect(pagesToEvict([1, 2, 3], { start: 0, end: 40 })).toEqual([]);
  });

  it('finds a row by its index, or nothing while its page loads', () => {
    const pages = new Map([[3, ['a', 'b']]]);
    expect(rowAt(pages, 301)).toBe('b');
    expect(rowAt(pages, 401)).toBeUndefined();
  });
});
