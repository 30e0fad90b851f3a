// Wall-clock time in an IANA time zone, from the runtime's own time-zone database (Intl), so no
// package and no hand-kept offset tables. Local dates are counted as days since 1970-01-01.
const DAY_MS = 86_400_000;

interface LocalParts {
  day: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading in `zone` at `instant`, to the second. */
function localParts(zone: string, instant: number): LocalParts {
  if (zone === 'UTC') {
    const seconds = Math.floor(instant / 1000) * 1000;
    return { day: Math.floor(seconds / DAY_MS), msOfDay: seconds - Math.floor(seconds / DAY_MS) * DAY_MS };
  }
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

/** Local time minus UTC at `instant`, in milliseconds (e.g. -5 h in New York in winter). */
export function offsetAt(zone: string, instant: number): number {
  const { day, msOfDay } = localParts(zone, instant);
  return day * DAY_MS + msOfDay - Math.floor(instant / 1000) * 1000;
}

/** The local date (days since 1970-01-01) in `zone` at `instant`. */
export function localDayOf(zone: string, instant: number): number {
  return localParts(zone, instant).day;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local day number of a `YYYY-MM-DD` date. */
export function dayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * The instant the wall clock in `zone` first reads `minute` (minutes after midnight, up to 1440) on
 * local `day`. A reading the clock skips (the spring-forward gap) maps to the instant of the jump; a
 * reading it shows twice (fall-back) maps to the first time.
 */
export function instantOfLocal(zone: string, day: number, minute: number): number {
  const local = day * DAY_MS + minute * 60_000;
  if (zone === 'UTC') return local;
  const before = offsetAt(zone, local - DAY_MS);
  const after = offsetAt(zone, local + DAY_MS);
  const candidates = [...new Set([local - before, local - after])].filter(
    (t) => t + offsetAt(zone, t) === local,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: find the jump between the two readings (to the second; zones change on whole seconds).
  let lo = Math.min(local - before, local - after);
  let hi = Math.max(local - before, local - after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(zone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

const readable = new Map<string, Intl.DateTimeFormat>();

/** A short local rendering for people, e.g. `Mon 2 Mar 09:25 (Europe/Berlin)`. */
export function formatLocal(zone: string, instant: number): string {
  let f = readable.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    readable.set(zone, f);
  }
  return `${f.format(instant).replaceAll(',', '')} (${zone})`;
}
