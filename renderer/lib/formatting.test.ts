import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative, toIsoString } from './formatting.ts';

const NOW = Date.UTC(2026, 10, 16, 11, 0, 0);

describe('relative times', () => {
  it('reads past times as "ago"', () => {
    expect(formatRelative(NOW - 10_000, NOW)).toBe('just now');
    expect(formatRelative(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(formatRelative(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(formatRelative(NOW - 2 * 86_400_000, NOW)).toBe('2 d ago');
    expect(formatRelative(null, NOW)).toBe('never');
  });

  it('reads a time just past a stale clock as "just now", not as a future time', () => {
    // The clock was read 30 s ago; the poll happened 20 s after that reading.
    expect(formatRelative(NOW + 20_000, NOW, 30_000)).toBe('just now');
    expect(formatRelative(NOW + 30_000, NOW, 30_000)).toBe('just now');
    // Without the leeway, or beyond it, the future still reads as the future.
    expect(formatRelative(NOW + 20_000, NOW)).toBe('in a moment');
    expect(formatRelative(NOW + 10 * 60_000, NOW, 30_000)).toBe('in 10 min');
  });
});

describe('dates', () => {
  it('reads every date the same way, whether it comes as epoch milliseconds or an ISO string', () => {
    const iso = new Date(NOW).toISOString();
    expect(formatDateTime(NOW)).toBe(formatDateTime(iso));
    expect(formatDateTime(NOW)).toMatch(/2026/);
    // Medium date and short time: no seconds.
    expect(formatDateTime(NOW)).not.toMatch(/\d:\d\d:\d\d/);
    expect(formatDateTime(null)).toBe('never');
    expect(formatDateTime('not a date')).toBe('unknown time');
    expect(toIsoString(NOW)).toBe(iso);
    expect(toIsoString('not a date')).toBeUndefined();
  });
});
