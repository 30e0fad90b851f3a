// Business time in one calendar: working hours per weekday in the calendar's own time zone, minus
// holidays. Each local working window is turned into real instants for that very day, so a window on
// the far side of a daylight-saving change starts at the right UTC instant, and a business hour is an
// hour the clock on the office wall shows as working time, not a fixed slice of UTC.
import {
  WEEKDAYS,
  minutesOfDay,
  type BusinessCalendar as CalendarConfig,
} from '../../shared/config/slaPolicies.ts';
import { dayOfIsoDate, instantOfLocal, localDayOf, weekdayOf } from './zonedTime.ts';

/** [start, end) in epoch milliseconds. */
export type Window = readonly [number, number];

/** Longest stretch the arithmetic walks, day by day: beyond it a calendar is treated as broken. */
const MAX_DAYS = 366 * 30;
const CACHE_LIMIT = 20_000;

export class CalendarRangeError extends Error {}

export interface BusinessCalendar {
  readonly timeZone: string;
  /** Working windows of a local day (days since 1970-01-01), empty on holidays and days off. */
  windowsOn(day: number): readonly Window[];
  /** Business milliseconds between two instants (0 when `to` is not after `from`). */
  between(from: number, to: number): number;
  /** The instant at which `ms` business milliseconds have passed since `from` (`from` itself for 0). */
  add(from: number, ms: number): number;
}

export function createBusinessCalendar(config: CalendarConfig): BusinessCalendar {
  const zone = config.timeZone;
  const holidays = new Set(config.holidays.map(dayOfIsoDate));
  const hours = WEEKDAYS.map((d) =>
    [...config.hours[d]]
      .map((h) => [minutesOfDay(h.from), minutesOfDay(h.to)] as const)
      .sort((a, b) => a[0] - b[0]),
  );
  const cache = new Map<number, readonly Window[]>();

  function windowsOn(day: number): readonly Window[] {
    const cached = cache.get(day);
    if (cached) return cached;
    const windows: Window[] = [];
    if (!holidays.has(day)) {
      for (const [from, to] of hours[weekdayOf(day)] ?? []) {
        const start = instantOfLocal(zone, day, from);
        const end = instantOfLocal(zone, day, to);
        // A window lying wholly in a skipped hour has no working time.
        if (end > start) windows.push([start, end]);
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(day, windows);
    return windows;
  }

  return {
    timeZone: zone,
    windowsOn,
    between(from, to) {
      if (!(to > from)) return 0;
      const first = localDayOf(zone, from);
      const last = localDayOf(zone, to);
      if (last - first > MAX_DAYS)
        throw new CalendarRangeError(`business time over more than ${MAX_DAYS} days was asked for`);
      let total = 0;
      for (let day = first; day <= last; day++) {
        for (const [s, e] of windowsOn(day)) {
          const overlap = Math.min(e, to) - Math.max(s, from);
          if (overlap > 0) total += overlap;
        }
      }
      return total;
    },
    add(from, ms) {
      if (!(ms > 0)) return from;
      let left = ms;
      const first = localDayOf(zone, from);
      for (let day = first; day <= first + MAX_DAYS; day++) {
        for (const [s, e] of windowsOn(day)) {
          const start = Math.max(s, from);
          if (start >= e) continue;
          if (left <= e - start) return start + left;
          left -= e - start;
        }
      }
      throw new CalendarRangeError(
        `the calendar in ${zone} has no ${Math.round(ms / 60_000)} business minutes within ${MAX_DAYS} days`,
      );
    },
  };
}
