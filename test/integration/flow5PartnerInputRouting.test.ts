// Flow 5 over real HTTP: what partners write in Trading Grid (issues they open, comments, attached
// documents) reaches ERP, order management or customer service through xConnector's inbound route,
// each exactly once, chosen by rule, never our own echoes, under faults and restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { RouteMessage } from '../../shared/domain/routeMessage.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

function routed(d: TestDesk): RouteMessage[] {
  const r = d.sims.xconnector.sim.cases.routedByRoute;
  return [...r.erp, ...r['order-management'], ...r['customer-service']];
}

/** Every partner comment and partner-opened issue in Trading Grid was routed exactly once. */
function expectAllPartnerInputRoutedOnce(d: TestDesk) {
  const feed = d.sims.tradingGrid.sim.issueFeed;
  const expected: string[] = [];
  for (const id of feed.issueIds()) {
    const s = feed.snapshot(id)!;
    if (s.openedBy.kind === 'partner') expected.push(`pd:route:issue:${s.id}`);
    for (const c of s.comments) if (c.author.kind === 'partner') expected.push(`pd:route:comment:${c.id}`);
  }
  expect(
    routed(d)
      .map((m) => m.correlationRef)
      .sort(),
  ).toEqual(expected.sort());
  expect(duplicates(d.sims)).toEqual([]);
}

describe('flow 5: partner input to internal systems', () => {
  it('routes each partner message and comment once, by rule or to the default route, attachments included', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 3, commentsPerCase: 1, stepsPerCase: 0 }, { partnerIssues: 4 }),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const cases = internalCases(desk.sims);
    const ours = issueOf(desk.sims, cases[0]!)!.id;
    // A partner's own issue has a type no rule names: its words decide.
    const [question, other] = feed.issueIds().filter((id) => id.startsWith('PISS-'));
    const pod = {
      id: 'PA-1',
      name: 'POD.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1234,
      documentType: 'proof_of_delivery',
    };
    const withPod = feed.partnerComment(ours, { body: 'Here is the signed proof.', attachments: [pod] })!;
    const payment = feed.partnerComment(question!, { body: 'When will the PAYMENT be made?' })!;
    const hello = feed.partnerComment(other!, { body: 'Thank you, speak soon.' })!;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });

    const find = (commentId: string) => routed(desk!).find((m) => m.source.commentId === commentId)!;
    // Attached documents come first, whatever the case is about.
    expect(find(withPod.id)).toMatchObject({
      route: 'order-management',
      matchedRule: 'Order and delivery documents go to order management',
      attachments: [pod],
      kind: 'comment',
      internalCaseId: cases[0]!.id,
      partnerId: cases[0]!.partnerId,
      source: { system: 'trading-grid', issueId: ours, commentId: withPod.id },
    });
    // Keywords match whole words whatever their case; nothing matching goes to the default route.
    expect(find(payment.id)).toMatchObject({ route: 'erp', matchedRule: 'Payment questions go to ERP' });
    expect(find(hello.id)).toMatchObject({ route: 'customer-service', matchedRule: 'default route' });
    // A comment on an internal case's issue follows the case's type.
    const typed = feed.partnerComment(issueOf(desk.sims, cases[1]!)!.id, { body: 'Thank you.' })!;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const byType: Record<string, string> = {
      INVOICE_DISPUTE: 'erp',
      SHIPMENT_EXCEPTION: 'order-management',
      ORDER_EXCEPTION: 'order-management',
      GENERAL_INQUIRY: 'customer-service',
    };
    expect(find(typed.id).route).toBe(byType[cases[1]!.type]);
    // Issues partners opened themselves arrive as messages, and have a desk case of their own.
    const opened = routed(desk).filter((m) => m.kind === 'message');
    expect(opened).toHaveLength(4);
    for (const m of opened) expect(desk.engine.cases.get(`tg:${m.source.issueId}`)?.origin).toBe('partner');
    expectAllPartnerInputRoutedOnce(desk);
    // The desk sees where each went.
    const timeline = desk.engine.cases.timeline(`case:${cases[0]!.id}`);
    expect(
      timeline.some((e) =>
        /handed to order management \(Order and delivery documents go to order management\), with 1 attachment/.test(
          e.summary,
        ),
      ),
    ).toBe(true);
  });

  it('never routes our own copies, desk replies or comments written by staff', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 3, commentsPerCase: 3, stepsPerCase: 2 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    desk.engine.replyToPartner(`case:${c.id}`, 'We are on it.');
    const issueId = issueOf(desk.sims, c)!.id;
    desk.sims.tradingGrid.sim.issueFeed.staffComment(issueId, 'Kim Lee (Support)', 'Looking into it.');
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(issueOf(desk.sims, c)!.comments.length).toBeGreaterThan(1);
    expect(routed(desk)).toEqual([]);
    expect(desk.engine.stats().messagesRouted).toBe(0);
    // The staff comment still reaches the internal case (flow 7), just not the inbound route.
    const copies = desk.sims.xconnector.sim.cases
      .get(c.id)!
      .comments.filter((x) => x.author.startsWith('Kim Lee'));
    expect(copies.map((x) => x.body)).toEqual(['Looking into it.']);
  });

  it('follows configured rules: a rule per partner, and a different default route', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 4, commentsPerCase: 0, stepsPerCase: 0 }) });
    const cases = internalCases(desk.sims);
    const vip = cases[0]!.partnerId;
    await desk.restart({
      mappings: {
        caseSync: {
          routing: {
            rules: [{ name: 'Key account desk', route: 'customer-service', partnerIds: [vip] }],
            defaultRoute: 'order-management',
          },
        },
      },
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    for (const x of cases)
      desk.sims.tradingGrid.sim.issueFeed.partnerComment(issueOf(desk.sims, x)!.id, {
        body: 'invoice payment',
      });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    for (const m of routed(desk)) {
      if (m.partnerId === vip)
        expect(m).toMatchObject({ route: 'customer-service', matchedRule: 'Key account desk' });
      else expect(m).toMatchObject({ route: 'order-management', matchedRule: 'default route' });
    }
    expect(routed(desk)).toHaveLength(4);
  });

  it('sets aside an issue opened in a community no partner matches, saying why', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 0 }) });
    const stranger = desk.sims.tradingGrid.sim.generateActivity({ communities: 1 }).communities[0]!;
    desk.sims.tradingGrid.sim.issueFeed.partnerOpensIssue(stranger.id);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const [q] = desk.engine.quarantine.open({ reasonKind: 'unknown_partner' });
    expect(q?.reason).toMatch(/opened in Trading Grid community .* which no xConnector partner matches/);
    expect(routed(desk)).toEqual([]);
  });

  for (const honour of [true, false]) {
    it(`routes each partner input once under faults and a restart (idempotency keys ${honour ? 'honoured' : 'ignored'})`, async () => {
      const xcFaults: FaultConfig = {
        'xc.routeMessage': {
          errorRate: 0.15,
          throttleRate: 0.1,
          retryAfterSeconds: 0,
          resetRate: 0.1,
          lostResponseRate: 0.3,
        },
        'xc.findRouteMessages': { errorRate: 0.1 },
      };
      const tgFaults: FaultConfig = { 'tg.issueChangesFeed': { errorRate: 0.2, resetRate: 0.05 } };
      desk = await startDesk({
        sim: caseWorld(
          { standalone: 10, commentsPerCase: 1 },
          { partnerIssues: 10, faults: { xconnector: xcFaults, tradingGrid: tgFaults } },
        ),
      });
      desk.sims.xconnector.sim.cases.honourIdempotencyKeys = honour;
      await desk.engine.syncNow();
      await desk.restart();
      expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
      desk.sims.tradingGrid.sim.issueFeed.generateActivity({ partnerComments: 30, partnerIssues: 5 });
      expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
      expect(desk.sims.xconnector.sim.stats().faults.lostResponse['xc.routeMessage'] ?? 0).toBeGreaterThan(0);
      expectAllPartnerInputRoutedOnce(desk);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    }, 120_000);
  }
});
