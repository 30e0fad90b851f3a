// Failed transactions, newest problems first as the engine orders them, filtered by partner. Loaded a
// page at a time ("Show more"); a `engine:transactionFailed` event refetches what is already shown.
import { create } from 'zustand';
import type { FailedTransactionDto } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';

const PAGE = 50;

interface FailedState {
  partnerId: string;
  items: FailedTransactionDto[];
  total: number | null;
  loading: boolean;
  error: string | null;
  generation: number;
  setPartner(partnerId: string): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
}

export const useFailed = create<FailedState>()((set, get) => {
  async function fetch(limit: number, offset: number, append: boolean): Promise<void> {
    const generation = get().generation;
    const { partnerId } = get();
    set({ loading: true });
    try {
      const page = await invoke('transactions:failed', {
        ...(partnerId ? { partnerId } : {}),
        limit,
        offset,
      });
      if (get().generation !== generation) return;
      set({
        items: append ? [...get().items, ...page.items] : page.items,
        total: page.total,
        loading: false,
        error: null,
      });
    } catch (error) {
      if (get().generation === generation) set({ loading: false, error: (error as Error).message });
    }
  }

  return {
    partnerId: '',
    items: [],
    total: null,
    loading: false,
    error: null,
    generation: 0,
    setPartner(partnerId) {
      set({ partnerId, items: [], total: null, generation: get().generation + 1 });
      void get().load();
    },
    /** (Re)loads at least as many rows as are shown now, so a refresh never shortens the list. */
    load() {
      set({ generation: get().generation + 1 });
      return fetch(Math.min(1000, Math.max(PAGE, get().items.length)), 0, false);
    },
    loadMore() {
      return fetch(PAGE, get().items.length, true);
    },
  };
});
