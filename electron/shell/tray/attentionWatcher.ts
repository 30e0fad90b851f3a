// Keeps the tray's count current without polling the engine hard: a refresh shortly after the engine
// reports a change (a burst of 200 failures is one refresh), and a slow periodic one for SLA clocks that
// tick over with no event.
import { readAttention, type Attention, type Invoke } from './attention.ts';

export interface AttentionWatcherOptions {
  invoke: Invoke;
  onChange(attention: Attention): void;
  /** Wait this long after a change before reading, gathering a burst into one read. */
  settleMs?: number;
  periodMs?: number;
}

export function createAttentionWatcher(options: AttentionWatcherOptions) {
  const settleMs = options.settleMs ?? 1_000;
  const periodMs = options.periodMs ?? 60_000;
  let soon: NodeJS.Timeout | null = null;
  let periodic: NodeJS.Timeout | null = null;
  let reading = false;
  let again = false;
  let last: Attention | null = null;

  async function read(): Promise<void> {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const next = await readAttention(options.invoke);
      if (!last || JSON.stringify(next) !== JSON.stringify(last)) {
        last = next;
        options.onChange(next);
      }
    } catch {
      // The engine is starting or restarting: the next change or tick reads again.
    } finally {
      reading = false;
      if (again) {
        again = false;
        void read();
      }
    }
  }

  return {
    start(): void {
      if (periodic) return;
      periodic = setInterval(() => void read(), periodMs);
      void read();
    },
    /** The engine reported a change that may move the count. */
    changed(): void {
      if (soon) return;
      soon = setTimeout(() => {
        soon = null;
        void read();
      }, settleMs);
    },
    current: (): Attention | null => last,
    stop(): void {
      if (soon) clearTimeout(soon);
      if (periodic) clearInterval(periodic);
      soon = periodic = null;
    },
  };
}
