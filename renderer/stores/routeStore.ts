// Where the window is: which screen, which case is open beside the inbox, which failed transaction a
// notification pointed at. Kept in a store (not the URL) because the page loads from file:// in Electron.
import { create } from 'zustand';
import type { Screen } from '../lib/navigationTarget.ts';

interface RouteState {
  screen: Screen;
  /** The case shown next to the inbox list, if any. */
  caseId: string | null;
  /** A failed transaction to bring into view (from a notification click). */
  transactionId: string | null;
  show(screen: Screen): void;
  openCase(caseId: string | null): void;
  showTransaction(transactionId: string | null): void;
}

export const useRoute = create<RouteState>()((set) => ({
  screen: 'inbox',
  caseId: null,
  transactionId: null,
  show: (screen) => set({ screen }),
  openCase: (caseId) => set({ screen: 'inbox', caseId }),
  showTransaction: (transactionId) => set({ screen: 'failed', transactionId }),
}));
