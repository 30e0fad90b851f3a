// Flow 8 over real HTTP against both simulators: cases that breach their SLA climb the escalation
// ladder, each step updating the Trading Grid issue once and starting one xConnector workflow run,
// whatever faults the network throws and whether or not the remotes honour idempotency keys; time is
// driven through business hours on the engine's clock, and restarts mid-escalation change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { systemClock, type Clock } from '../../electron/engine/clock.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { openStore } from '../../electron/store/store.ts';
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';
import { dayOfIsoDate, instantOfLocal } from '../../electron/sla/zonedTime.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { SlaSettingsInput } from '../../shared/config/slaPolicies.ts';

const ZONE = 'Europe/Berlin';
const nineToSix = [{ from: '09:00', to: '18:00' }];
const SLA: SlaSettingsInput = {
  calendars: {
    berlin: {
      timeZone: ZONE,
      hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
      holidays: ['2026-03-04'],
    },
  },
  policies: [{ id: 'standard', calendar: 'berlin', firstResponseMinutes: 30, resolutionMinutes: 240 }],
  ladder: [
    { tier: 2, priority: 'high', workflowId: 'sla-tier2', comment: 'The {phase} target fell due {dueAt}.' },
    {
      tier: 3,
      priority: 'urgent',
      workflowId: 'sla-tier3',
      afterMinutes: 60,
      comment: 'Still {overdue} late.',
    },
    { tier: 4, priority: 'urgent', workflowId: 'sla-management', afterMinutes: 120, comment: 'Management.' },
  ],
};

/** Wall-clock time in Berlin. */
const at = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return instantOfLocal(ZONE, dayOfIsoDate(date), h! * 60 + m!);
};

/** Real time that can be moved forward: the desk runs normally, and the test jumps across hours and days. */
function movableClock(start: number): Clock & { set(instant: number): void } {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    sleep: systemClock.sleep,
    set(instant) {
      if (instant < Date.now() + offset) throw new Error('the clock only moves forward');
      offset = instant - Date.now();
    },
  };
}

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function slaDesk(o: {
  start: number;
  honourKeys?: boolean;
  faults?: FaultConfig;
  xcFaults?: FaultConfig;
}) {
  const clock = movableClock(o.start);
  const d = await startDesk({
    clock,
    settings: { sla: SLA },
    sim: {
      exceptions: 0,
      transactions: 0,
      now: o.start,
      clock: () => clock.now(),
      honourIdempotencyKeys: o.honourKeys ?? true,
      faults: { tradingGrid: o.faults ?? {}, xconnector: o.xcFaults ?? {} },
    },
  });
  d.sims.xconnector.sim.workflows.honourIdempotencyKeys = o.honourKeys ?? true;
  return { d, clock };
}

async function idle(d: TestDesk) {
  const r = await d.engine.runUntilIdle({ timeoutMs: 120_000 });
  expect(r.idle, 'the backlog drained').toBe(true);
  return r.stats;
}

/** The desk's clock runs on in real time, so an instant computed from "now" may be a moment later. */
function expectNear(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(actual! - expected).toBeGreaterThanOrEqual(0);
  expect(actual! - expected).toBeLessThan(60_000);
}

function byRef<T extends { correlationRef: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(i.correlationRef, [...(out.get(i.correlationRef) ?? []), i]);
  return out;
}

function expectOneWritePerStep(d: TestDesk, caseIds: string[], steps: number) {
  const updates = byRef(d.sims.tradingGrid.sim.issueUpdates.all());
  const runs = byRef(d.sims.xconnector.sim.workflows.all());
  expect(d.sims.tradingGrid.sim.issueUpdates.duplicates()).toEqual([]);
  expect(d.sims.xconnector.sim.workflows.duplicates()).toEqual([]);
  expect(updates.size).toBe(caseIds.length * steps);
  expect(runs.size).toBe(caseIds.length * steps);
  for (const caseId of caseIds) {
    const issueId = d.engine.cases.get(caseId)!.tgIssueId!;
    for (let step = 1; step <= steps; step++) {
      const ref = `pd:sla:${caseId}:${step}`;
      expect(updates.get(ref), `${ref} in Trading Grid`).toHaveLength(1);
      expect(updates.get(ref)![0]!.issueId).toBe(issueId);
      expect(runs.get(ref), `${ref} in xConnector`).toHaveLength(1);
      expect(runs.get(ref)![0]!.input['tradingGridIssueId']).toBe(issueId);
    }
  }
}

describe('flow 8: SLA escalation', () => {
  for (const honourKeys of [true, false]) {
    it(
      `warns, then climbs the ladder one write per step per case under 429, 5xx, resets and lost responses (idempotency keys ${honourKeys ? 'honoured' : 'ignored'})`,
      { timeout: 400_000 },
      async () => {
        const flaky = {
          errorRate: 0.15,
          throttleRate: 0.1,
          retryAfterSeconds: 0,
          resetRate: 0.1,
          lostResponseRate: 0.25,
          latencyMs: { min: 0, max: 5 },
        };
        const { d, clock } = await slaDesk({
          start: at('2026-03-02', '10:00'), // a Monday
          honourKeys,
          faults: { 'tg.updateIssue': flaky, 'tg.findIssueUpdates': { errorRate: 0.1 } },
          xcFaults: { 'xc.triggerWorkflow': flaky, 'xc.findWorkflowRuns': { errorRate: 0.1 } },
        });
        desk = d;
        const caseIds = Array.from({ length: 12 }, () => `exc:${d.sims.xconnector.sim.addException().id}`);
        await idle(d);
        for (const id of caseIds) {
          const c = d.engine.cases.get(id)!;
          expect(c.slaState).toBe('ok');
          expectNear(c.slaDueAt, at('2026-03-02', '10:30'));
        }
        expect(d.engine.cases.list({ slaState: 'ok' })).toHaveLength(12);

        clock.set(at('2026-03-02', '10:25'));
        await idle(d);
        expect(d.engine.cases.countMatching({ slaState: 'warning' })).toBe(12);
        expect(d.notifications.filter((n) => n.kind === 'sla_warning')).toHaveLength(12);
        expect(d.sims.tradingGrid.sim.issueUpdates.size).toBe(0);

        clock.set(at('2026-03-02', '10:32'));
        await idle(d);
        expect(d.engine.cases.countMatching({ slaState: 'breached' })).toBe(12);
        expectOneWritePerStep(d, caseIds, 1);

        clock.set(at('2026-03-02', '11:33'));
        await idle(d);
        expectOneWritePerStep(d, caseIds, 2);
        clock.set(at('2026-03-02', '13:34'));
        await idle(d);
        clock.set(at('2026-03-03', '17:00'));
        const stats = await idle(d);
        expectOneWritePerStep(d, caseIds, 3);

        expect(stats.escalations).toBe(36);
        expect(stats.recoveredByLookup, 'lost responses were recovered by lookup').toBeGreaterThan(0);
        const faults = d.sims.tradingGrid.sim.stats().faults;
        expect(faults.lostResponse['tg.updateIssue'] ?? 0).toBeGreaterThan(0);
        expect(d.sims.xconnector.sim.stats().faults.lostResponse['xc.triggerWorkflow'] ?? 0).toBeGreaterThan(
          0,
        );
        expect(d.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });

        for (const id of caseIds) {
          const issue = d.sims.tradingGrid.sim
            .issues()
            .find((i) => i.id === d.engine.cases.get(id)!.tgIssueId)!;
          expect(issue).toMatchObject({ supportTier: 4, priority: 'urgent' });
          const keys = d.engine.cases.timeline(id).map((e) => e.eventKey);
          expect(keys).toEqual(
            expect.arrayContaining([
              'sla-warning:first_response',
              'sla-breach:first_response',
              'escalation:1',
              'escalation:2',
              'escalation:3',
              'escalation:1:trading-grid',
              'escalation:3:xconnector',
            ]),
          );
          expect(d.engine.sla.forCase(id)).toMatchObject({
            escalationLevel: 3,
            supportTier: 4,
            nextCheckAt: null,
          });
        }
        const breaches = d.notifications.filter((n) => n.kind === 'sla_breach');
        expect(breaches).toHaveLength(12 * 3);
        expect(new Set(breaches.map((n) => n.id)).size).toBe(36);
        expect(breaches[0]).toMatchObject({ target: expect.stringMatching(/^case:exc:/) });
        const run = d.sims.xconnector.sim.workflows.find(`pd:sla:${caseIds[0]}:1`)[0]!;
        expect(run).toMatchObject({ workflowId: 'sla-tier2', input: { supportTier: 2, step: 1 } });
      },
    );
  }

  it('counts business hours in the calendar zone: Friday 17:55 plus 30 minutes is Monday 09:25, and a holiday is skipped', async () => {
    const { d, clock } = await slaDesk({ start: at('2026-02-27', '17:55') });
    desk = d;
    const friday = `exc:${d.sims.xconnector.sim.addException().id}`;
    await idle(d);
    expectNear(d.engine.cases.get(friday)!.slaDueAt, at('2026-03-02', '09:25'));
    // Opened Tuesday 17:50: 10 minutes on Tuesday, Wednesday 4 March is a holiday, due Thursday 09:20.
    clock.set(at('2026-03-03', '17:50'));
    const tuesday = `exc:${d.sims.xconnector.sim.addException().id}`;
    await idle(d);
    expectNear(d.engine.cases.get(tuesday)!.slaDueAt, at('2026-03-05', '09:20'));
    expect(d.engine.cases.list({ limit: 2 }).map((c) => c.id)).toEqual([friday, tuesday]);
  });

  it('stands still while the case waits on the partner, and escalates only once the clock has run out', async () => {
    const { d, clock } = await slaDesk({ start: at('2026-03-02', '10:00') });
    desk = d;
    const caseId = `exc:${d.sims.xconnector.sim.addException().id}`;
    await idle(d);
    // Flow 7 keeps the case status in step with Trading Grid through the store; a second connection
    // to the same file stands in for it here.
    const flows = openStore(join(d.dataDir, STORE_FILE));
    try {
      clock.set(at('2026-03-02', '10:20'));
      flows.cases.setStatus(caseId, 'waiting_on_partner', clock.now());
      await idle(d);
      expect(d.engine.cases.get(caseId)).toMatchObject({ slaState: 'paused', slaDueAt: null });
      clock.set(at('2026-03-05', '16:00'));
      await idle(d);
      expect(d.sims.tradingGrid.sim.issueUpdates.size).toBe(0);
      expect(d.engine.cases.countMatching({ slaState: 'paused' })).toBe(1);
      flows.cases.setStatus(caseId, 'in_progress', clock.now());
      await idle(d);
      // 20 of the 240 resolution minutes were used: 120 more on Thursday until 18:00, 100 on Friday.
      expectNear(d.engine.cases.get(caseId)!.slaDueAt, at('2026-03-06', '10:40'));
      clock.set(at('2026-03-06', '10:45'));
      await idle(d);
      expect(d.sims.tradingGrid.sim.issueUpdates.size).toBe(1);
      expect(d.engine.cases.get(caseId)?.slaState).toBe('breached');
    } finally {
      flows.close();
    }
  });

  it('does each step exactly once when the engine stops after the Trading Grid update and before the workflow', async () => {
    const { d, clock } = await slaDesk({
      start: at('2026-03-02', '10:00'),
      honourKeys: false,
      // The update is applied but its answer is lost; xConnector refuses the workflow for now.
      faults: { 'tg.updateIssue': { lostResponseRate: 1 }, 'tg.findIssueUpdates': { errorRate: 1 } },
      xcFaults: { 'xc.triggerWorkflow': { errorRate: 1, errorStatuses: [500] } },
    });
    desk = d;
    const caseIds = Array.from({ length: 5 }, () => `exc:${d.sims.xconnector.sim.addException().id}`);
    await idle(d);
    clock.set(at('2026-03-02', '10:31'));
    await d.engine.syncNow();
    await d.engine.syncNow();
    expect(d.sims.tradingGrid.sim.issueUpdates.size).toBe(5);
    expect(d.engine.outbox.counts().pending).toBe(10);
    expect(d.sims.xconnector.sim.workflows.size).toBe(0);

    d.sims.tradingGrid.sim.setFaults({});
    d.sims.xconnector.sim.setFaults({});
    await d.restart({ sla: SLA });
    const stats = await idle(d);
    expectOneWritePerStep(d, caseIds, 1);
    expect(stats.escalations).toBe(5);
    expect(stats.recoveredByLookup).toBeGreaterThanOrEqual(5);
  });
});

describe('flow 8: SLA escalation across a killed engine process', () => {
  it(
    'takes each ladder step exactly once when the engine is killed the moment Trading Grid applies an update',
    { timeout: 120_000 },
    async () => {
      // A world whose exceptions are all weeks old: under the default policies every case is overdue.
      const sims = await startSimulators({
        seed: 23,
        partners: 6,
        exceptions: 60,
        transactions: 0,
        now: Date.now() - 20 * 86_400_000,
        honourIdempotencyKeys: false,
      });
      sims.xconnector.sim.workflows.honourIdempotencyKeys = false;
      const dataDir = mkdtempSync(join(tmpdir(), 'pd-sla-kill-'));
      try {
        let kill: (() => void) | undefined;
        let killedAfter = -1;
        sims.tradingGrid.sim.issueUpdates.onApplied = () => {
          if (!kill) return;
          killedAfter = sims.tradingGrid.sim.issueUpdates.size;
          kill();
          kill = undefined;
        };
        const first = runEngineChild(sims, dataDir, (stop) => (kill = stop));
        expect((await first).signal).toBe('SIGKILL');
        expect(killedAfter).toBeGreaterThan(0);
        const second = await runEngineChild(sims, dataDir);
        expect(second.code, second.err).toBe(0);

        const cases = sims.scenario.exceptions.map((e) => `exc:${e.id}`);
        const updates = byRef(sims.tradingGrid.sim.issueUpdates.all());
        const runs = byRef(sims.xconnector.sim.workflows.all());
        expect(sims.tradingGrid.sim.issueUpdates.duplicates()).toEqual([]);
        expect(sims.xconnector.sim.workflows.duplicates()).toEqual([]);
        for (const id of cases) {
          expect(updates.get(`pd:sla:${id}:1`), id).toHaveLength(1);
          expect(runs.get(`pd:sla:${id}:1`), id).toHaveLength(1);
        }
        expect(updates.size).toBe(cases.length);
        expect(runs.size).toBe(cases.length);
      } finally {
        await sims.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'shows escalations in the demo summary, and a second run on the same data escalates nothing new',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pd-sla-demo-'));
      try {
        const args = [
          '--once',
          '--json',
          '--data',
          dataDir,
          '--partners',
          '4',
          '--exceptions',
          '8',
          '--transactions',
          '10',
        ];
        const first = await runNode(join(import.meta.dirname, '../../electron/headless/demoCli.ts'), args);
        expect(first.code, first.err).toBe(0);
        const summary = JSON.parse(first.out.trim().split('\n').at(-1)!) as {
          escalations: number;
          cases: number;
        };
        expect(summary.escalations).toBeGreaterThan(0);
        expect(summary.escalations).toBeLessThanOrEqual(summary.cases);
        const second = await runNode(join(import.meta.dirname, '../../electron/headless/demoCli.ts'), args);
        expect(second.code, second.err).toBe(0);
        expect(
          (JSON.parse(second.out.trim().split('\n').at(-1)!) as { escalations: number }).escalations,
        ).toBe(0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

function runNode(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  onStart?: (stop: () => void) => void,
) {
  const proc = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onStart?.(() => proc.kill('SIGKILL'));
  let out = '';
  let err = '';
  proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
}

/** The crash test's engine child (default settings, system clock) against these simulators. */
function runEngineChild(sims: RunningSimulators, dataDir: string, onStart?: (stop: () => void) => void) {
  return runNode(
    join(import.meta.dirname, '../crash/engineChild.ts'),
    [],
    {
      PD_DATA: dataDir,
      PD_XC_URL: sims.xconnector.url,
      PD_TG_URL: sims.tradingGrid.url,
      PD_TG_CLIENT_ID: sims.credentials.tradingGridClientId,
      PD_XC_KEY: sims.credentials.xconnectorApiKey,
      PD_TG_SECRET: sims.credentials.tradingGridClientSecret,
    },
    onStart,
  );
}
