// How numbers, sizes, dates and times read on screen. One place, so every screen says "2.4 MB" and
// "Nov 16, 2026, 11:00 AM" the same way: components never call toLocaleString or Intl.DateTimeFormat.

const numberFormat = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A point in time as epoch milliseconds or an ISO string; "never" when there is none. */
export function formatDateTime(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return 'never';
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? 'unknown time' : dateTime.format(d);
}

/**
 * "just now", "5 min ago", "3 h ago", "2 d ago"; a future time reads "in 4 min".
 * `staleMs`: how old `now` may be (a clock redrawn every 30 s is up to 30 s behind). A time that lies
 * ahead of `now` by no more than that has most likely already happened, and reads "just now".
 */
export function formatRelative(at: number | null, now: number, staleMs = 0): string {
  if (at === null) return 'never';
  const diff = now - at;
  if (diff < 0 && -diff <= staleMs) return 'just now';
  const abs = Math.abs(diff);
  const say = (text: string) => (diff >= 0 ? `${text} ago` : `in ${text}`);
  if (abs < 45_000) return diff >= 0 ? 'just now' : 'in a moment';
  if (abs < 3_600_000) return say(`${Math.round(abs / 60_000)} min`);
  if (abs < 86_400_000) return say(`${Math.round(abs / 3_600_000)} h`);
  return say(`${Math.round(abs / 86_400_000)} d`);
}

/** Engine words (snake_case, kebab-case, SHOUTING) as a person would write them: "in transit". */
export function humanize(word: string): string {
  const spaced = word.replace(/[_-]+/g, ' ').trim();
  if (!spaced) return word;
  const lower = spaced === spaced.toUpperCase() ? spaced.toLowerCase() : spaced;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The machine-readable form for a <time> element; undefined when the value is not a valid time. */
export function toIsoString(at: number | string): string | undefined {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
