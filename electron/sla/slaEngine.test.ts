// The SLA tick on a real SQLite file: what it reads (only what is due), what it writes (case SLA state
// and due time, timeline, notifications, escalation writes in the outbox) and that it writes each once.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, type Store } from '../store/store.ts';
import { createUnitOfWork } from '../flows/flowContext.ts';
import { Mappings } from '../../shared/config/mappings.ts';
import { SlaSettings, type SlaSettingsInput } from '../../shared/config/slaPolicies.ts';
import { silentLogger } from '../logging/logger.ts';
import { createSlaEngine } from './slaEngine.ts';
import { dayOfIsoDate, instantOfLocal } from './zonedTime.ts';
import * as m001 from '../store/migrations/001_core.ts';
import * as m002 from '../store/migrations/002_caseTimeline.ts';
import * as m003 from '../store/migrations/003_documents.ts';

const ZONE = 'Europe/Berlin';
const nineToSix = [{ from: '09:00', to: '18:00' }];
const SETTINGS: SlaSettingsInput = {
  calendars: {
    berlin: {
      timeZone: ZONE,
      hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
    },
  },
  policies: [{ id: 'standard', calendar: 'berlin', firstResponseMinutes: 30, resolutionMinutes: 240 }],
  ladder: [
    {
      tier: 2,
      priority: 'high',
      workflowId: 'tier2',
      comment: 'The {phase} target of {target} fell due {dueAt}.',
    },
    {
      tier: 3,
      priority: 'urgent',
      workflowId: 'tier3',
      comment: 'Still {overdue} overdue.',
      afterMinutes: 60,
    },
  ],
};

const at = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(ZONE, dayOfIsoDate(date), h! * 60 + m!);
};

let dir: string | undefined;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function desk(settings: SlaSettingsInput = SETTINGS, file?: string) {
  dir ??= mkdtempSync(join(tmpdir(), 'pd-sla-'));
  store = openStore(file ?? join(dir, 'desk.sqlite'));
  const s = store;
  const clock = { now: at('2026-03-06', '17:55') };
  const events: string[] = [];
  const unit = createUnitOfWork({
    store: s,
    mappings: Mappings.parse({}),
    now: () => clock.now,
    publish: (event, payload) => events.push(`${event}:${(payload as { caseId?: string }).caseId}`),
  });
  const sla = createSlaEngine({
    store: s,
    unit,
    settings: SlaSettings.parse(settings),
    logger: silentLogger(),
  });
  const open = (id: string, o: { issue?: string | null; openedAt?: number } = {}) =>
    unit.run((ctx) => {
      ctx.store.cases.open(
        {
          id,
          origin: 'exception',
          partnerId: 'P-1',
          communityId: 'C-1',
          exceptionId: id.replace('exc:', ''),
          title: `Case ${id}`,
          type: 'SHIPMENT_EXCEPTION',
          status: 'open',
          priority: 'medium',
          payload: {},
          searchText: id,
        },
        ctx.now,
      );
      ctx.store.timeline.add({
        caseId: id,
        eventKey: 'opened',
        kind: 'opened',
        origin: 'xconnector',
        at: o.openedAt ?? ctx.now,
        summary: 'opened',
      });
      if (o.issue !== null) ctx.store.cases.linkIssue(id, o.issue ?? `ISS-${id}`, 'C-1', ctx.now);
    });
  /** Every outbox entry of one operation, in the order enqueued (read on a second connection). */
  const outbox = (operation: string) => {
    const db = new DatabaseSync(file ?? join(dir!, 'desk.sqlite'));
    const keys = db
      .prepare('SELECT idempotency_key AS k FROM outbox WHERE operation = ? ORDER BY id')
      .all(operation) as { k: string }[];
    db.close();
    return keys.map((r) => s.outbox.getByKey(r.k)!);
  };
  return { store: s, clock, sla, open, outbox, events, unit };
}

describe('SLA tick', () => {
  it('gives every new case its SLA state and due time, found by trigger, without any flow calling it', async () => {
    const d = desk();
    d.open('exc:E-1');
    expect(d.store.cases.get('exc:E-1')).toMatchObject({ slaState: 'ok', slaDueAt: null });
    const report = await d.sla.tick();
    expect(report.evaluated).toBe(1);
    expect(d.store.cases.get('exc:E-1')).toMatchObject({
      slaState: 'ok',
      slaDueAt: at('2026-03-09', '09:25'),
    });
    expect(d.events).toContain('caseUpdated:exc:E-1');
    expect(d.sla.api.forCase('exc:E-1')).toMatchObject({
      state: 'ok',
      phase: 'first_response',
      policyId: 'standard',
      timeZone: ZONE,
      targetMinutes: 30,
      escalationLevel: 0,
      supportTier: 1,
      nextCheckAt: at('2026-03-09', '09:19'),
    });
  });

  it('reads only the cases with something due: thousands of quiet cases cost nothing', async () => {
    const d = desk();
    d.unit.run(() => {
      for (let i = 0; i < 3000; i++) d.open(`exc:Q-${i}`);
    });
    expect((await d.sla.tick()).evaluated).toBe(3000);
    expect((await d.sla.tick()).evaluated).toBe(0);
    d.clock.now = at('2026-03-09', '09:00');
    expect((await d.sla.tick()).evaluated).toBe(0);
    d.store.cases.setStatus('exc:Q-7', 'in_progress', d.clock.now);
    expect((await d.sla.tick()).evaluated).toBe(1);
    // The due-time query walks the partial index on next_check_at, not the table.
    const db = new DatabaseSync(join(dir!, 'desk.sqlite'));
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT case_id FROM case_sla WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ?',
      )
      .all(1, 1) as { detail: string }[];
    db.close();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX case_sla_next_check/);
  });

  it('warns once, then escalates once per ladder step however often it ticks', async () => {
    const d = desk();
    d.open('exc:E-1');
    await d.sla.tick();
    d.clock.now = at('2026-03-09', '09:20');
    await d.sla.tick();
    await d.sla.tick();
    expect(d.store.cases.get('exc:E-1')?.slaState).toBe('warning');
    expect(d.outbox('desktop.notify').map((e) => (e.payload as { kind: string }).kind)).toEqual([
      'sla_warning',
    ]);
    d.clock.now = at('2026-03-09', '09:26');
    for (let i = 0; i < 3; i++) await d.sla.tick();
    expect(d.store.cases.get('exc:E-1')).toMatchObject({
      slaState: 'breached',
      slaDueAt: at('2026-03-09', '09:25'),
    });
    const tg = d.outbox('tg.escalateIssue');
    const wf = d.outbox('xc.triggerWorkflow');
    expect(tg).toHaveLength(1);
    expect(wf).toHaveLength(1);
    expect(tg[0]).toMatchObject({
      correlationRef: 'pd:sla:exc:E-1:1',
      idempotencyKey: 'tg.escalateIssue:exc:E-1:1',
    });
    expect(tg[0]!.payload).toMatchObject({
      issueId: 'ISS-exc:E-1',
      update: {
        priority: 'high',
        supportTier: 2,
        comment: 'The first-response target of 30 min fell due Mon 9 Mar 09:25 (Europe/Berlin).',
      },
    });
    expect(wf[0]!.payload).toMatchObject({
      workflowId: 'tier2',
      run: { correlationRef: 'pd:sla:exc:E-1:1', input: { caseId: 'exc:E-1', supportTier: 2, step: 1 } },
    });
    expect(d.outbox('desktop.notify').map((e) => (e.payload as { kind: string }).kind)).toEqual([
      'sla_warning',
      'sla_breach',
    ]);
    d.clock.now = at('2026-03-09', '10:26');
    await d.sla.tick();
    await d.sla.tick();
    expect(d.outbox('tg.escalateIssue').map((e) => e.correlationRef)).toEqual([
      'pd:sla:exc:E-1:1',
      'pd:sla:exc:E-1:2',
    ]);
    d.clock.now = at('2026-03-12', '10:00');
    await d.sla.tick();
    expect(d.outbox('tg.escalateIssue')).toHaveLength(2);
    const kinds = d.store.timeline.list('exc:E-1').map((e) => `${e.kind}:${e.eventKey}`);
    expect(kinds).toEqual([
      'opened:opened',
      'sla:sla-warning:first_response',
      'sla:sla-breach:first_response',
      'escalation:escalation:1',
      'escalation:escalation:2',
    ]);
  });

  it('pauses while the case waits on the partner and resumes from where it stood', async () => {
    const d = desk();
    d.open('exc:E-1');
    d.clock.now = at('2026-03-09', '09:10');
    d.store.cases.setStatus('exc:E-1', 'waiting_on_partner', at('2026-03-09', '09:05'));
    await d.sla.tick();
    expect(d.store.cases.get('exc:E-1')).toMatchObject({ slaState: 'paused', slaDueAt: null });
    d.clock.now = at('2026-03-12', '12:00');
    expect((await d.sla.tick()).evaluated).toBe(0);
    d.store.cases.setStatus('exc:E-1', 'in_progress', d.clock.now);
    await d.sla.tick();
    // 10 of the 240 resolution minutes were used before the pause.
    expect(d.store.cases.get('exc:E-1')).toMatchObject({
      slaState: 'ok',
      slaDueAt: at('2026-03-12', '15:50'),
    });
  });

  it('holds the escalation of a case without a Trading Grid issue until the link arrives', async () => {
    const d = desk();
    d.open('exc:E-1', { issue: null });
    d.clock.now = at('2026-03-09', '10:00');
    await d.sla.tick();
    expect(d.store.cases.get('exc:E-1')?.slaState).toBe('breached');
    expect(d.outbox('tg.escalateIssue')).toHaveLength(0);
    expect((await d.sla.tick()).evaluated).toBe(0);
    d.store.cases.linkIssue('exc:E-1', 'ISS-9', 'C-1', d.clock.now);
    await d.sla.tick();
    expect(d.outbox('tg.escalateIssue').map((e) => (e.payload as { issueId: string }).issueId)).toEqual([
      'ISS-9',
    ]);
  });

  it('keeps its clocks across a restart and re-evaluates them when the SLA settings change', async () => {
    const first = desk();
    first.open('exc:E-1');
    await first.sla.tick();
    first.store.close();
    const tighter = {
      ...SETTINGS,
      policies: [{ id: 'standard', calendar: 'berlin', firstResponseMinutes: 10, resolutionMinutes: 60 }],
    };
    const again = desk(tighter);
    expect(again.store.cases.get('exc:E-1')?.slaDueAt).toBe(at('2026-03-09', '09:25'));
    expect((await again.sla.tick()).evaluated).toBe(1);
    expect(again.store.cases.get('exc:E-1')?.slaDueAt).toBe(at('2026-03-09', '09:05'));
    again.store.close();
    const same = desk(tighter);
    expect((await same.sla.tick()).evaluated).toBe(0);
  });

  it('starts the clocks of cases that existed before the SLA migration', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-sla-'));
    const file = join(dir, 'old.sqlite');
    const db = new DatabaseSync(file);
    for (const m of [m001, m002, m003]) m.up(db);
    db.exec('PRAGMA user_version = 3');
    db.prepare(
      `INSERT INTO cases (id, origin, partner_id, title, type, status, priority, payload, created_at, updated_at)
       VALUES ('exc:OLD', 'exception', 'P-1', 'Old case', 'SHIPMENT_EXCEPTION', 'open', 'medium', '{}', ?, ?)`,
    ).run(at('2026-03-06', '17:55'), at('2026-03-06', '17:55'));
    db.close();
    const d = desk(SETTINGS, file);
    await d.sla.tick();
    expect(d.store.cases.get('exc:OLD')?.slaDueAt).toBe(at('2026-03-09', '09:25'));
  });
});
