import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlaSettings, type SlaSettingsInput } from '../../shared/config/slaPolicies.ts';
import { createBusinessCalendar } from './businessCalendar.ts';
import { evaluateSla, type SlaEvaluation, type SlaRules } from './slaClock.ts';
import { dayOfIsoDate, instantOfLocal } from './zonedTime.ts';
import type { SlaCaseFacts, SlaChange, SlaClockRecord } from '../store/sla.ts';

const MIN = 60_000;
const ZONE = 'Europe/Berlin';
const nineToSix = [{ from: '09:00', to: '18:00' }];

const settingsInput: SlaSettingsInput = {
  calendars: {
    berlin: {
      timeZone: ZONE,
      hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
      holidays: ['2026-03-11'],
    },
  },
  policies: [
    { id: 'standard', calendar: 'berlin', firstResponseMinutes: 30, resolutionMinutes: 240 },
    {
      id: 'acme-invoices',
      match: { partnerIds: ['P-ACME'], types: ['INVOICE_DISPUTE'] },
      calendar: 'berlin',
      firstResponseMinutes: 10,
      resolutionMinutes: 60,
    },
    {
      id: 'urgent',
      match: { priorities: ['urgent'] },
      calendar: 'berlin',
      firstResponseMinutes: 15,
      resolutionMinutes: 120,
    },
  ],
  ladder: [
    { tier: 2, priority: 'high', workflowId: 'tier2', comment: 'Overdue: now with tier {tier}.' },
    { tier: 3, priority: 'urgent', workflowId: 'tier3', comment: 'Still overdue.', afterMinutes: 60 },
    { tier: 4, priority: 'urgent', workflowId: 'management', comment: 'Management.', afterMinutes: 120 },
  ],
};

function rulesFor(input: SlaSettingsInput = settingsInput): SlaRules {
  const settings = SlaSettings.parse(input);
  return {
    settings,
    calendars: new Map(Object.entries(settings.calendars).map(([id, c]) => [id, createBusinessCalendar(c)])),
  };
}
const rules = rulesFor();

/** Wall-clock time in Berlin. */
const at = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(ZONE, dayOfIsoDate(date), h! * 60 + m!);
};

const OPENED = at('2026-03-06', '17:55'); // a Friday

function facts(o: Partial<SlaCaseFacts> = {}): SlaCaseFacts {
  return {
    id: 'exc:EX-1',
    partnerId: 'P-1',
    communityId: 'C-1',
    tgIssueId: 'ISS-1',
    title: 'Invoice 42 price mismatch',
    type: 'SHIPMENT_EXCEPTION',
    status: 'open',
    priority: 'medium',
    slaState: 'ok',
    slaDueAt: null,
    openedAt: OPENED,
    ...o,
  };
}

const fresh = (): SlaClockRecord => ({
  caseId: 'exc:EX-1',
  evaluated: false,
  policyId: null,
  phase: 'first_response',
  paused: false,
  consumedMs: 0,
  consumedAt: null,
  warned: false,
  breachedAt: null,
  escalatedInPhase: false,
  level: 0,
  lastEscalatedMs: null,
  lastEscalatedAt: null,
  tier: 1,
  awaitingLink: false,
  nextCheckAt: null,
});

let changeId = 0;
const opened = (status = 'open'): SlaChange => ({ id: ++changeId, kind: 'opened', status, at: OPENED });
const status = (s: string, when: number): SlaChange => ({
  id: ++changeId,
  kind: 'status',
  status: s,
  at: when,
});

/** Evaluates a case at each of `times` in turn, feeding each look the changes due by then. */
function lookAt(
  times: number[],
  o: { facts?: Partial<SlaCaseFacts>; changes?: SlaChange[]; rules?: SlaRules } = {},
): SlaEvaluation[] {
  let clock = fresh();
  let pending = [opened(o.facts?.status ?? 'open'), ...(o.changes ?? [])];
  const out: SlaEvaluation[] = [];
  for (const t of times) {
    const now = pending.filter((c) => c.at <= t);
    pending = pending.filter((c) => c.at > t);
    const e = evaluateSla(clock, facts(o.facts), now, t, o.rules ?? rules);
    clock = e.clock;
    out.push(e);
  }
  return out;
}

describe('SLA clock', () => {
  it('gives a case opened Friday 17:55 with a 30-minute first-response target a due time of Monday 09:25', () => {
    const [e] = lookAt([at('2026-03-06', '18:10')]);
    expect(e!.state).toBe('ok');
    expect(e!.dueAt).toBe(at('2026-03-09', '09:25'));
    // The next look is the warning at 80 % (24 business minutes): Monday 09:19.
    expect(e!.clock.nextCheckAt).toBe(at('2026-03-09', '09:19'));
    expect(e!.happenings).toEqual([]);
  });

  it('warns once at the warning share, then breaches and takes the first ladder step', () => {
    const [, warned, breached, later] = lookAt([
      at('2026-03-06', '18:10'),
      at('2026-03-09', '09:20'),
      at('2026-03-09', '09:26'),
      at('2026-03-09', '09:40'),
    ]);
    expect(warned!.state).toBe('warning');
    expect(warned!.happenings).toEqual([
      {
        kind: 'warning',
        phase: 'first_response',
        at: at('2026-03-09', '09:19'),
        dueAt: at('2026-03-09', '09:25'),
        targetMs: 30 * MIN,
      },
    ]);
    expect(breached!.state).toBe('breached');
    expect(breached!.dueAt).toBe(at('2026-03-09', '09:25'));
    expect(breached!.happenings.map((h) => h.kind)).toEqual(['breach', 'escalate']);
    expect(breached!.happenings[0]).toMatchObject({ at: at('2026-03-09', '09:25') });
    expect(breached!.happenings[1]).toMatchObject({ step: 1, reason: 'breach', overdueMs: MIN });
    expect(breached!.clock).toMatchObject({ level: 1, tier: 2 });
    // The next step is due 60 business minutes after this one, at 10:26.
    expect(breached!.clock.nextCheckAt).toBe(at('2026-03-09', '10:26'));
    expect(later!.happenings).toEqual([]);
  });

  it('climbs the ladder while the case stays overdue, measuring each step from the one before, then stops', () => {
    const looks = lookAt([
      at('2026-03-09', '09:26'),
      at('2026-03-09', '10:26'),
      at('2026-03-09', '12:26'),
      at('2026-03-10', '17:00'),
    ]);
    expect(looks.map((l) => l.happenings.filter((h) => h.kind === 'escalate').map((h) => h.step))).toEqual([
      [1],
      [2],
      [3],
      [],
    ]);
    expect(looks[1]!.happenings[0]).toMatchObject({ reason: 'still_overdue' });
    expect(looks[3]!.clock).toMatchObject({ level: 3, tier: 4, nextCheckAt: null });
    expect(looks[3]!.state).toBe('breached');
  });

  it('takes one step per look when the engine was away for long', () => {
    const [first, second] = lookAt([at('2026-03-13', '12:00'), at('2026-03-13', '12:01')]);
    expect(first!.happenings.map((h) => h.kind)).toEqual(['breach', 'escalate']);
    expect(second!.happenings).toEqual([]);
    expect(second!.clock.nextCheckAt).toBe(at('2026-03-13', '13:00'));
  });

  it('does not escalate before the case has a Trading Grid issue, and does as soon as it has one', () => {
    const [waiting] = lookAt([at('2026-03-09', '09:30')], { facts: { tgIssueId: null } });
    expect(waiting!.happenings.map((h) => h.kind)).toEqual(['breach']);
    expect(waiting!.clock).toMatchObject({ awaitingLink: true, level: 0, nextCheckAt: null });
    const linked = evaluateSla(waiting!.clock, facts(), [], at('2026-03-09', '09:31'), rules);
    expect(linked.happenings).toMatchObject([{ kind: 'escalate', step: 1, reason: 'breach' }]);
  });

  it('stands still while the case waits on the partner and runs on when it resumes', () => {
    const looks = lookAt([at('2026-03-09', '09:10'), at('2026-03-10', '13:10'), at('2026-03-10', '13:51')], {
      changes: [
        status('waiting_on_partner', at('2026-03-09', '09:05')),
        status('in_progress', at('2026-03-10', '10:00')),
      ],
    });
    // Waiting on the partner is a response: the resolution target (240 min) applies, 10 min used.
    expect(looks[0]!).toMatchObject({ state: 'paused', dueAt: null });
    expect(looks[0]!.clock).toMatchObject({
      phase: 'resolution',
      paused: true,
      consumedMs: 10 * MIN,
      nextCheckAt: null,
    });
    // Resumed Tuesday 10:00 with 230 minutes left: due 13:50, warning (192 min used) at 13:02.
    expect(looks[1]!.happenings).toMatchObject([{ kind: 'warning', at: at('2026-03-10', '13:02') }]);
    expect(looks[1]!.dueAt).toBe(at('2026-03-10', '13:50'));
    expect(looks[1]!.happenings).toHaveLength(1);
    expect(looks[2]!.happenings).toMatchObject([
      { kind: 'breach', at: at('2026-03-10', '13:50') },
      { kind: 'escalate', step: 1 },
    ]);
  });

  it('skips holidays (Wednesday 11 March 2026 is one in this calendar)', () => {
    const [e] = lookAt([at('2026-03-10', '17:30')], {
      changes: [{ id: ++changeId, kind: 'responded', status: null, at: at('2026-03-09', '09:05') }],
    });
    // Answered Monday 09:05, 240 resolution minutes were used up on Monday: breached, and escalated.
    expect(e!.happenings.map((h) => h.kind)).toEqual(['breach', 'escalate']);
    const slow = lookAt([at('2026-03-10', '17:00')], {
      rules: rulesFor({
        ...settingsInput,
        policies: [{ id: 'slow', calendar: 'berlin', firstResponseMinutes: 30, resolutionMinutes: 1200 }],
      }),
      changes: [{ id: ++changeId, kind: 'responded', status: null, at: at('2026-03-09', '09:05') }],
    });
    // Used: 5 (Fri) + 540 (Mon) + 480 (Tue to 17:00) = 1025; 175 left: Tue 17:00–18:00 is 60, Wed is a
    // holiday, so Thursday 09:00 + 115 min = 10:55.
    expect(slow[0]!.dueAt).toBe(at('2026-03-12', '10:55'));
  });

  it('meets the SLA when resolved in time and records a late resolution as breached', () => {
    const [inTime] = lookAt([at('2026-03-09', '10:00')], {
      changes: [
        status('in_progress', at('2026-03-09', '09:10')),
        status('resolved', at('2026-03-09', '09:50')),
      ],
    });
    expect(inTime!).toMatchObject({ state: 'met', dueAt: null });
    expect(inTime!.clock.nextCheckAt).toBeNull();
    expect(inTime!.happenings).toMatchObject([{ kind: 'resolved', late: false }]);
    const [late] = lookAt([at('2026-03-09', '15:00')], {
      changes: [status('closed', at('2026-03-09', '14:30'))],
    });
    expect(late!.state).toBe('breached');
    expect(late!.happenings.at(-1)).toMatchObject({ kind: 'resolved', late: true });
  });

  it('measures the resolution target after the first response, and a new breach climbs a further tier', () => {
    const looks = lookAt([at('2026-03-09', '09:26'), at('2026-03-09', '09:40'), at('2026-03-09', '13:26')], {
      changes: [status('in_progress', at('2026-03-09', '09:30'))],
    });
    expect(looks[0]!.happenings.filter((h) => h.kind === 'escalate')).toMatchObject([{ step: 1 }]);
    expect(looks[1]!).toMatchObject({ state: 'ok' });
    expect(looks[1]!.clock.phase).toBe('resolution');
    // 240 business minutes from the opening (5 on Friday): due Monday 12:55, next step at once.
    expect(looks[1]!.dueAt).toBe(at('2026-03-09', '12:55'));
    expect(looks[2]!.happenings.map((h) => h.kind)).toEqual(['breach', 'escalate']);
    expect(looks[2]!.happenings[1]).toMatchObject({ step: 2, reason: 'breach', phase: 'resolution' });
  });

  it('chooses the most specific policy: partner and type beat priority beat the catch-all', () => {
    const [acme] = lookAt([at('2026-03-06', '18:10')], {
      facts: { partnerId: 'P-ACME', type: 'INVOICE_DISPUTE', priority: 'urgent' },
    });
    expect(acme!.policy.id).toBe('acme-invoices');
    const [urgent] = lookAt([at('2026-03-06', '18:10')], { facts: { priority: 'urgent' } });
    expect(urgent!.policy.id).toBe('urgent');
    expect(urgent!.dueAt).toBe(at('2026-03-09', '09:10'));
  });

  it('reaches the same state whether it looks often or once', () => {
    const start = at('2026-03-06', '17:55');
    const end = at('2026-03-10', '18:00');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: (end - start) / MIN - 1 }), { maxLength: 12 }),
        (minutes) => {
          const times = [...minutes.sort((a, b) => a - b).map((m) => start + m * MIN), end];
          const often = lookAt(times, { facts: { tgIssueId: null } });
          const once = lookAt([end], { facts: { tgIssueId: null } });
          const last = often.at(-1)!;
          expect(last.clock.consumedMs).toBe(once[0]!.clock.consumedMs);
          expect(last.dueAt).toBe(once[0]!.dueAt);
          expect(last.state).toBe(once[0]!.state);
          const kinds = often.flatMap((e) => e.happenings.map((h) => h.kind));
          expect(kinds.filter((k) => k === 'breach')).toHaveLength(1);
          expect(kinds.filter((k) => k === 'warning').length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
