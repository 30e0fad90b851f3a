// What the window knows about the app itself: version and mode (the demo banner reads it), and the state
// of the engine's process, which the Electron shell restarts if it crashes.
import { create } from 'zustand';
import type { AppInfo, EngineHostStateDto } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  /** Null until the shell reports it (the browser bridge never does: its engine is simply there). */
  engineHost: EngineHostStateDto | null;
  load(): Promise<void>;
  setEngineHost(state: EngineHostStateDto): void;
}

export const useApp = create<AppState>()((set) => ({
  info: null,
  error: null,
  engineHost: null,
  async load() {
    try {
      set({ info: await invoke('app:info', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  setEngineHost: (engineHost) => set({ engineHost }),
}));
