// The inbox keeps a window of pages around what is on screen, never the whole result: with 100,000
// cases only a few hundred rows live in memory and a few dozen in the DOM.

export const PAGE_SIZE = 100;
/** Pages kept beyond the visible ones; the farthest go first when the window is full. */
export const MAX_CACHED_PAGES = 12;

export interface RowRange {
  /** First visible row index (inclusive). */
  start: number;
  /** Last visible row index (inclusive). */
  end: number;
}

/** Page numbers covering the range, plus one page of look-ahead either side, clipped to the total. */
export function pagesFor(range: RowRange, total: number | null, pageSize = PAGE_SIZE): number[] {
  const lastRow = total === null ? range.end : Math.min(range.end, total - 1);
  if (lastRow < 0 || range.start > lastRow) return total === null ? [0] : [];
  const first = Math.max(0, Math.floor(Math.max(0, range.start) / pageSize) - 1);
  const lastPage = total === null ? Infinity : Math.ceil(total / pageSize) - 1;
  const last = Math.min(lastPage, Math.floor(lastRow / pageSize) + 1);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

/** Pages to drop so that at most `max` stay, keeping those nearest the visible range. */
export function pagesToEvict(
  cached: readonly number[],
  range: RowRange,
  max = MAX_CACHED_PAGES,
  pageSize = PAGE_SIZE,
): number[] {
  if (cached.length <= max) return [];
  const centre = (range.start + range.end) / 2 / pageSize;
  const byDistance = [...cached].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  return byDistance.slice(0, cached.length - max);
}

/** The row at an index, or undefined while its page is still loading. */
export function rowAt<T>(
  pages: ReadonlyMap<number, readonly T[]>,
  index: number,
  pageSize = PAGE_SIZE,
): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}
