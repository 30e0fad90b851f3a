// Quiet hours on the wall clock of a chosen IANA time zone, windows that cross midnight included.
import type { QuietHours } from '../../../shared/config/appSettings.ts';

const MINUTE = 60_000;
/** The longest quiet period is 23:59 of wall time; a DST change adds at most an hour of real time. */
const MAX_SEARCH_MINUTES = 26 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight (0‥1439) on the wall clock of `timeZone` at `instant`. */
export function wallClockMinutes(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  let hour = 0;
  let minute = 0;
  for (const part of f.formatToParts(instant)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return (hour % 24) * 60 + minute;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether the wall clock at `instant` reads a time in [start, end), wrapping past midnight. */
export function isWithinQuietHours(instant: number, q: QuietHours): boolean {
  if (!q.enabled) return false;
  const now = wallClockMinutes(instant, q.timeZone);
  const start = toMinutes(q.start);
  const end = toMinutes(q.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first instant after `instant` at which the wall clock reaches the end of quiet hours. On a
 * spring-forward day whose end time does not exist (02:30 when clocks jump 02:00 → 03:00) that is the
 * jump itself; on a fall-back day it is the first time the clock reads the end.
 *
 * Walking minute by minute is at most ~1,500 formatter calls (a few ms) once per quiet period, and it
 * is right on DST days by construction, which closed-form offset arithmetic is easy to get wrong.
 */
export function quietHoursEndAfter(instant: number, q: QuietHours): number {
  const end = toMinutes(q.end);
  let t = Math.floor(instant / MINUTE) * MINUTE;
  let before = wallClockMinutes(t, q.timeZone);
  for (let i = 0; i < MAX_SEARCH_MINUTES; i++) {
    t += MINUTE;
    const after = wallClockMinutes(t, q.timeZone);
    // Forward distance on the 24-hour dial: 1 normally, 61 across a spring-forward jump; a fall-back
    // jump reads as ~23 h forward and is not a crossing.
    const step = (after - before + 1440) % 1440;
    const toEnd = (end - before + 1440) % 1440;
    if (step > 0 && step <= 120 && toEnd > 0 && toEnd <= step) return t;
    before = after;
  }
  // Unreachable for a valid time zone; a bounded answer keeps a caller's timer from never firing.
  return instant + MAX_SEARCH_MINUTES * MINUTE;
}
