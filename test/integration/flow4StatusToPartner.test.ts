// Flow 4 over real HTTP: each internal resolution step is posted once, in order, to the linked
// Trading Grid issue through the status mapping; an unknown status is reported, not guessed; the
// desk's case status follows; exactly-once under faults and restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { byPartnerDesk, caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import { EngineSettingsError } from '../../electron/engine/engine.ts';
import { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const mapping = CaseSyncSettings.parse({}).statusToPartner;

/** The status updates Partner Desk posted on the case's issue are exactly its steps, mapped, in order. */
function expectStepsPostedInOrder(d: TestDesk, c: InternalCase) {
  const now = d.sims.xconnector.sim.cases.get(c.id)!;
  const posted = byPartnerDesk(issueOf(d.sims, c)!.statusUpdates);
  const known = now.steps.filter((s) => Object.hasOwn(mapping, s.status));
  expect(posted.map((u) => u.correlationRef)).toEqual(known.map((s) => `pd:status:${c.id}:${s.id}`));
  expect(posted.map((u) => u.status)).toEqual(known.map((s) => mapping[s.status]!.status));
  for (const [i, u] of posted.entries()) {
    expect(u.message.startsWith(mapping[known[i]!.status]!.message)).toBe(true);
    // Internal notes never reach the partner.
    if (known[i]!.note) expect(u.message).not.toContain(known[i]!.note);
  }
}

describe('flow 4: status back to partners', () => {
  it('posts each resolution step once, in order, through the status mapping, with the resolution outcome', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 6, exceptionShare: 0.3, stepsPerCase: 7, commentsPerCase: 0 }),
    });
    const run = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(run.idle).toBe(true);
    const cases = internalCases(desk.sims);
    for (const c of cases) expectStepsPostedInOrder(desk, c);
    const resolved = cases.find((c) => c.steps.some((s) => s.status === 'RESOLVED'))!;
    const update = byPartnerDesk(issueOf(desk.sims, resolved)!.statusUpdates).find(
      (u) => u.status === 'RESOLVED',
    )!;
    const outcome = resolved.steps.find((s) => s.status === 'RESOLVED')!.resolution!.outcome;
    expect(update.resolution?.outcome).toBe(outcome);
    expect(update.message).toContain(`Outcome: ${outcome}`);
    expect(run.stats.statusesPosted).toBe(cases.reduce((n, c) => n + c.steps.length, 0));
    expect(duplicates(desk.sims)).toEqual([]);
  });

  it('posts new transitions as they happen, and nothing again on a second run or after a restart', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 5, stepsPerCase: 0, commentsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const moved = desk.sims.xconnector.sim.cases.generateActivity({ caseSteps: 8 }).caseSteps;
    expect(moved.length).toBeGreaterThan(0);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    for (const c of internalCases(desk.sims)) expectStepsPostedInOrder(desk, c);
    const posted = desk.engine.stats().statusesPosted;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await desk.restart();
    const after = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(after.stats.statusesPosted).toBe(0);
    expect(posted).toBe(5 + 8);
  });

  it('keeps the desk status in step: waiting_on_partner while the case waits on the partner', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const caseId = `case:${c.id}`;
    expect(desk.engine.cases.get(caseId)?.status).toBe('open');
    for (const [step, expected] of [
      ['WAITING_ON_PARTNER', 'waiting_on_partner'],
      ['INVESTIGATING', 'in_progress'],
      ['RESOLVED', 'resolved'],
    ] as const) {
      desk.sims.xconnector.sim.cases.addNativeStep(c.id, step);
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      expect(desk.engine.cases.get(caseId)?.status, step).toBe(expected);
      expect(issueOf(desk.sims, c)!.status).toBe(mapping[step]!.status);
    }
    const statuses = desk.engine.cases
      .timeline(caseId)
      .filter((e) => e.kind === 'status' && e.origin === 'engine');
    expect(statuses.map((e) => e.summary)).toEqual([
      `Posted to the partner: OPEN — ${mapping.NEW!.message}`,
      `Posted to the partner: WAITING_ON_PARTNER — ${mapping.WAITING_ON_PARTNER!.message}`,
      `Posted to the partner: IN_PROGRESS — ${mapping.INVESTIGATING!.message}`,
      `Posted to the partner: RESOLVED — ${mapping.RESOLVED!.message}`,
    ]);
  });

  it('reports a transition the mapping does not know instead of guessing, and keeps posting the rest', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const odd = desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'ON_HOLD_LEGAL')!;
    desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
    const quarantined: string[] = [];
    desk.engine.on('quarantined', (q) => quarantined.push(q.reason));
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const [entry] = desk.engine.quarantine.open({ reasonKind: 'unmapped_status' });
    expect(entry?.itemId).toBe(`${c.id}:${odd.id}`);
    expect(entry?.reason).toMatch(
      /moved to "ON_HOLD_LEGAL", which the status mapping does not know, so nothing was posted/,
    );
    expect(quarantined).toHaveLength(1);
    const timeline = desk.engine.cases.timeline(`case:${c.id}`);
    expect(timeline.find((e) => e.eventKey === `status:xc:${odd.id}`)?.summary).toMatch(
      /not posted to the partner/,
    );
    expect(byPartnerDesk(issueOf(desk.sims, c)!.statusUpdates).map((u) => u.status)).toEqual([
      'OPEN',
      'IN_PROGRESS',
    ]);
  });

  describe('a transition quarantined as unmapped, once the mapping knows it', () => {
    const held = {
      status: 'WAITING_ON_PARTNER',
      message: 'Your case is on hold while our legal team reviews it.',
    };
    const fixed = { mappings: { caseSync: { statusToPartner: { ...mapping, ON_HOLD_LEGAL: held } } } };
    const partnerSees = (d: TestDesk, c: InternalCase) =>
      byPartnerDesk(issueOf(d.sims, c)!.statusUpdates).map((u) => u.status);

    it('is posted exactly once after the engine is rebuilt with the fixed mapping; a still-unknown one stays quarantined', async () => {
      desk = await startDesk({ sim: caseWorld({ standalone: 2, stepsPerCase: 0, commentsPerCase: 0 }) });
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      const [c, other] = internalCases(desk.sims) as [InternalCase, InternalCase];
      const odd = desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'ON_HOLD_LEGAL')!;
      const unknown = desk.sims.xconnector.sim.cases.addNativeStep(other.id, 'PENDING_AUDIT')!;
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      expect(desk.engine.quarantine.open({ reasonKind: 'unmapped_status' }).map((q) => q.itemId)).toEqual([
        `${c.id}:${odd.id}`,
        `${other.id}:${unknown.id}`,
      ]);

      await desk.restart(fixed);
      const run = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      expect(run.stats.statusesPosted).toBe(1);
      expect(partnerSees(desk, c)).toEqual(['OPEN', 'WAITING_ON_PARTNER']);
      expect(byPartnerDesk(issueOf(desk.sims, c)!.statusUpdates)[1]?.correlationRef).toBe(
        `pd:status:${c.id}:${odd.id}`,
      );
      expect(desk.engine.cases.get(`case:${c.id}`)?.status).toBe('waiting_on_partner');
      // The other status is still unknown: still quarantined, and nothing was guessed for it.
      expect(desk.engine.quarantine.open({ reasonKind: 'unmapped_status' }).map((q) => q.itemId)).toEqual([
        `${other.id}:${unknown.id}`,
      ]);
      expect(partnerSees(desk, other)).toEqual(['OPEN']);
      // The timeline shows both: the transition that was held back, then its post.
      const summaries = desk.engine.cases.timeline(`case:${c.id}`).map((e) => e.summary);
      expect(summaries).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /moved to ON_HOLD_LEGAL: not posted to the partner, the status mapping does not know/,
          ),
          'The status mapping now knows "ON_HOLD_LEGAL": posting it to the partner.',
          `Posted to the partner: WAITING_ON_PARTNER — ${held.message}`,
        ]),
      );

      // Later transitions follow it; further restarts post nothing again.
      desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      await desk.restart(fixed);
      expect((await desk.engine.runUntilIdle({ timeoutMs: 30_000 })).stats.statusesPosted).toBe(0);
      expect(partnerSees(desk, c)).toEqual(['OPEN', 'WAITING_ON_PARTNER', 'IN_PROGRESS']);
      expect(duplicates(desk.sims)).toEqual([]);
    });

    it('goes out ahead of a transition that arrived while the engine was down', async () => {
      desk = await startDesk({ sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }) });
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      const c = internalCases(desk.sims)[0]!;
      desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'ON_HOLD_LEGAL');
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      await desk.engine.close();
      desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
      await desk.restart(fixed);
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      expect(partnerSees(desk, c)).toEqual(['OPEN', 'WAITING_ON_PARTNER', 'IN_PROGRESS']);
      expect(desk.engine.cases.get(`case:${c.id}`)?.status).toBe('in_progress');
      expect(desk.engine.quarantine.open({ reasonKind: 'unmapped_status' })).toEqual([]);
    });

    it('is superseded, not posted, when a later transition already reached the partner: the partner never steps back', async () => {
      desk = await startDesk({ sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }) });
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      const c = internalCases(desk.sims)[0]!;
      const odd = desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'ON_HOLD_LEGAL')!;
      desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      expect(partnerSees(desk, c)).toEqual(['OPEN', 'IN_PROGRESS']);

      await desk.restart(fixed);
      expect((await desk.engine.runUntilIdle({ timeoutMs: 30_000 })).stats.statusesPosted).toBe(0);
      expect(partnerSees(desk, c)).toEqual(['OPEN', 'IN_PROGRESS']);
      expect(desk.engine.quarantine.open({ reasonKind: 'unmapped_status' })).toEqual([]);
      const superseded = desk.engine.cases
        .timeline(`case:${c.id}`)
        .find((e) => e.eventKey === `superseded:xc:${odd.id}`);
      expect(superseded?.summary).toMatch(/case has since moved on to "INVESTIGATING"/);
    });
  });

  it('uses a configured mapping, and refuses an invalid one with a clear reason', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }),
      settings: {
        mappings: {
          caseSync: {
            statusToPartner: {
              NEW: { status: 'IN_PROGRESS', message: 'Nous avons bien reçu votre demande.' },
            },
          },
        },
      },
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    expect(byPartnerDesk(issueOf(desk.sims, c)!.statusUpdates).map((u) => [u.status, u.message])).toEqual([
      ['IN_PROGRESS', 'Nous avons bien reçu votre demande.'],
    ]);
    await expect(
      desk.restart({
        mappings: { caseSync: { statusToPartner: { NEW: { status: 'SOMEWHERE', message: 'x' } } } },
      }),
    ).rejects.toThrow(EngineSettingsError);
    await expect(
      desk.restart({
        mappings: { caseSync: { statusToPartner: { NEW: { status: 'SOMEWHERE', message: 'x' } } } },
      }),
    ).rejects.toThrow(
      /mappings\.caseSync\.statusToPartner\.NEW\.status: "SOMEWHERE" is not a Trading Grid status/,
    );
    await desk.restart();
  });

  for (const honour of [true, false]) {
    it(`posts each transition once under faults and a restart (idempotency keys ${honour ? 'honoured' : 'ignored'})`, async () => {
      const faults: FaultConfig = {
        'tg.postStatusUpdate': {
          errorRate: 0.15,
          throttleRate: 0.1,
          retryAfterSeconds: 0,
          resetRate: 0.1,
          lostResponseRate: 0.3,
        },
        'tg.findStatusUpdates': { errorRate: 0.1 },
      };
      desk = await startDesk({
        sim: caseWorld(
          { standalone: 15, exceptionShare: 0.3, stepsPerCase: 4, commentsPerCase: 0 },
          { honourIdempotencyKeys: honour, faults: { tradingGrid: faults } },
        ),
      });
      await desk.engine.syncNow();
      await desk.restart();
      expect((await desk.engine.runUntilIdle({ timeoutMs: 150_000 })).idle).toBe(true);
      desk.sims.xconnector.sim.cases.generateActivity({ caseSteps: 15 });
      expect((await desk.engine.runUntilIdle({ timeoutMs: 150_000 })).idle).toBe(true);
      expect(
        desk.sims.tradingGrid.sim.stats().faults.lostResponse['tg.postStatusUpdate'] ?? 0,
      ).toBeGreaterThan(0);
      for (const c of internalCases(desk.sims)) expectStepsPostedInOrder(desk, c);
      expect(duplicates(desk.sims)).toEqual([]);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
      // Every reset makes Trading Grid count as unreachable for at least half its backoff window, so
      // this run spends most of its time waiting, not working: generous limits keep a loaded CI green.
    }, 360_000);
  }
});
