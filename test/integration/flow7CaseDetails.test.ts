// Flow 7 over real HTTP: a case's title and priority follow their owning side. The owner's change is
// copied to the other side once (under lost responses, with idempotency keys ignored); the other
// side's change alone is shown on the desk and not copied; both sides changing the same field is a
// conflict the owner wins, recorded on the case's timeline. Our own copies never come back as changes.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { caseWorld, internalCases, issueOf } from '../support/caseSync.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const issueNow = (d: TestDesk, id: string) => d.sims.tradingGrid.sim.issues().find((i) => i.id === id)!;
const detailUpdates = (d: TestDesk) =>
  d.sims.tradingGrid.sim.issueUpdates.all().filter((u) => u.correlationRef.startsWith('pd:details:'));
const timeline = (d: TestDesk, caseId: string) => d.engine.cases.timeline(caseId);

describe('flow 7: title and priority by ownership', () => {
  it('copies xConnector’s title and priority to the issue once, holds a Trading Grid edit, and records a conflict when both change', async () => {
    const tgFaults: FaultConfig = { 'tg.updateIssue': { lostResponseRate: 0.5, errorRate: 0.1 } };
    desk = await startDesk({
      sim: caseWorld(
        { standalone: 2, commentsPerCase: 0, stepsPerCase: 0 },
        { honourIdempotencyKeys: false, faults: { tradingGrid: tgFaults } },
      ),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const xc = desk.sims.xconnector.sim.cases;
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const [a, b] = internalCases(desk.sims);
    const issueA = issueOf(desk.sims, a!)!.id;
    const issueB = issueOf(desk.sims, b!)!.id;

    // The owner changes: copied to the issue and shown on the desk.
    xc.updateDetails(a!.id, { title: 'Credit note for PO 4711', priority: 'urgent' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(issueNow(desk, issueA)).toMatchObject({ title: 'Credit note for PO 4711', priority: 'urgent' });
    expect(desk.engine.cases.get(`case:${a!.id}`)).toMatchObject({
      title: 'Credit note for PO 4711',
      priority: 'urgent',
    });

    // Trading Grid alone changes the title: shown, not copied.
    const before = xc.get(b!.id)!.title;
    feed.editIssue(issueB, { title: 'Partner renamed this' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(xc.get(b!.id)!.title).toBe(before);
    expect(timeline(desk, `case:${b!.id}`).map((e) => e.summary)).toContainEqual(
      expect.stringMatching(
        /changed the title in Trading Grid to "Partner renamed this"\. xConnector owns the title, so it is not copied/,
      ),
    );
    // Then xConnector changes it too: a conflict, which the owner wins on both sides.
    xc.updateDetails(b!.id, { title: 'Our agreed title' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(issueNow(desk, issueB).title).toBe('Our agreed title');
    const conflicts = timeline(desk, `case:${b!.id}`).filter((e) => e.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.summary).toMatch(
      /Conflict on title: Trading Grid said "Partner renamed this" .* then xConnector said "Our agreed title" .*xConnector owns title/,
    );

    // Exactly one issue update per change, even with lost responses and keys ignored; nothing echoes.
    feed.partnerComment(issueA, { body: 'Thanks.' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const refs = detailUpdates(desk).map((u) => u.correlationRef);
    expect(refs).toHaveLength(2);
    expect(new Set(refs).size).toBe(2);
    expect(desk.sims.tradingGrid.sim.issueUpdates.duplicates()).toEqual([]);
    expect(desk.sims.tradingGrid.sim.stats().faults.lostResponse['tg.updateIssue'] ?? 0).toBeGreaterThan(0);
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
  });

  it('copies Trading Grid’s priority into xConnector when Trading Grid owns it, and lets it win a conflict', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 1, commentsPerCase: 0, stepsPerCase: 0 }),
      settings: { mappings: { caseSync: { fieldOwners: { priority: 'trading-grid' } } } },
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const xc = desk.sims.xconnector.sim.cases;
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const c = internalCases(desk.sims)[0]!;
    const issueId = issueOf(desk.sims, c)!.id;

    feed.editIssue(issueId, { priority: 'urgent' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(xc.get(c.id)!.priority).toBe('urgent');
    expect(desk.engine.cases.get(`case:${c.id}`)!.priority).toBe('urgent');

    // Both change before the next sync: Trading Grid owns the priority, so its value stands on both sides.
    xc.updateDetails(c.id, { priority: 'low' });
    feed.editIssue(issueId, { priority: 'high' });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(xc.get(c.id)!.priority).toBe('high');
    expect(issueNow(desk, issueId).priority).toBe('high');
    const conflicts = timeline(desk, `case:${c.id}`).filter((e) => e.kind === 'conflict');
    expect(conflicts.map((e) => e.summary)).toEqual([
      expect.stringMatching(/Conflict on priority: xConnector said "low" .* then Trading Grid said "high"/),
    ]);
    // The title stayed xConnector's: the Trading Grid copy of it was never written back.
    expect(detailUpdates(desk)).toEqual([]);
  });
});
