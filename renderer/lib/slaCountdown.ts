// How an SLA due time reads to a person: "due in 2 h 05 min", "overdue by 3 min", "no SLA yet". The tone
// drives the colour, so a breach is never shown in the same colour as a comfortable margin.

export type SlaTone = 'none' | 'ok' | 'soon' | 'overdue';

export interface SlaCountdown {
  text: string;
  tone: SlaTone;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Inside this margin the countdown turns amber, even before the engine's own warning state arrives. */
export const SOON_MS = 2 * HOUR;

/** A duration in the two largest units that matter: "3 d 4 h", "2 h 05 min", "4 min 10 s", "12 s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (ms >= DAY) return `${days} d ${hours} h`;
  if (ms >= HOUR) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (ms >= MINUTE) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/**
 * The engine's SLA state wins where a clock alone would mislead: a paused SLA (waiting on the partner)
 * is not counting down, and a met one is no longer due at all.
 */
export function slaCountdown(dueAt: number | null, now: number, state?: string): SlaCountdown {
  if (state === 'paused') return { text: 'SLA paused: waiting on the partner', tone: 'none' };
  if (state === 'met') return { text: 'SLA met', tone: 'ok' };
  if (dueAt === null || !Number.isFinite(dueAt)) return { text: 'no SLA yet', tone: 'none' };
  const left = dueAt - now;
  if (left <= 0) return { text: `overdue by ${formatDuration(-left)}`, tone: 'overdue' };
  return { text: `due in ${formatDuration(left)}`, tone: left <= SOON_MS ? 'soon' : 'ok' };
}

/** How often a countdown needs redrawing: every second near the deadline, every half minute far away. */
export function countdownRefreshMs(dueAt: number | null, now: number): number | null {
  if (dueAt === null) return null;
  return Math.abs(dueAt - now) < HOUR ? 1000 : 30_000;
}
