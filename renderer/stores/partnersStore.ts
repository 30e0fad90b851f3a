// The trading partners, for the Partner filters of the inbox and the failed-transactions view.
import { create } from 'zustand';
import type { PartnerDto } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';

interface PartnersState {
  partners: PartnerDto[];
  error: string | null;
  load(): Promise<void>;
}

export const usePartners = create<PartnersState>()((set) => ({
  partners: [],
  error: null,
  async load() {
    try {
      const partners = await invoke('partners:list', {});
      set({ partners: [...partners].sort((a, b) => a.name.localeCompare(b.name)), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
