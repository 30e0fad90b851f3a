import { describe, expect, it } from 'vitest';
import { countdownRefreshMs, formatDuration, slaCountdown } from './slaCountdown.ts';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('SLA countdown', () => {
  it('says "no SLA yet" when the case has no due time', () => {
    expect(slaCountdown(null, NOW)).toEqual({ text: 'no SLA yet', tone: 'none' });
  });

  it('counts down in days and hours when the deadline is far away', () => {
    expect(slaCountdown(NOW + 3 * 24 * HOUR + 4 * HOUR + 59 * MIN, NOW)).toEqual({
      text: 'due in 3 d 4 h',
      tone: 'ok',
    });
  });

  it('turns amber inside the last two hours', () => {
    expect(slaCountdown(NOW + 2 * HOUR + 1000, NOW).tone).toBe('ok');
    expect(slaCountdown(NOW + 2 * HOUR, NOW)).toEqual({ text: 'due in 2 h 00 min', tone: 'soon' });
    expect(slaCountdown(NOW + 4 * MIN + 10_000, NOW)).toEqual({ text: 'due in 4 min 10 s', tone: 'soon' });
  });

  it('says how long ago the SLA was breached', () => {
    expect(slaCountdown(NOW - 25 * MIN, NOW)).toEqual({ text: 'overdue by 25 min 00 s', tone: 'overdue' });
    expect(slaCountdown(NOW, NOW)).toEqual({ text: 'overdue by 0 s', tone: 'overdue' });
  });

  it('does not count down while the SLA is paused, nor once it is met', () => {
    expect(slaCountdown(NOW - 5 * MIN, NOW, 'paused')).toEqual({
      text: 'SLA paused: waiting on the partner',
      tone: 'none',
    });
    expect(slaCountdown(NOW - 5 * MIN, NOW, 'met')).toEqual({ text: 'SLA met', tone: 'ok' });
    expect(slaCountdown(NOW - 5 * MIN, NOW, 'breached').tone).toBe('overdue');
  });

  it('formats short durations in seconds and never goes negative', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(HOUR + 5 * MIN)).toBe('1 h 05 min');
  });

  it('redraws every second near the deadline and every half minute otherwise', () => {
    expect(countdownRefreshMs(null, NOW)).toBeNull();
    expect(countdownRefreshMs(NOW + 10 * MIN, NOW)).toBe(1000);
    expect(countdownRefreshMs(NOW - 10 * MIN, NOW)).toBe(1000);
    expect(countdownRefreshMs(NOW + 5 * HOUR, NOW)).toBe(30_000);
  });
});
