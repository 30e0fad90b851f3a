import { describe, expect, it } from 'vitest';
import { SlaSettings, type SlaSettingsInput } from '../../shared/config/slaPolicies.ts';
import { parseEngineSettings } from '../engine/engine.ts';

const connections = {
  xconnector: { baseUrl: 'http://127.0.0.1:1' },
  tradingGrid: { baseUrl: 'http://127.0.0.1:2', clientId: 'desk' },
};
const weekday = [{ from: '09:00', to: '17:00' }];

function problems(sla: SlaSettingsInput): string[] {
  const r = SlaSettings.safeParse(sla);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('SLA settings', () => {
  it('have defaults: business hours, policies by priority with a catch-all, and a three-step ladder', () => {
    const s = SlaSettings.parse({});
    expect(s).toMatchObject({ enabled: true, waitingStatus: 'waiting_on_partner', warningShare: 0.8 });
    expect(s.calendars['business-hours']?.hours.mon).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(s.policies.map((p) => p.id)).toEqual(['urgent', 'high', 'standard', 'low']);
    expect(s.ladder.map((l) => l.tier)).toEqual([2, 3, 4]);
    expect(parseEngineSettings(connections).sla).toEqual(s);
  });

  it('refuse an unknown time zone, naming it', () => {
    expect(
      problems({
        calendars: { mars: { timeZone: 'Mars/Olympus_Mons', hours: { mon: weekday } } },
        policies: [{ id: 'p', calendar: 'mars', firstResponseMinutes: 5, resolutionMinutes: 9 }],
      }),
    ).toEqual([
      'calendars.mars.timeZone: unknown time zone "Mars/Olympus_Mons": use an IANA name such as Europe/Berlin or America/New_York',
    ]);
  });

  it('refuse overlapping working hours and hours that end before they start', () => {
    expect(
      problems({
        calendars: {
          office: {
            timeZone: 'Europe/Berlin',
            hours: {
              mon: [
                { from: '09:00', to: '12:30' },
                { from: '12:00', to: '17:00' },
              ],
              tue: [{ from: '17:00', to: '09:00' }],
            },
          },
        },
        policies: [{ id: 'p', calendar: 'office', firstResponseMinutes: 5, resolutionMinutes: 9 }],
      }),
    ).toEqual([
      'calendars.office.hours.mon: working hours 09:00–12:30 and 12:00–17:00 overlap',
      'calendars.office.hours.tue.0: working hours must end after they start (write 24:00 for midnight at the end of the day)',
    ]);
  });

  it('refuse a ladder with no steps, and one that does not climb', () => {
    expect(problems({ ladder: [] })).toEqual(['ladder: the escalation ladder needs at least one step']);
    expect(
      problems({
        ladder: [
          { tier: 3, priority: 'high', workflowId: 'a', comment: 'x' },
          { tier: 2, priority: 'urgent', workflowId: 'b', comment: 'y' },
        ],
      }),
    ).toEqual([
      'ladder.1.tier: each step must climb to a higher support tier than the one before (step 2 names tier 2 after tier 3)',
    ]);
  });

  it('refuse a policy naming an unknown calendar, duplicate ids, no catch-all policy and unknown comment placeholders', () => {
    expect(
      problems({
        policies: [
          {
            id: 'p',
            match: { priorities: ['high'] },
            calendar: 'nowhere',
            firstResponseMinutes: 5,
            resolutionMinutes: 9,
          },
          {
            id: 'p',
            match: { types: ['X'] },
            calendar: 'business-hours',
            firstResponseMinutes: 5,
            resolutionMinutes: 9,
          },
        ],
        ladder: [{ tier: 2, priority: 'high', workflowId: 'w', comment: 'Late by {lateness}' }],
      }),
    ).toEqual([
      expect.stringMatching(
        /^ladder\.0\.comment: unknown placeholder \{lateness\}: the comment may use \{case\}/,
      ),
      'policies.0.calendar: policy "p" names calendar "nowhere", which is not defined (known: business-hours)',
      'policies.1.id: policy id "p" is used twice',
      'policies: one policy must match every case (a policy without partnerIds, priorities or types)',
    ]);
  });

  it('reach the engine as one clear error naming the field', () => {
    expect(() => parseEngineSettings({ ...connections, sla: { ladder: [] } })).toThrow(
      'The engine settings are not valid: sla.ladder: the escalation ladder needs at least one step',
    );
    expect(() => parseEngineSettings({ ...connections, sla: { warningShare: 1.5 } })).toThrow(
      /sla\.warningShare/,
    );
  });
});
