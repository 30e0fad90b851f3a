// Flow 7 over real HTTP, Trading Grid's side of the status: a status a partner sets that the mappings do
// not know is quarantined, and once the mappings know it (the app builds a new engine on changed
// settings) it is applied exactly once, under faults, with idempotency keys honoured or ignored, and
// across restarts. A case never steps back: a status overtaken by a later one is superseded, not applied.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { byPartnerDesk, caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const defaults = CaseSyncSettings.parse({});
const tradingGridOwns = { status: 'trading-grid', resolution: 'trading-grid' } as const;

/** Case-sync settings with the given field owners, and with the partner's word ON_HOLD_PARTNER known or not. */
function settings(o: { owners?: typeof tradingGridOwns; knows: boolean }): Partial<EngineSettingsInput> {
  return {
    mappings: {
      caseSync: {
        ...(o.owners ? { fieldOwners: o.owners } : {}),
        ...(o.knows
          ? {
              partnerStatus: { ...defaults.partnerStatus, ON_HOLD_PARTNER: 'waiting_on_partner' },
              partnerToInternal: { ...defaults.partnerToInternal, ON_HOLD_PARTNER: 'WAITING_ON_PARTNER' },
            }
          : {}),
      },
    },
  };
}

const idle = async (d: TestDesk) =>
  expect((await d.engine.runUntilIdle({ timeoutMs: 60_000 })).idle, 'the backlog drained').toBe(true);
const openUnmapped = (d: TestDesk) => d.engine.quarantine.open({ reasonKind: 'unmapped_status' });
const copiedSteps = (d: TestDesk, c: InternalCase) =>
  byPartnerDesk(d.sims.xconnector.sim.cases.get(c.id)!.steps).map((s) => [s.status, s.correlationRef]);
const timelineOf = (d: TestDesk, c: InternalCase) => d.engine.cases.timeline(`case:${c.id}`);

/** A desk on one internal case, Trading Grid owning the status, the word ON_HOLD_PARTNER unknown. */
async function oneCaseTradingGridOwns() {
  desk = await startDesk({
    sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }),
    settings: settings({ owners: tradingGridOwns, knows: false }),
  });
  await idle(desk);
  const c = internalCases(desk.sims)[0]!;
  return { d: desk, c, issueId: issueOf(desk.sims, c)!.id };
}

describe('flow 7: a Trading Grid status the mappings did not know, once they do', () => {
  for (const honour of [true, false]) {
    it(`is copied into the internal case exactly once when Trading Grid owns the status, under faults and restarts (idempotency keys ${honour ? 'honoured' : 'ignored'})`, async () => {
      const faults: FaultConfig = {
        'xc.addCaseStep': { errorRate: 0.2, lostResponseRate: 0.5 },
        'xc.findCaseSteps': { errorRate: 0.2 },
      };
      desk = await startDesk({
        sim: caseWorld(
          { standalone: 2, stepsPerCase: 0, commentsPerCase: 0 },
          { honourIdempotencyKeys: honour, faults: { xconnector: faults } },
        ),
        settings: settings({ owners: tradingGridOwns, knows: false }),
      });
      await idle(desk);
      const [c, other] = internalCases(desk.sims) as [InternalCase, InternalCase];
      const issueId = issueOf(desk.sims, c)!.id;
      const feed = desk.sims.tradingGrid.sim.issueFeed;

      const held = feed.partnerStatus(issueId, 'ON_HOLD_PARTNER')!;
      const unknown = feed.partnerStatus(issueOf(desk.sims, other)!.id, 'ESCALATED_BY_PARTNER')!;
      await idle(desk);
      expect(openUnmapped(desk).map((q) => q.itemId)).toEqual([
        `${issueId}:${held.id}`,
        `${issueOf(desk.sims, other)!.id}:${unknown.id}`,
      ]);
      expect(copiedSteps(desk, c)).toEqual([]);
      expect(desk.engine.cases.get(`case:${c.id}`)?.status).toBe('open');

      // The mapping is fixed in Settings: the app builds a new engine on it. The release is queued, and
      // the engine stops before xConnector takes it; the next engine delivers it.
      desk.sims.xconnector.sim.setFaults({ 'xc.addCaseStep': { errorRate: 1 } });
      await desk.restart(settings({ owners: tradingGridOwns, knows: true }));
      await desk.engine.syncNow();
      expect(desk.engine.outbox.counts().pending).toBe(1);
      desk.sims.xconnector.sim.setFaults(faults);
      await desk.restart(settings({ owners: tradingGridOwns, knows: true }));
      await idle(desk);
      expect(copiedSteps(desk, c)).toEqual([['WAITING_ON_PARTNER', `pd:step:${held.id}`]]);
      expect(desk.engine.cases.get(`case:${c.id}`)?.status).toBe('waiting_on_partner');
      expect(timelineOf(desk, c).map((e) => e.summary)).toContainEqual(
        expect.stringMatching(/The status mapping now knows "ON_HOLD_PARTNER": the case follows/),
      );
      // The other word is still unknown: it stays quarantined, and nothing was guessed for it.
      expect(openUnmapped(desk).map((q) => q.itemId)).toEqual([
        `${issueOf(desk.sims, other)!.id}:${unknown.id}`,
      ]);
      expect(copiedSteps(desk, other)).toEqual([]);

      // Further restarts and reads apply nothing again; our copied step is not echoed back.
      await desk.restart(settings({ owners: tradingGridOwns, knows: true }));
      await idle(desk);
      await idle(desk);
      expect(copiedSteps(desk, c)).toHaveLength(1);
      expect(byPartnerDesk(issueOf(desk.sims, c)!.statusUpdates)).toEqual([]);
      expect(duplicates(desk.sims)).toEqual([]);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
      expect(desk.sims.xconnector.sim.stats().faults.lostResponse['xc.addCaseStep'] ?? 0).toBeGreaterThan(0);
    }, 120_000);
  }

  it('when the desk knows the word but not its internal status, follows it at once and copies it once the internal mapping knows it too', async () => {
    const partnerOnly: Partial<EngineSettingsInput> = {
      mappings: {
        caseSync: {
          fieldOwners: tradingGridOwns,
          partnerStatus: { ...defaults.partnerStatus, ON_HOLD_PARTNER: 'waiting_on_partner' },
        },
      },
    };
    const { d, c, issueId } = await oneCaseTradingGridOwns();
    const held = d.sims.tradingGrid.sim.issueFeed.partnerStatus(issueId, 'ON_HOLD_PARTNER')!;
    await idle(d);

    // First only the d's mapping is fixed: the case follows, the copy waits under its own entry.
    const quarantined: string[] = [];
    await d.restart(partnerOnly);
    d.engine.on('quarantined', (q) => quarantined.push(q.itemId ?? ''));
    await idle(d);
    expect(d.engine.cases.get(`case:${c.id}`)?.status).toBe('waiting_on_partner');
    expect(copiedSteps(d, c)).toEqual([]);
    expect(openUnmapped(d).map((q) => q.itemId)).toEqual([`${issueId}:${held.id}:internal`]);
    expect(quarantined).toEqual([`${issueId}:${held.id}:internal`]);

    await d.restart(settings({ owners: tradingGridOwns, knows: true }));
    await idle(d);
    await d.restart(settings({ owners: tradingGridOwns, knows: true }));
    await idle(d);
    expect(copiedSteps(d, c)).toEqual([['WAITING_ON_PARTNER', `pd:step:${held.id}`]]);
    expect(openUnmapped(d)).toEqual([]);
    expect(duplicates(d.sims)).toEqual([]);
  });

  it('is superseded, not applied, when the partner set a later status after it', async () => {
    const { d, c, issueId } = await oneCaseTradingGridOwns();
    const feed = d.sims.tradingGrid.sim.issueFeed;
    const held = feed.partnerStatus(issueId, 'ON_HOLD_PARTNER')!;
    await idle(d);
    feed.partnerStatus(issueId, 'RESOLVED');
    await idle(d);
    expect(copiedSteps(d, c).map(([s]) => s)).toEqual(['RESOLVED']);

    await d.restart(settings({ owners: tradingGridOwns, knows: true }));
    await idle(d);
    expect(copiedSteps(d, c).map(([s]) => s)).toEqual(['RESOLVED']);
    expect(d.engine.cases.get(`case:${c.id}`)?.status).toBe('resolved');
    expect(openUnmapped(d)).toEqual([]);
    const superseded = timelineOf(d, c).find((e) => e.eventKey === `superseded:tg:${held.id}`);
    expect(superseded?.summary).toMatch(
      /now knows "ON_HOLD_PARTNER", but .* not applied: the case has since moved on to "RESOLVED"/,
    );
  });

  it('is superseded when, in the same read, a later status followed it on the issue', async () => {
    const { d, c, issueId } = await oneCaseTradingGridOwns();
    const feed = d.sims.tradingGrid.sim.issueFeed;
    feed.partnerStatus(issueId, 'ON_HOLD_PARTNER');
    feed.partnerStatus(issueId, 'OPEN');
    await idle(d);
    await d.restart(settings({ owners: tradingGridOwns, knows: true }));
    await idle(d);
    expect(copiedSteps(d, c).map(([s]) => s)).toEqual(['REOPENED']);
    expect(d.engine.cases.get(`case:${c.id}`)?.status).toBe('open');
    expect(openUnmapped(d)).toEqual([]);
  });

  it('with xConnector owning the status, the desk case follows it and it is held as the partner’s change; a later internal step supersedes another', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 2, stepsPerCase: 0, commentsPerCase: 0 }),
      settings: settings({ knows: false }),
    });
    await idle(desk);
    const [c, moved] = internalCases(desk.sims) as [InternalCase, InternalCase];
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const xc = desk.sims.xconnector.sim.cases;
    feed.partnerStatus(issueOf(desk.sims, c)!.id, 'ON_HOLD_PARTNER');
    const overtaken = feed.partnerStatus(issueOf(desk.sims, moved)!.id, 'ON_HOLD_PARTNER')!;
    await idle(desk);
    // The internal team moves the second case on before the mapping is fixed: posted to the partner.
    xc.addNativeStep(moved.id, 'INVESTIGATING');
    await idle(desk);
    const stepsBefore = [xc.get(c.id)!.steps.length, xc.get(moved.id)!.steps.length];

    await desk.restart(settings({ knows: true }));
    await idle(desk);
    expect(desk.engine.cases.get(`case:${c.id}`)?.status).toBe('waiting_on_partner');
    expect(desk.engine.cases.get(`case:${moved.id}`)?.status).toBe('in_progress');
    expect([xc.get(c.id)!.steps.length, xc.get(moved.id)!.steps.length]).toEqual(stepsBefore);
    expect(
      timelineOf(desk, moved).find((e) => e.eventKey === `superseded:tg:${overtaken.id}`)?.summary,
    ).toMatch(/moved on to "(IN_PROGRESS|INVESTIGATING)"/);
    expect(openUnmapped(desk)).toEqual([]);

    // The released change is the partner's, held: when xConnector moves too, that is a conflict it wins.
    xc.addNativeStep(c.id, 'INVESTIGATING');
    await idle(desk);
    const conflicts = timelineOf(desk, c).filter((e) => e.kind === 'conflict');
    expect(conflicts.map((e) => e.detail)).toEqual([
      expect.objectContaining({
        field: 'status',
        winner: 'xconnector',
        'trading-grid': expect.objectContaining({ said: 'ON_HOLD_PARTNER' }),
      }),
    ]);
    expect(issueOf(desk.sims, c)!.status).toBe('IN_PROGRESS');
    expect(duplicates(desk.sims)).toEqual([]);
  });
});
