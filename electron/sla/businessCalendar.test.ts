import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BusinessCalendar as CalendarConfig } from '../../shared/config/slaPolicies.ts';
import { createBusinessCalendar } from './businessCalendar.ts';
import { instantOfLocal, dayOfIsoDate, offsetAt } from './zonedTime.ts';

const MIN = 60_000;
const H = 60 * MIN;
const nineToSix = [{ from: '09:00', to: '18:00' }];
const weekdays = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix };

function calendar(timeZone: string, extra: { holidays?: string[]; hours?: object } = {}) {
  return createBusinessCalendar(
    CalendarConfig.parse({ timeZone, hours: extra.hours ?? weekdays, holidays: extra.holidays ?? [] }),
  );
}

/** The instant a wall clock in `zone` reads `YYYY-MM-DD HH:MM`. */
function local(zone: string, date: string, time: string): number {
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(zone, dayOfIsoDate(date), h! * 60 + m!);
}

describe('business-hours calendar', () => {
  it('puts a 30-minute target of a case opened Friday 17:55 on Monday 09:25 in the calendar zone', () => {
    const berlin = calendar('Europe/Berlin');
    const opened = local('Europe/Berlin', '2026-03-06', '17:55');
    expect(new Date(opened).toISOString()).toBe('2026-03-06T16:55:00.000Z');
    const due = berlin.add(opened, 30 * MIN);
    expect(due).toBe(local('Europe/Berlin', '2026-03-09', '09:25'));
    expect(new Date(due).toISOString()).toBe('2026-03-09T08:25:00.000Z');
    expect(berlin.between(opened, due)).toBe(30 * MIN);
  });

  it('counts nothing outside working hours, at weekends and on holidays', () => {
    const ny = calendar('America/New_York', { holidays: ['2026-12-25'] });
    const fridayEvening = local('America/New_York', '2026-12-18', '18:00');
    const mondayMorning = local('America/New_York', '2026-12-21', '09:00');
    expect(ny.between(fridayEvening, mondayMorning)).toBe(0);
    // Christmas (Friday) is a holiday: Thursday 17:00 + 2 h lands on Monday 10:00.
    const thursday = local('America/New_York', '2026-12-24', '17:00');
    expect(ny.add(thursday, 2 * H)).toBe(local('America/New_York', '2026-12-28', '10:00'));
    expect(ny.windowsOn(dayOfIsoDate('2026-12-25'))).toEqual([]);
  });

  it('starts a business day at 09:00 wall-clock time after the spring-forward jump (America/New_York, 8 March 2026)', () => {
    const ny = calendar('America/New_York');
    // Friday 16:00 EST (UTC-5) + 3 business hours: 2 h on Friday, 1 h on Monday, which is EDT (UTC-4).
    const opened = local('America/New_York', '2026-03-06', '16:00');
    expect(new Date(opened).toISOString()).toBe('2026-03-06T21:00:00.000Z');
    const due = ny.add(opened, 3 * H);
    expect(new Date(due).toISOString()).toBe('2026-03-09T14:00:00.000Z'); // Monday 10:00 EDT
    // Naively adding the weekend in UTC with Friday's offset would say 15:00Z.
    expect(offsetAt('America/New_York', opened)).toBe(-5 * H);
    expect(offsetAt('America/New_York', due)).toBe(-4 * H);
    expect(ny.between(opened, due)).toBe(3 * H);
  });

  it('starts a business day at 09:00 wall-clock time after the fall-back jump (Europe/Berlin, 25 October 2026)', () => {
    const berlin = calendar('Europe/Berlin');
    const opened = local('Europe/Berlin', '2026-10-23', '17:30'); // CEST, UTC+2
    expect(new Date(opened).toISOString()).toBe('2026-10-23T15:30:00.000Z');
    const due = berlin.add(opened, 1 * H);
    expect(new Date(due).toISOString()).toBe('2026-10-26T08:30:00.000Z'); // Monday 09:30 CET, UTC+1
    expect(berlin.between(opened, due)).toBe(1 * H);
  });

  it('counts the real time a wall-clock window spans on the night the clocks change', () => {
    const allDay = { from: '00:00', to: '24:00' };
    const round = calendar('America/New_York', {
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [allDay]])),
    });
    const springDay = dayOfIsoDate('2026-03-08');
    const [window] = round.windowsOn(springDay);
    expect(window![1] - window![0]).toBe(23 * H);
    // 01:30 + 1 h of work: the clock jumps from 02:00 to 03:00, so it reads 03:30.
    const before = local('America/New_York', '2026-03-08', '01:30');
    expect(round.add(before, H)).toBe(local('America/New_York', '2026-03-08', '03:30'));
    // A wall-clock reading the jump skips maps to the jump itself.
    expect(local('America/New_York', '2026-03-08', '02:30')).toBe(Date.parse('2026-03-08T07:00:00Z'));
    expect(round.windowsOn(dayOfIsoDate('2026-11-01'))[0]).toEqual([
      Date.parse('2026-11-01T04:00:00Z'),
      Date.parse('2026-11-02T05:00:00Z'),
    ]);
  });

  it('keeps split working hours apart (a lunch break is not working time)', () => {
    const split = calendar('Europe/Berlin', {
      hours: {
        mon: [
          { from: '13:00', to: '17:00' },
          { from: '08:00', to: '12:00' },
        ],
      },
    });
    const monday = local('Europe/Berlin', '2026-06-01', '11:30');
    expect(split.add(monday, H)).toBe(local('Europe/Berlin', '2026-06-01', '13:30'));
    expect(split.add(monday, 5 * H)).toBe(local('Europe/Berlin', '2026-06-08', '08:30'));
  });

  describe('arithmetic properties', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = 3 * 365 * 24 * H;
    const arbInstant = fc.integer({ min: 0, max: span / MIN }).map((m) => start + m * MIN);
    const arbMinutes = fc.integer({ min: 0, max: 60 * 24 * 30 });
    const calendars = zones.map((z) =>
      calendar(z, { holidays: ['2025-12-25', '2026-01-01', '2026-12-25', '2027-01-01'] }),
    );
    const arbCalendar = fc.constantFrom(...calendars);

    it('measures back exactly the business time it added', () => {
      fc.assert(
        fc.property(arbCalendar, arbInstant, arbMinutes, (cal, from, minutes) => {
          expect(cal.between(from, cal.add(from, minutes * MIN))).toBe(minutes * MIN);
        }),
        { numRuns: 300 },
      );
    });

    it('adds in pieces what it adds at once', () => {
      fc.assert(
        fc.property(arbCalendar, arbInstant, arbMinutes, arbMinutes, (cal, from, a, b) => {
          expect(cal.add(cal.add(from, a * MIN), b * MIN)).toBe(cal.add(from, (a + b) * MIN));
        }),
        { numRuns: 300 },
      );
    });

    it('splits a stretch of time into business time that sums up, and never more than elapsed', () => {
      fc.assert(
        fc.property(arbCalendar, arbInstant, arbInstant, arbInstant, (cal, x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          expect(cal.between(a, b) + cal.between(b, c)).toBe(cal.between(a, c));
          expect(cal.between(a, c)).toBeLessThanOrEqual(c - a);
        }),
        { numRuns: 300 },
      );
    });

    it('lands inside a working window whenever it adds something', () => {
      fc.assert(
        fc.property(
          arbCalendar,
          arbInstant,
          fc.integer({ min: 1, max: 60 * 24 * 10 }),
          (cal, from, minutes) => {
            const due = cal.add(from, minutes * MIN);
            const day = Math.floor((due + offsetAt(cal.timeZone, due)) / 86_400_000);
            const windows = [...cal.windowsOn(day - 1), ...cal.windowsOn(day)];
            expect(windows.some(([s, e]) => due > s && due <= e)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
