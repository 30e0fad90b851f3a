// The inbox: the filters, the total that matches them, and a window of pages around what is on
// screen. Rows are fetched page by page as the list scrolls (`cases:list`, in the engine's SLA order);
// an engine change refetches only the pages in view. Answers to an outdated query are dropped.
import { create } from 'zustand';
import type { CaseSummary } from '../../shared/ipc/dto.ts';
import type { CaseListQuery } from '../../shared/ipc/contract.ts';
import { invoke } from '../api/desk.ts';
import { PAGE_SIZE, pagesFor, pagesToEvict, rowAt, type RowRange } from '../lib/pageWindow.ts';

export interface InboxFilters {
  /** '' means any. */
  partnerId: string;
  status: string;
  slaState: string;
  type: string;
  text: string;
}

export const NO_FILTERS: InboxFilters = { partnerId: '', status: '', slaState: '', type: '', text: '' };

interface InboxState {
  filters: InboxFilters;
  /** Cases matching the filters; null until the first answer. */
  total: number | null;
  pages: ReadonlyMap<number, readonly CaseSummary[]>;
  /** True while the first page of a new query is on its way. */
  loading: boolean;
  error: string | null;
  selectedIndex: number;
  range: RowRange;
  /** Bumped on every new query or refresh; an answer for an older one is ignored. */
  generation: number;
  setFilters(change: Partial<InboxFilters>): void;
  setRange(range: RowRange): void;
  select(index: number): void;
  refresh(): void;
  rowAt(index: number): CaseSummary | undefined;
}

function queryFor(filters: InboxFilters): Omit<CaseListQuery, 'limit' | 'offset'> {
  const q: Omit<CaseListQuery, 'limit' | 'offset'> = {};
  if (filters.partnerId) q.partnerId = filters.partnerId;
  if (filters.status) q.status = filters.status;
  if (filters.slaState) q.slaState = filters.slaState;
  if (filters.type) q.type = filters.type;
  const text = filters.text.trim().slice(0, 200);
  if (text) q.text = text;
  return q;
}

const inFlight = new Set<string>();
const SCROLL_SETTLE_MS = 60;
let scrollTimer: ReturnType<typeof setTimeout> | null = null;

export const useInbox = create<InboxState>()((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const { items, total } = await invoke('cases:list', {
        ...queryFor(get().filters),
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      });
      if (get().generation !== generation) return;
      const pages = new Map(get().pages);
      pages.set(page, items);
      for (const p of pagesToEvict([...pages.keys()], get().range)) pages.delete(p);
      const selectedIndex = Math.min(get().selectedIndex, Math.max(0, total - 1));
      set({ pages, total, loading: false, error: null, selectedIndex });
      // The first answer tells us the total; the visible range may need more pages than page 0.
      loadMissing();
    } catch (error) {
      if (get().generation === generation) set({ loading: false, error: (error as Error).message });
    } finally {
      inFlight.delete(key);
    }
  }

  function loadMissing(): void {
    const { range, total, pages, generation, error } = get();
    if (error) return;
    for (const p of pagesFor(range, total)) if (!pages.has(p)) void fetchPage(p, generation);
  }

  return {
    filters: NO_FILTERS,
    total: null,
    pages: new Map(),
    loading: true,
    error: null,
    selectedIndex: 0,
    range: { start: 0, end: 40 },
    generation: 0,

    setFilters(change) {
      const filters = { ...get().filters, ...change };
      set({
        filters,
        generation: get().generation + 1,
        pages: new Map(),
        total: null,
        loading: true,
        error: null,
        selectedIndex: 0,
        range: { start: 0, end: get().range.end - get().range.start },
      });
      loadMissing();
    },

    setRange(range) {
      const current = get().range;
      if (current.start === range.start && current.end === range.end) return;
      set({ range });
      // Dragging the scroll bar across 100,000 rows passes hundreds of pages: fetch where it settles.
      if (scrollTimer !== null) clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        scrollTimer = null;
        loadMissing();
      }, SCROLL_SETTLE_MS);
    },

    select(index) {
      const { total } = get();
      const last = Math.max(0, (total ?? 1) - 1);
      set({ selectedIndex: Math.max(0, Math.min(last, index)) });
    },

    refresh() {
      // Keep the rows in view on screen (no flicker) and forget the rest; refetch what is in view.
      const { range, pages, total } = get();
      const visible = pagesFor(range, total);
      const kept = new Map([...pages].filter(([p]) => visible.includes(p)));
      const generation = get().generation + 1;
      set({ generation, pages: kept, error: null });
      if (visible.length === 0) void fetchPage(0, generation);
      for (const p of visible) void fetchPage(p, generation);
    },

    rowAt(index) {
      return rowAt(get().pages, index);
    },
  };
});

/** Starts the first query (called once the window is up). */
export function startInbox(): void {
  useInbox.getState().setFilters({});
}
