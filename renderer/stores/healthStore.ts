// Sync health: each system's last poll, errors and backoff, the outbox, quarantine and dead letters,
// and the person's actions on them (retry, discard, pause, resume, sync now) with their outcomes.
import { create } from 'zustand';
import type { DeadLetterDto, SyncHealthDto, SystemHealthDto } from '../../shared/ipc/dto.ts';
import { invoke } from '../api/desk.ts';

export interface ActionOutcome {
  ok: boolean;
  text: string;
}

interface HealthState {
  health: SyncHealthDto | null;
  deadLetters: DeadLetterDto[];
  error: string | null;
  /** The action running now (one at a time: buttons are disabled meanwhile). */
  busy: string | null;
  outcome: ActionOutcome | null;
  load(): Promise<void>;
  loadDeadLetters(): Promise<void>;
  applySystem(system: SystemHealthDto): void;
  applyOutbox(counts: { pending: number; dead: number }): void;
  retry(id: number): Promise<void>;
  discard(id: number): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  syncNow(): Promise<void>;
}

export const useHealth = create<HealthState>()((set, get) => {
  async function act(
    name: string,
    call: () => Promise<{ ok: true } | { ok: false; message: string }>,
    success: string,
  ) {
    set({ busy: name, outcome: null });
    try {
      const result = await call();
      set({ outcome: result.ok ? { ok: true, text: success } : { ok: false, text: result.message } });
    } catch (error) {
      set({ outcome: { ok: false, text: (error as Error).message } });
    } finally {
      set({ busy: null });
      await get().load();
    }
  }

  return {
    health: null,
    deadLetters: [],
    error: null,
    busy: null,
    outcome: null,

    async load() {
      try {
        const [health, deadLetters] = await Promise.all([
          invoke('health:get', {}),
          invoke('outbox:deadLetters', { limit: 200, offset: 0 }),
        ]);
        set({ health, deadLetters, error: null });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    async loadDeadLetters() {
      try {
        set({ deadLetters: await invoke('outbox:deadLetters', { limit: 200, offset: 0 }) });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    applySystem(system) {
      const { health } = get();
      if (!health) return;
      const known = health.systems.some((s) => s.system === system.system);
      set({
        health: {
          ...health,
          systems: known
            ? health.systems.map((s) => (s.system === system.system ? system : s))
            : [...health.systems, system],
        },
      });
    },

    applyOutbox({ pending, dead }) {
      const { health } = get();
      if (!health) return;
      set({ health: { ...health, outbox: { ...health.outbox, pending, dead } } });
    },

    retry: (id) => act(`retry:${id}`, () => invoke('outbox:retry', { id }), `Write #${id} is queued again.`),
    discard: (id) =>
      act(`discard:${id}`, () => invoke('outbox:discard', { id }), `Write #${id} was discarded.`),
    pause: () => act('pause', () => invoke('sync:pause', {}), 'Sync is paused.'),
    resume: () => act('resume', () => invoke('sync:resume', {}), 'Sync resumed.'),
    syncNow: () => act('sync', () => invoke('sync:now', {}), 'Sync finished.'),
  };
});
