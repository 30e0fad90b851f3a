// The numbers the navigation and the inbox filters show: cases per status, SLA state and type, and how
// many transactions have failed. Refreshed when engine events say they may have changed.
import { create } from 'zustand';
import type { CaseCounts } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';

interface CountsState {
  cases: CaseCounts | null;
  failedTransactions: number | null;
  error: string | null;
  refreshCases(): Promise<void>;
  refreshFailed(): Promise<void>;
}

export const useCounts = create<CountsState>()((set) => ({
  cases: null,
  failedTransactions: null,
  error: null,
  async refreshCases() {
    try {
      set({ cases: await invoke('cases:counts', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async refreshFailed() {
    try {
      const { total } = await invoke('transactions:failed', { limit: 1, offset: 0 });
      set({ failedTransactions: total, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
