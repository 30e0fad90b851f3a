// Flows 7 and 8 together over real HTTP: an SLA escalation raises the priority of a case's Trading Grid
// issue while xConnector owns the priority. Reading that priority back is the desk's own write, not a
// change made in Trading Grid: no "held change" note, nothing copied, even when the escalation's answer
// was lost and its delivery is not yet recorded. A partner's own change of the priority afterwards is
// still held and noted, whatever value it sets.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesk, TEST_NOW, type TestDesk } from '../support/desk.ts';
import { caseWorld, issueOf } from '../support/caseSync.ts';
import { movableTime } from '../crash/movableClock.ts';
import type { SlaSettingsInput } from '../../shared/config/slaPolicies.ts';

const HOUR = 3_600_000;
const allWeek = [{ from: '00:00', to: '23:59' }];
const SLA: SlaSettingsInput = {
  calendars: {
    utc: {
      timeZone: 'UTC',
      hours: {
        mon: allWeek,
        tue: allWeek,
        wed: allWeek,
        thu: allWeek,
        fri: allWeek,
        sat: allWeek,
        sun: allWeek,
      },
    },
  },
  policies: [{ id: 'standard', calendar: 'utc', firstResponseMinutes: 30, resolutionMinutes: 240 }],
  ladder: [
    { tier: 2, priority: 'urgent', workflowId: 'sla-tier2', comment: 'The {phase} target fell due {dueAt}.' },
  ],
};

let desk: TestDesk | undefined;
let clockDir: string | undefined;
afterEach(async () => {
  await desk?.close();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
  desk = clockDir = undefined;
});

const idle = async (d: TestDesk) =>
  expect((await d.engine.runUntilIdle({ timeoutMs: 60_000 })).idle, 'the backlog drained').toBe(true);

/** Timeline notes that Trading Grid changed the priority and it was held, not copied. */
const heldPriorityNotes = (d: TestDesk, caseId: string) =>
  d.engine.cases
    .timeline(caseId)
    .filter((e) => e.eventKey.startsWith('detail:priority:trading-grid:'))
    .map((e) => e.summary);

/** A desk with one internal case opened now, at low priority (xConnector's, copied to its issue). */
async function escalatingDesk() {
  clockDir = mkdtempSync(join(tmpdir(), 'pd-clock-'));
  const clock = movableTime(join(clockDir, 'offset'), TEST_NOW);
  const d = await startDesk({
    clock,
    settings: { sla: SLA },
    sim: {
      ...caseWorld({ standalone: 0 }, { honourIdempotencyKeys: false, exceptions: 0 }),
      clock: () => clock.now(),
    },
  });
  desk = d;
  // A case opened now, so its SLA clock starts now.
  const [id] = d.sims.xconnector.sim.cases.generateActivity({ newCases: 1 }).newCases;
  await idle(d);
  const xc = d.sims.xconnector.sim.cases;
  const tg = d.sims.tradingGrid.sim;
  const c = xc.get(id!)!;
  const issueId = issueOf(d.sims, c)!.id;
  xc.updateDetails(c.id, { priority: 'low' });
  await idle(d);
  const priorityInTg = () => tg.issues().find((i) => i.id === issueId)!.priority;
  expect(priorityInTg()).toBe('low');
  return { d, clock, xc, tg, xcCaseId: c.id, caseId: `case:${c.id}`, issueId, priorityInTg };
}

describe('flow 7 with flow 8: an SLA escalation of priority is the desk’s own write', () => {
  it('is not shown as a held Trading Grid change when read back, even before its delivery is recorded', async () => {
    const { d, clock, xc, tg, xcCaseId, caseId, issueId, priorityInTg } = await escalatingDesk();
    // The SLA is breached. Trading Grid applies the escalation, but its answer is lost and the lookup
    // fails: the outbox still holds it when a partner's comment makes the desk read the issue again.
    tg.setFaults({ 'tg.updateIssue': { lostResponseRate: 1 }, 'tg.findIssueUpdates': { errorRate: 1 } });
    clock.advance(5 * HOUR);
    await d.engine.syncNow();
    expect(priorityInTg()).toBe('urgent');
    tg.issueFeed.partnerComment(issueId, { body: 'Any news on this?' });
    await d.engine.syncNow();
    await d.engine.syncNow();
    expect(d.engine.outbox.counts().pending).toBeGreaterThan(0);
    expect(d.engine.cases.timeline(caseId).map((e) => e.eventKey)).not.toContain('escalation:1:trading-grid');
    expect(heldPriorityNotes(d, caseId)).toEqual([]);

    tg.setFaults({});
    await idle(d);
    tg.issueFeed.partnerComment(issueId, { body: 'Thanks for looking into it.' });
    await idle(d);
    const escalations = tg.issueUpdates.all().filter((u) => u.correlationRef.startsWith(`pd:sla:${caseId}:`));
    expect(escalations).toHaveLength(1);
    expect(d.engine.cases.timeline(caseId).map((e) => e.eventKey)).toEqual(
      expect.arrayContaining(['escalation:1', 'escalation:1:trading-grid']),
    );
    expect(heldPriorityNotes(d, caseId)).toEqual([]);
    expect(d.engine.cases.timeline(caseId).filter((e) => e.kind === 'conflict')).toEqual([]);
    // xConnector owns the priority: the escalation is not copied into the internal case.
    expect(xc.get(xcCaseId)!.priority).toBe('low');

    // A partner's own change afterwards is held and noted, also when it sets the escalated value again.
    for (const priority of ['medium', 'urgent'] as const) {
      tg.issueFeed.editIssue(issueId, { priority });
      await idle(d);
    }
    expect(heldPriorityNotes(d, caseId)).toEqual([
      expect.stringMatching(
        /changed the priority in Trading Grid to "medium"\. xConnector owns the priority/,
      ),
      expect.stringMatching(
        /changed the priority in Trading Grid to "urgent"\. xConnector owns the priority/,
      ),
    ]);
    expect(xc.get(xcCaseId)!.priority).toBe('low');
    expect(d.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
  }, 120_000);

  it('still holds and notes a partner’s change read before the escalated priority was ever read back', async () => {
    const { d, clock, tg, caseId, issueId, priorityInTg } = await escalatingDesk();
    clock.advance(5 * HOUR);
    await idle(d);
    expect(priorityInTg()).toBe('urgent');
    // The partner lowers it, then raises it to the escalated value again, each read on its own.
    for (const priority of ['medium', 'urgent'] as const) {
      tg.issueFeed.editIssue(issueId, { priority });
      await idle(d);
    }
    expect(heldPriorityNotes(d, caseId)).toEqual([
      expect.stringMatching(/to "medium"\. xConnector owns the priority/),
      expect.stringMatching(/to "urgent"\. xConnector owns the priority/),
    ]);
  }, 120_000);
});
