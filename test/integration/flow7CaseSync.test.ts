// Flow 7 over real HTTP against both simulators: internal cases and Trading Grid issues stay linked
// and in step — identifiers, comments both ways, status by the ownership rule — with no echoes, no
// duplicates, conflicts shown on the desk, under faults and restarts, and at volume.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineSettingsFor, issuesByRef, startDesk, type TestDesk } from '../support/desk.ts';
import { createEngine } from '../../electron/engine/engine.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import {
  byPartnerDesk,
  caseWorld,
  duplicates,
  internalCases,
  issueOf,
  notByPartnerDesk,
  snapshot,
  unthrottled,
} from '../support/caseSync.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import { createDeskService, IpcRequestError } from '../../electron/service/deskService.ts';
import type { CaseDetail } from '../../shared/ipc/dto.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const partnerVisible = (c: InternalCase) =>
  notByPartnerDesk(c.comments).filter((x) => x.visibility === 'partner');

function expectEveryCaseLinkedOnce(d: TestDesk) {
  const byRef = issuesByRef(d.sims);
  for (const c of internalCases(d.sims)) {
    const now = d.sims.xconnector.sim.cases.get(c.id)!;
    expect(now.link, `xConnector's link on ${c.id}`).not.toBeNull();
    if (c.exceptionId) {
      // It joined the exception's desk case: no issue of its own, the exception's issue instead.
      expect(byRef.get(`pd:case:${c.id}`)).toBeUndefined();
      expect(now.link!.issueId).toBe(byRef.get(`pd:exc:${c.exceptionId}`)?.[0]);
      expect(d.engine.cases.get(`exc:${c.exceptionId}`)?.tgIssueId).toBe(now.link!.issueId);
    } else {
      expect(byRef.get(`pd:case:${c.id}`), `issues for ${c.id}`).toHaveLength(1);
      expect(now.link!.issueId).toBe(byRef.get(`pd:case:${c.id}`)![0]);
      expect(d.engine.cases.get(`case:${c.id}`)?.tgIssueId).toBe(now.link!.issueId);
    }
  }
}

/** Each partner-visible internal comment is on the issue exactly once; internal notes never are. */
function expectInternalCommentsCopiedOnce(d: TestDesk) {
  for (const c of internalCases(d.sims)) {
    const issue = issueOf(d.sims, c)!;
    const ours = byPartnerDesk(issue.comments).filter((x) => x.correlationRef?.startsWith('pd:xc-comment:'));
    const own = d.sims.xconnector.sim.cases.get(c.id)!;
    expect(ours.map((x) => x.body)).toEqual(partnerVisible(own).map((x) => x.body));
    const notes = own.comments.filter((x) => x.visibility === 'internal').map((x) => x.correlationRef);
    for (const x of ours) expect(notes).not.toContain(x.correlationRef);
  }
}

describe('flow 7: bi-directional case sync', () => {
  it('links every internal case to exactly one Trading Grid issue, joining the case of its exception', async () => {
    desk = await startDesk({
      sim: caseWorld({ exceptionShare: 0.5, standalone: 12, maxCommentsPerCase: 3, maxStepsPerCase: 2 }),
    });
    const run = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(run.idle).toBe(true);
    const cases = internalCases(desk.sims);
    expect(cases.filter((c) => c.exceptionId).length, 'some cases are about exceptions').toBeGreaterThan(3);
    expectEveryCaseLinkedOnce(desk);
    expect(duplicates(desk.sims)).toEqual([]);
    // The issue opened for an internal case names it, and the desk shows it as its own case.
    const standalone = cases.find((c) => !c.exceptionId)!;
    const issue = issueOf(desk.sims, standalone)!;
    expect(issue.externalRefs).toEqual([{ system: 'xconnector', kind: 'case', id: standalone.id }]);
    expect(issue.title).toBe(standalone.title);
    expect(desk.engine.cases.get(`case:${standalone.id}`)).toMatchObject({
      origin: 'internal-case',
      partnerId: standalone.partnerId,
      type: standalone.type,
    });
  });

  it('copies comments both ways exactly once, keeps internal notes internal, and never echoes a copy back', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 8, exceptionShare: 0.3, commentsPerCase: 4 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expectInternalCommentsCopiedOnce(desk);
    const cases = internalCases(desk.sims);
    expect(cases.some((c) => c.comments.some((x) => x.visibility === 'internal'))).toBe(true);

    // Partners and staff answer in Trading Grid; an agent answers in xConnector.
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const written = cases.map((c) => feed.partnerComment(issueOf(desk!.sims, c)!.id)!);
    const agent = desk.sims.xconnector.sim.cases;
    const first = agent.get(cases[0]!.id)!;
    agent.addNativeComment(first, {
      id: 'CC-AGENT-1',
      caseId: first.id,
      author: 'Jan de Vries (Order Desk)',
      body: 'We have re-sent the ASN.',
      visibility: 'partner',
      origin: null,
      correlationRef: null,
      createdAt: new Date().toISOString(),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    for (const [i, c] of cases.entries()) {
      const copies = byPartnerDesk(agent.get(c.id)!.comments).filter((x) =>
        x.correlationRef?.startsWith('pd:tg-comment:'),
      );
      expect(copies.map((x) => x.correlationRef)).toEqual([`pd:tg-comment:${written[i]!.id}`]);
      expect(copies[0]!.body).toContain(written[i]!.body);
    }
    expectInternalCommentsCopiedOnce(desk);

    // Another full cycle, and a restart: nothing new is written anywhere.
    const before = JSON.stringify(
      cases.map((c) => [agent.get(c.id)!.comments.length, issueOf(desk!.sims, c)!.comments.length]),
    );
    const synced = desk.engine.stats().writesEnqueued;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.engine.stats().writesEnqueued).toBe(synced);
    await desk.restart();
    const afterRestart = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(afterRestart.stats.writesEnqueued).toBe(0);
    expect(
      JSON.stringify(
        cases.map((c) => [agent.get(c.id)!.comments.length, issueOf(desk!.sims, c)!.comments.length]),
      ),
    ).toBe(before);
    expect(duplicates(desk.sims)).toEqual([]);

    // The desk's timeline shows both sides of the conversation.
    const timeline = desk.engine.cases.timeline(`case:${cases.find((c) => !c.exceptionId)!.id}`);
    expect(timeline.some((e) => e.kind === 'comment' && e.origin === 'trading-grid')).toBe(true);
    expect(timeline.some((e) => e.kind === 'comment' && e.origin === 'xconnector')).toBe(true);
  });

  it("sends an internal case's documents to its Trading Grid issue once, through flow 2's uploads; internal ones stay internal", async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 4, exceptionShare: 0.2, commentsPerCase: 1, attachmentsPerCase: 2 }),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    const agent = desk.sims.xconnector.sim.cases;
    const first = internalCases(desk.sims).find((c) => !c.exceptionId)!;
    const later = agent.addNativeAttachment(first.id, 'partner')!;
    const note = agent.addNativeAttachment(first.id, 'internal')!;
    await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    await desk.restart();
    await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    const tg = desk.sims.tradingGrid.sim.attachments;
    for (const c of internalCases(desk.sims)) {
      const issueId = issueOf(desk.sims, c)!.id;
      const expected = agent.get(c.id)!.attachments.filter((a) => a.visibility === 'partner');
      const attached = tg.attachmentsOf(issueId).filter((a) => expected.some((e) => e.sha256 === a.sha256));
      expect(attached.map((a) => a.sha256).sort(), `documents of ${c.id}`).toEqual(
        expected.map((e) => e.sha256).sort(),
      );
    }
    const firstIssue = issueOf(desk.sims, first)!.id;
    expect(tg.attachmentsOf(firstIssue).some((a) => a.sha256 === later.sha256)).toBe(true);
    expect(tg.attachmentsOf(firstIssue).some((a) => a.sha256 === note.sha256)).toBe(false);
    expect(desk.sims.tradingGrid.sim.duplicates()).toEqual([]);
    const docs = desk.engine.cases.timeline(`case:${first.id}`).filter((e) => e.kind === 'document');
    expect(docs.some((e) => /internal only/.test(e.summary))).toBe(true);
    expect(docs.some((e) => /attached to Trading Grid issue/.test(e.summary))).toBe(true);
  });

  it('records a conflict when both sides changed the status, and the owner (xConnector by default) wins', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 2, stepsPerCase: 2, commentsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const caseId = `case:${c.id}`;
    const issueId = issueOf(desk.sims, c)!.id;
    expect(desk.engine.cases.get(caseId)?.status).toBe('in_progress');

    // The partner marks the issue resolved: the desk shows it, xConnector's case is not touched.
    desk.sims.tradingGrid.sim.issueFeed.partnerStatus(issueId, 'RESOLVED');
    const steps = desk.sims.xconnector.sim.cases.get(c.id)!.steps.length;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.engine.cases.get(caseId)?.status).toBe('resolved');
    expect(desk.sims.xconnector.sim.cases.get(c.id)!.steps).toHaveLength(steps);
    expect(desk.engine.cases.timeline(caseId).filter((e) => e.kind === 'conflict')).toEqual([]);

    // Then the internal team moves the case on: both changed since the last sync. xConnector wins.
    desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'WAITING_ON_PARTNER');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const conflicts = desk.engine.cases.timeline(caseId).filter((e) => e.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.summary).toMatch(
      /Trading Grid said "RESOLVED".*xConnector said "WAITING_ON_PARTNER".*xConnector owns status/,
    );
    expect(conflicts[0]!.detail).toMatchObject({
      field: 'status',
      winner: 'xconnector',
      'trading-grid': { value: 'resolved', said: 'RESOLVED' },
      xconnector: { value: 'waiting_on_partner', said: 'WAITING_ON_PARTNER' },
    });
    expect(snapshot(desk.sims, issueId).status).toBe('WAITING_ON_PARTNER');
    expect(desk.engine.cases.get(caseId)?.status).toBe('waiting_on_partner');

    // Reading everything again records nothing more.
    await desk.restart();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.engine.cases.timeline(caseId).filter((e) => e.kind === 'conflict')).toHaveLength(1);
  });

  it("records the conflict when the partner changed the status just before the owner's update landed", async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, stepsPerCase: 1, commentsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const issueId = issueOf(desk.sims, c)!.id;
    // xConnector moves on; before Partner Desk posts it, the partner sets the issue resolved.
    desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'PENDING_CREDIT_NOTE');
    await desk.engine.syncNow().then(() => undefined);
    desk.sims.tradingGrid.sim.issueFeed.partnerStatus(issueId, 'RESOLVED');
    desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const conflicts = desk.engine.cases.timeline(`case:${c.id}`).filter((e) => e.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.detail).toMatchObject({
      winner: 'xconnector',
      'trading-grid': { said: 'RESOLVED' },
    });
    expect(snapshot(desk.sims, issueId).status).toBe('IN_PROGRESS');
  });

  it("with Trading Grid owning the status, copies the partner's status into the internal case and keeps internal steps internal", async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 1, stepsPerCase: 0, commentsPerCase: 0 }),
      settings: {
        mappings: { caseSync: { fieldOwners: { status: 'trading-grid', resolution: 'trading-grid' } } },
      },
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const issueId = issueOf(desk.sims, c)!.id;
    const posted = () => byPartnerDesk(snapshot(desk!.sims, issueId).statusUpdates).length;
    expect(posted(), 'the NEW step stays internal').toBe(0);

    desk.sims.tradingGrid.sim.issueFeed.partnerStatus(issueId, 'RESOLVED');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const copied = byPartnerDesk(desk.sims.xconnector.sim.cases.get(c.id)!.steps);
    expect(copied.map((s) => s.status)).toEqual(['RESOLVED']);
    expect(copied[0]!.note).toContain('Set in Trading Grid by');
    // Our own step does not come back as a status update to Trading Grid.
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(posted()).toBe(0);

    // An internal step while Trading Grid's change is pending, then the partner again: Trading Grid wins.
    desk.sims.xconnector.sim.cases.addNativeStep(c.id, 'INVESTIGATING');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    desk.sims.tradingGrid.sim.issueFeed.partnerStatus(issueId, 'OPEN');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const conflicts = desk.engine.cases.timeline(`case:${c.id}`).filter((e) => e.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.detail).toMatchObject({
      winner: 'trading-grid',
      xconnector: { said: 'INVESTIGATING' },
    });
    expect(byPartnerDesk(desk.sims.xconnector.sim.cases.get(c.id)!.steps).map((s) => s.status)).toEqual([
      'RESOLVED',
      'REOPENED',
    ]);
    expect(posted()).toBe(0);
  });

  it('sends a desk reply to the partner once, shows it on the timeline, copies it to the internal case, and refuses bad input', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, commentsPerCase: 0, stepsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const caseId = `case:${c.id}`;
    expect(desk.engine.replyToPartner(caseId, '  We have credited the difference today.  ')).toEqual({
      ok: true,
    });
    expect(desk.engine.replyToPartner('case:NOPE', 'hello')).toEqual({
      ok: false,
      message: 'There is no case case:NOPE.',
    });
    expect(desk.engine.replyToPartner(caseId, '   ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/empty/),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const issue = issueOf(desk.sims, c)!;
    const replies = byPartnerDesk(issue.comments).filter((x) =>
      x.correlationRef?.startsWith('pd:desk-comment:'),
    );
    expect(replies.map((x) => [x.body, x.author.name])).toEqual([
      ['We have credited the difference today.', 'Partner Desk'],
    ]);
    const copies = byPartnerDesk(desk.sims.xconnector.sim.cases.get(c.id)!.comments);
    expect(copies.map((x) => x.body)).toEqual(['We have credited the difference today.']);
    // Neither copy comes back as a new comment for the other side.
    expect(issue.comments).toHaveLength(1);
    const timeline = desk.engine.cases.timeline(caseId).filter((e) => e.kind === 'comment');
    expect(timeline.map((e) => e.origin)).toEqual(['desk']);
  });

  it('serves the window: cases:reply validated at the edge, the case view showing both sides', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, commentsPerCase: 2, stepsPerCase: 1 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const changed: string[] = [];
    const service = createDeskService({
      engine: desk.engine,
      appInfo: { version: 'test', mode: 'demo', platform: 'linux' },
      settings: {
        view: async () => ({
          settings: {},
          credentialsStored: { 'xconnector.apiKey': true, 'tradingGrid.clientSecret': true },
          recovered: null,
        }),
        update: async () => ({ ok: true }),
      },
      credentials: { set: async () => {} },
      emit: (event, payload) => {
        if (event === 'engine:caseChanged') changed.push((payload as { caseId: string }).caseId);
      },
    });
    try {
      const caseId = `case:${internalCases(desk.sims)[0]!.id}`;
      expect(await service.invoke('cases:reply', { caseId, text: 'Credit note sent.' })).toEqual({
        ok: true,
      });
      expect(changed).toContain(caseId);
      await expect(service.invoke('cases:reply', { caseId, text: '' })).rejects.toThrow(IpcRequestError);
      await expect(service.invoke('cases:reply', { caseId, text: 'x'.repeat(10_001) })).rejects.toThrow(
        /Invalid arguments for cases:reply: text/,
      );
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
      const view = (await service.invoke('cases:get', { caseId })) as CaseDetail;
      expect(view.summary.status).toBe('open');
      const kinds = view.timeline.map((e) => `${e.kind}:${e.origin}`);
      expect(kinds).toEqual(
        expect.arrayContaining(['opened:xconnector', 'status:xconnector', 'status:engine', 'comment:desk']),
      );
    } finally {
      service.dispose();
    }
  });

  it('adopts what an earlier installation synced: a fresh data folder writes no second issue, comment, status or route', async () => {
    desk = await startDesk({
      sim: caseWorld(
        { standalone: 6, exceptionShare: 0.4, commentsPerCase: 3, stepsPerCase: 2 },
        { partnerIssues: 2 },
      ),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    for (const c of internalCases(desk.sims)) feed.partnerComment(issueOf(desk.sims, c)!.id);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const census = () =>
      JSON.stringify({
        issues: desk!.sims.tradingGrid.sim.issues().length,
        threads: feed
          .issueIds()
          .map((id) => [feed.snapshot(id)!.comments.length, feed.snapshot(id)!.statusUpdates.length]),
        cases: internalCases(desk!.sims).map((c) => [c.comments.length, c.steps.length]),
        routed: desk!.sims.xconnector.sim.cases.counts().routed,
      });
    const before = census();

    // A new installation on an empty data folder, against the same two systems.
    const fresh = mkdtempSync(join(tmpdir(), 'pd-desk-fresh-'));
    const second = createEngine({
      dataDir: fresh,
      settings: engineSettingsFor(desk.sims),
      credentials: desk.credentials,
      notifier: { notify: async () => {} },
      logger: silentLogger(),
    });
    try {
      const run = await second.runUntilIdle({ timeoutMs: 60_000 });
      expect(run.idle).toBe(true);
      expect(census()).toBe(before);
      expect(duplicates(desk.sims)).toEqual([]);
      expect(run.stats.recoveredByLookup, 'copies were found instead of written again').toBeGreaterThan(0);
      for (const c of internalCases(desk.sims).filter((x) => !x.exceptionId))
        expect(second.cases.get(`case:${c.id}`)?.tgIssueId).toBe(issueOf(desk.sims, c)!.id);
    } finally {
      await second.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('quarantines malformed cases and issues with a readable reason and syncs the rest', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 3, commentsPerCase: 1 }) });
    desk.sims.xconnector.sim.cases.cases.putRaw('raw:1', { id: 'IC-BROKEN', partnerId: 42, title: '' });
    desk.sims.tradingGrid.sim.issueFeed.feed.putRaw('raw:2', 'not an issue');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const malformed = desk.engine.quarantine.open({ reasonKind: 'malformed' });
    expect(malformed.map((m) => m.itemId ?? '(no id)').sort()).toEqual(['(no id)', 'IC-BROKEN']);
    expect(malformed.find((m) => m.itemId === 'IC-BROKEN')?.reason).toMatch(
      /internal case IC-BROKEN is malformed.*partnerId/,
    );
    expectEveryCaseLinkedOnce(desk);
  });

  for (const honour of [true, false]) {
    it(`stays exactly-once under 429, 5xx, resets and lost responses, across a restart (idempotency keys ${honour ? 'honoured' : 'ignored'})`, async () => {
      const tgFaults: FaultConfig = {
        'tg.createIssue': { errorRate: 0.1, lostResponseRate: 0.2 },
        'tg.createComment': {
          errorRate: 0.15,
          throttleRate: 0.1,
          retryAfterSeconds: 0,
          resetRate: 0.1,
          lostResponseRate: 0.25,
        },
        'tg.findComments': { errorRate: 0.1 },
        'tg.issueChangesFeed': { errorRate: 0.15, resetRate: 0.05 },
      };
      const xcFaults: FaultConfig = {
        'xc.casesFeed': { errorRate: 0.15, resetRate: 0.05 },
        'xc.linkCase': { errorRate: 0.2, lostResponseRate: 0.2 },
        'xc.createCaseComment': { errorRate: 0.15, resetRate: 0.1, lostResponseRate: 0.35 },
        'xc.findCaseComments': { errorRate: 0.1 },
      };
      desk = await startDesk({
        sim: caseWorld(
          { standalone: 20, exceptionShare: 0.3, commentsPerCase: 3, stepsPerCase: 1 },
          { honourIdempotencyKeys: honour, faults: { tradingGrid: tgFaults, xconnector: xcFaults } },
        ),
      });
      desk.sims.xconnector.sim.cases.honourIdempotencyKeys = honour;
      // Half-way (a few deliveries attempted, some answers lost), the engine restarts.
      await desk.engine.syncNow();
      await desk.restart();
      const first = await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
      expect(first.idle).toBe(true);
      const feed = desk.sims.tradingGrid.sim.issueFeed;
      for (const c of internalCases(desk.sims)) feed.partnerComment(issueOf(desk.sims, c)!.id);
      const second = await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
      expect(second.idle).toBe(true);
      const faults = desk.sims.tradingGrid.sim.stats().faults;
      expect(faults.lostResponse['tg.createComment'] ?? 0, 'lost responses were injected').toBeGreaterThan(0);
      expect(
        desk.sims.xconnector.sim.stats().faults.lostResponse['xc.createCaseComment'] ?? 0,
      ).toBeGreaterThan(0);
      expect(duplicates(desk.sims)).toEqual([]);
      expectEveryCaseLinkedOnce(desk);
      expectInternalCommentsCopiedOnce(desk);
      for (const c of internalCases(desk.sims)) {
        const partnerComments = notByPartnerDesk(issueOf(desk.sims, c)!.comments);
        const copies = byPartnerDesk(desk.sims.xconnector.sim.cases.get(c.id)!.comments);
        expect(copies.map((x) => x.correlationRef).sort()).toEqual(
          partnerComments.map((x) => `pd:tg-comment:${x.id}`).sort(),
        );
      }
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    }, 120_000);
  }

  it('links 1,000 internal cases with several comments each in one first run, without duplicates', async () => {
    desk = await startDesk({
      sim: caseWorld(
        { standalone: 1000, commentsPerCase: 4, stepsPerCase: 1 },
        { partners: 20, exceptions: 0 },
      ),
    });
    await desk.restart(unthrottled(desk.sims));
    const started = performance.now();
    const run = await desk.engine.runUntilIdle({ timeoutMs: 240_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(run.idle).toBe(true);
    const cases = internalCases(desk.sims);
    expect(cases).toHaveLength(1000);
    expect(
      desk.sims.tradingGrid.sim.issues().filter((i) => i.correlationRef.startsWith('pd:case:')),
    ).toHaveLength(1000);
    const comments = cases.reduce((n, c) => n + partnerVisible(c).length, 0);
    expect(run.stats.commentsSynced).toBe(comments);
    expect(run.stats.statusesPosted).toBe(2000);
    expect(duplicates(desk.sims)).toEqual([]);
    expectEveryCaseLinkedOnce(desk);
    expectInternalCommentsCopiedOnce(desk);
    console.log(
      `flow 7 first run: 1000 cases, ${comments} comments, 2000 status updates in ${seconds.toFixed(1)} s`,
    );
  }, 300_000);
});
