// Quiet hours on the wall clock of an IANA zone: windows across midnight, non-UTC zones, DST days.
import { describe, expect, it } from 'vitest';
import { isWithinQuietHours, quietHoursEndAfter, wallClockMinutes } from './quietHours.ts';
import type { QuietHours } from '../../../shared/config/appSettings.ts';

const utc = (iso: string) => Date.parse(iso);
const night = (timeZone: string, start = '22:00', end = '07:00'): QuietHours => ({
  enabled: true,
  start,
  end,
  timeZone,
});

describe('quiet hours', () => {
  it('reads the wall clock of the configured zone', () => {
    expect(wallClockMinutes(utc('2025-01-15T03:30:00Z'), 'America/New_York')).toBe(22 * 60 + 30);
    expect(wallClockMinutes(utc('2025-01-15T03:30:00Z'), 'Asia/Kolkata')).toBe(9 * 60);
    expect(wallClockMinutes(utc('2025-01-15T03:30:00Z'), 'UTC')).toBe(3 * 60 + 30);
  });

  it('covers a window that crosses midnight, start included and end excluded', () => {
    const q = night('UTC');
    expect(isWithinQuietHours(utc('2025-01-15T21:59:59Z'), q)).toBe(false);
    expect(isWithinQuietHours(utc('2025-01-15T22:00:00Z'), q)).toBe(true);
    expect(isWithinQuietHours(utc('2025-01-16T00:00:00Z'), q)).toBe(true);
    expect(isWithinQuietHours(utc('2025-01-16T06:59:59Z'), q)).toBe(true);
    expect(isWithinQuietHours(utc('2025-01-16T07:00:00Z'), q)).toBe(false);
  });

  it('covers a window within one day', () => {
    const lunch = night('Europe/Berlin', '12:00', '13:30');
    expect(isWithinQuietHours(utc('2025-06-02T10:30:00Z'), lunch)).toBe(true); // 12:30 CEST
    expect(isWithinQuietHours(utc('2025-06-02T09:59:00Z'), lunch)).toBe(false); // 11:59 CEST
    expect(isWithinQuietHours(utc('2025-06-02T22:00:00Z'), lunch)).toBe(false);
  });

  it('judges the time in the configured zone, not in UTC', () => {
    const q = night('America/New_York');
    expect(isWithinQuietHours(utc('2025-01-15T03:30:00Z'), q)).toBe(true); // 22:30 EST
    expect(isWithinQuietHours(utc('2025-01-15T23:00:00Z'), q)).toBe(false); // 18:00 EST
    expect(isWithinQuietHours(utc('2025-01-15T11:59:00Z'), q)).toBe(true); // 06:59 EST
  });

  it('is never quiet when switched off', () => {
    expect(isWithinQuietHours(utc('2025-01-16T00:00:00Z'), { ...night('UTC'), enabled: false })).toBe(false);
  });

  it('ends at the next time the clock reads the end', () => {
    expect(quietHoursEndAfter(utc('2025-01-15T23:10:30Z'), night('UTC'))).toBe(utc('2025-01-16T07:00:00Z'));
    expect(quietHoursEndAfter(utc('2025-01-15T03:30:00Z'), night('America/New_York'))).toBe(
      utc('2025-01-15T12:00:00Z'),
    );
  });

  it('ends an hour sooner in real time on the night clocks spring forward (New York, 9 March 2025)', () => {
    // 22:00 EST on 8 March is 03:00Z; 07:00 EDT on 9 March is 11:00Z: an eight-hour night.
    expect(quietHoursEndAfter(utc('2025-03-09T03:00:00Z'), night('America/New_York'))).toBe(
      utc('2025-03-09T11:00:00Z'),
    );
  });

  it('ends an hour later in real time on the night clocks fall back (New York, 2 November 2025)', () => {
    // 22:00 EDT on 1 November is 02:00Z; 07:00 EST on 2 November is 12:00Z: a ten-hour night.
    expect(quietHoursEndAfter(utc('2025-11-02T02:00:00Z'), night('America/New_York'))).toBe(
      utc('2025-11-02T12:00:00Z'),
    );
  });

  it('ends at the jump when the end time does not exist that day (02:30 on a spring-forward night)', () => {
    // Clocks go from 01:59:59 EST straight to 03:00 EDT, at 07:00Z.
    expect(quietHoursEndAfter(utc('2025-03-09T04:00:00Z'), night('America/New_York', '23:00', '02:30'))).toBe(
      utc('2025-03-09T07:00:00Z'),
    );
  });

  it('ends at the first 01:30 when the end time happens twice (fall-back night)', () => {
    // 01:30 EDT (05:30Z) comes before 01:30 EST (06:30Z).
    expect(quietHoursEndAfter(utc('2025-11-02T03:00:00Z'), night('America/New_York', '23:00', '01:30'))).toBe(
      utc('2025-11-02T05:30:00Z'),
    );
  });

  it('handles zones with half-hour offsets', () => {
    // Kolkata is UTC+5:30: 07:00 IST is 01:30Z.
    expect(quietHoursEndAfter(utc('2025-01-15T18:00:00Z'), night('Asia/Kolkata'))).toBe(
      utc('2025-01-16T01:30:00Z'),
    );
  });
});
