// The routing-rules and SLA editors' forms: what a person types becomes settings the shared schema
// accepts, and what it refuses lands under the field that holds it.
import { describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../shared/config/appSettings.ts';
import { errorsAt, formFromSettings, leftoverErrors, settingsFromForm } from '../lib/settingsForm.ts';
import type { SettingsForm } from '../lib/settingsForm.ts';
import { emptyRule } from './routingForm.ts';
import { emptyCalendar, emptyPolicy, type SlaForm } from './slaForm.ts';

const form = () => formFromSettings(defaultAppSettings());
const withSla = (f: SettingsForm, change: (sla: SlaForm) => Partial<SlaForm>): SettingsForm => ({
  ...f,
  sla: { ...f.sla, ...change(f.sla) },
});

describe('the routing-rules editor', () => {
  it('shows each rule’s lists with commas and saves them as lists, in order', () => {
    const f = form();
    expect(f.routing.rules[0]).toMatchObject({
      name: 'Invoices and remittances go to ERP',
      route: 'erp',
      documentTypes: 'invoice, credit_note, remittance_advice',
      keywords: '',
    });
    const rule = {
      ...emptyRule(),
      name: 'ACME to ERP',
      route: 'erp' as const,
      partnerIds: ' P-0001 ,P-0002, ',
    };
    const { settings, errors } = settingsFromForm({
      ...f,
      routing: { rules: [rule, ...f.routing.rules], defaultRoute: 'order-management' },
    });
    expect(errors).toEqual({});
    const routing = settings.mappings?.caseSync?.routing;
    expect(routing?.rules?.[0]).toEqual({
      name: 'ACME to ERP',
      route: 'erp',
      partnerIds: ['P-0001', 'P-0002'],
    });
    expect(routing?.rules?.length).toBe(f.routing.rules.length + 1);
    expect(routing?.defaultRoute).toBe('order-management');
  });

  it('refuses a rule that matches nothing or has no name, at that rule', () => {
    const f = form();
    const { errors } = settingsFromForm({
      ...f,
      routing: { ...f.routing, rules: [...f.routing.rules, emptyRule()] },
    });
    const at = `mappings.caseSync.routing.rules[${f.routing.rules.length}]`;
    expect(errorsAt(errors, `${at}.name`)).toEqual(['give the rule a name: the receiving team sees it']);
    expect(leftoverErrors(errors, at, [`${at}.name`])).toEqual([
      'a routing rule needs at least one of caseTypes, partnerIds, keywords or documentTypes',
    ]);
  });
});

describe('the SLA editor', () => {
  it('shows calendars as typed working hours and the warning point as a percentage', () => {
    const sla = form().sla;
    expect(sla.warningPercent).toBe('80');
    expect(sla.calendars).toEqual([
      expect.objectContaining({
        id: 'business-hours',
        timeZone: 'UTC',
        hours: expect.objectContaining({ mon: '09:00-18:00', sat: '' }),
        holidays: '',
      }),
    ]);
    expect(sla.policies.map((p) => p.id)).toEqual(['urgent', 'high', 'standard', 'low']);
    expect(sla.policies[0]?.priorities).toEqual(['urgent']);
  });

  it('saves a new calendar and a partner policy on it', () => {
    const f = withSla(form(), (sla) => ({
      warningPercent: '70',
      calendars: [
        ...sla.calendars,
        {
          ...emptyCalendar(),
          id: 'berlin',
          timeZone: 'Europe/Berlin',
          hours: { ...emptyCalendar().hours, fri: '08:00-12:00, 13:00–16:00' },
          holidays: '2026-12-24, 2026-12-25',
        },
      ],
      policies: [
        {
          ...emptyPolicy('berlin'),
          id: 'acme-gold',
          partnerIds: 'P-0001',
          priorities: ['high', 'urgent'],
          firstResponseMinutes: '30',
          resolutionMinutes: '480',
          warningPercent: '50',
        },
        ...sla.policies,
      ],
    }));
    const { settings, errors } = settingsFromForm(f);
    expect(errors).toEqual({});
    expect(settings.sla?.warningShare).toBe(0.7);
    expect(settings.sla?.calendars?.berlin).toEqual({
      timeZone: 'Europe/Berlin',
      hours: expect.objectContaining({
        mon: [{ from: '09:00', to: '17:00' }],
        fri: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '16:00' },
        ],
        sun: [],
      }),
      holidays: ['2026-12-24', '2026-12-25'],
    });
    expect(settings.sla?.policies?.[0]).toEqual({
      id: 'acme-gold',
      match: { partnerIds: ['P-0001'], priorities: ['high', 'urgent'] },
      calendar: 'berlin',
      firstResponseMinutes: 30,
      resolutionMinutes: 480,
      warningShare: 0.5,
    });
  });

  it('explains unreadable hours, a bad percentage, a bad time zone and an unknown calendar at their fields', () => {
    const f = withSla(form(), (sla) => ({
      warningPercent: '150',
      calendars: sla.calendars.map((c) => ({
        ...c,
        timeZone: 'Mars/Base',
        hours: { ...c.hours, mon: 'mornings' },
      })),
      policies: sla.policies.map((p, i) =>
        i === 1 ? { ...p, calendar: 'nights', firstResponseMinutes: 'x' } : p,
      ),
    }));
    const { errors } = settingsFromForm(f);
    expect(errorsAt(errors, 'sla.warningShare')).toEqual([
      'enter a percentage above 0 and below 100, e.g. 80',
    ]);
    expect(errorsAt(errors, 'sla.calendars.business-hours.hours.mon')).toEqual([
      '"mornings" is not a span of working hours: write 09:00-17:00, several with commas',
    ]);
    expect(errorsAt(errors, 'sla.calendars.business-hours.timeZone')[0]).toMatch(
      /unknown time zone "Mars\/Base"/,
    );
    expect(errorsAt(errors, 'sla.policies[1].firstResponseMinutes')).toEqual(['"x" is not a number']);
    // Checks across the whole SLA section (which calendar a policy names) wait until each field reads.
    const fixed = withSla(f, (sla) => ({
      warningPercent: '80',
      calendars: form().sla.calendars,
      policies: sla.policies.map((p, i) => (i === 1 ? { ...p, firstResponseMinutes: '60' } : p)),
    }));
    expect(errorsAt(settingsFromForm(fixed).errors, 'sla.policies[1].calendar')).toEqual([
      'policy "high" names calendar "nights", which is not defined (known: business-hours)',
    ]);
  });

  it('requires one policy that matches every case, said at the policy list', () => {
    const f = withSla(form(), (sla) => ({ policies: sla.policies.filter((p) => p.id !== 'standard') }));
    const { errors } = settingsFromForm(f);
    expect(
      leftoverErrors(errors, 'sla.policies', ['sla.policies[0]', 'sla.policies[1]', 'sla.policies[2]']),
    ).toEqual(['one policy must match every case (a policy without partnerIds, priorities or types)']);
  });

  it('refuses working hours that overlap and a ladder that does not climb', () => {
    const f = withSla(form(), (sla) => ({
      calendars: sla.calendars.map((c) => ({ ...c, hours: { ...c.hours, tue: '09:00-13:00, 12:00-17:00' } })),
      ladder: sla.ladder.map((s, i) => (i === 1 ? { ...s, tier: '2' } : s)),
    }));
    const { errors } = settingsFromForm(f);
    expect(errorsAt(errors, 'sla.calendars.business-hours.hours.tue')).toEqual([
      'working hours 09:00–13:00 and 12:00–17:00 overlap',
    ]);
    expect(errorsAt(errors, 'sla.ladder[1].tier')[0]).toMatch(/higher support tier/);
  });
});
