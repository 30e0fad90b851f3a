// Flow 1 over real HTTP against both simulators: each exception opens exactly one Trading Grid issue,
// linked both ways, whatever faults the network and the remote throw at it.
import { afterEach, describe, expect, it } from 'vitest';
import { issuesByRef, startDesk, type TestDesk } from '../support/desk.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

function knownExceptions(d: TestDesk) {
  const unknown = new Set(d.sims.scenario.unknownPartnerIds);
  return d.sims.scenario.exceptions.filter((e) => !unknown.has(e.partnerId));
}

function expectExactlyOneIssuePerException(d: TestDesk, exceptionIds: string[]) {
  const byRef = issuesByRef(d.sims);
  expect(d.sims.tradingGrid.sim.duplicates()).toEqual([]);
  expect(d.sims.tradingGrid.sim.issues()).toHaveLength(exceptionIds.length);
  for (const id of exceptionIds) {
    const issues = byRef.get(`pd:exc:${id}`) ?? [];
    expect(issues, `issues for exception ${id}`).toHaveLength(1);
    // xConnector's side of the link names that same issue, and so does the desk's case.
    expect(d.sims.xconnector.sim.state.exceptions.get(id)?.link?.issueId).toBe(issues[0]);
    expect(d.engine.cases.get(`exc:${id}`)?.tgIssueId).toBe(issues[0]);
  }
}

describe('flow 1: exception to issue', () => {
  it('opens exactly one issue per exception in the right community, with type, references, amounts and a summary', async () => {
    desk = await startDesk();
    const result = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(result.idle).toBe(true);
    const exceptions = knownExceptions(desk);
    expectExactlyOneIssuePerException(
      desk,
      exceptions.map((e) => e.id),
    );

    const sample = exceptions.find(
      (e) => e.kind === 'invoice' && e.amounts?.expected !== undefined && e.amounts.actual !== undefined,
    );
    expect(sample, 'the seeded world has an invoice exception with amounts').toBeDefined();
    const issue = desk.sims.tradingGrid.sim
      .issues()
      .find((i) => i.correlationRef === `pd:exc:${sample!.id}`)!;
    const partner = desk.sims.scenario.partners.find((p) => p.id === sample!.partnerId)!;
    const community = desk.sims.scenario.communities.find((c) => c.partnerCode === partner.partnerCode)!;
    expect(issue.communityId).toBe(community.id);
    expect(issue.type).toBe('INVOICE_DISPUTE');
    expect(issue.title).toContain(sample!.summary);
    expect(issue.description).toContain(partner.name);
    expect(issue.description).toContain(`Invoice number: ${sample!.references.invoiceNumber}`);
    expect(issue.description).toMatch(
      /Amounts: expected [\d.]+ [A-Z]{3}, actual [\d.]+ [A-Z]{3}, difference/,
    );
    expect(issue.externalRefs).toEqual([{ system: 'xconnector', kind: 'exception', id: sample!.id }]);
  });

  it('quarantines an exception for an unknown partner with a clear reason, and sends it once the partner is known', async () => {
    desk = await startDesk({ sim: { unknownPartnerExceptions: 2 } });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const quarantined = desk.engine.quarantine.open({ reasonKind: 'unknown_partner' });
    expect(quarantined).toHaveLength(2);
    expect(quarantined[0]?.reason).toMatch(
      /was not sent to Trading Grid: xConnector names no partner "PTR-U\d+"/,
    );
    expect(
      desk.sims.tradingGrid.sim
        .issues()
        .some((i) => quarantined.some((q) => i.correlationRef === `pd:exc:${q.itemId}`)),
    ).toBe(false);

    // The partner turns up in xConnector (and gets its community): the quarantined exception goes out.
    const partnerId = desk.sims.scenario.unknownPartnerIds[0]!;
    const partner = desk.sims.xconnector.sim.state.addPartner();
    desk.sims.xconnector.sim.state.partners.put(partnerId, { ...partner, id: partnerId });
    desk.sims.tradingGrid.sim.addCommunity(partner);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const stillOpen = desk.engine.quarantine.open({ reasonKind: 'unknown_partner' });
    expect(stillOpen).toHaveLength(1);
    const released = quarantined.find((q) => !stillOpen.some((s) => s.id === q.id))!;
    expect(issuesByRef(desk.sims).get(`pd:exc:${released.itemId}`)).toHaveLength(1);
  });

  for (const honourIdempotencyKeys of [true, false]) {
    it(`stays exactly-once under 429, 5xx, resets, latency and lost responses (idempotency keys ${honourIdempotencyKeys ? 'honoured' : 'ignored'})`, async () => {
      const tgFaults: FaultConfig = {
        'tg.createIssue': {
          errorRate: 0.15,
          throttleRate: 0.1,
          retryAfterSeconds: 0,
          resetRate: 0.1,
          lostResponseRate: 0.25,
          latencyMs: { min: 0, max: 5 },
        },
        'tg.findIssues': { errorRate: 0.1 },
      };
      const xcFaults: FaultConfig = {
        'xc.exceptionsFeed': { errorRate: 0.2, resetRate: 0.05 },
        'xc.linkException': { errorRate: 0.2, lostResponseRate: 0.2 },
      };
      desk = await startDesk({
        sim: {
          exceptions: 60,
          honourIdempotencyKeys,
          faults: { tradingGrid: tgFaults, xconnector: xcFaults },
        },
      });
      const result = await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
      expect(result.idle).toBe(true);
      const faults = desk.sims.tradingGrid.sim.stats().faults;
      expect(faults.lostResponse['tg.createIssue'] ?? 0, 'lost responses were injected').toBeGreaterThan(0);
      expect(faults.reset['tg.createIssue'] ?? 0, 'resets were injected').toBeGreaterThan(0);
      expect(faults.throttle['tg.createIssue'] ?? 0, '429s were injected').toBeGreaterThan(0);
      expect(
        result.stats.recoveredByLookup,
        'some issues were found by correlation reference',
      ).toBeGreaterThan(0);
      expectExactlyOneIssuePerException(
        desk,
        knownExceptions(desk).map((e) => e.id),
      );
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    });
  }

  it('creates nothing new when run again on the same data folder, even after a restart', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const created = desk.sims.tradingGrid.sim.issues().length;
    await desk.restart();
    const second = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(second.stats.issuesCreated).toBe(0);
    expect(desk.sims.tradingGrid.sim.issues()).toHaveLength(created);
  });

  it('reads only what changed: an idle cycle reads nothing, new activity is read alone', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const feedRequests = () => {
      const r = desk!.sims.xconnector.sim.stats().requests;
      return (r['xc.partnersFeed'] ?? 0) + (r['xc.exceptionsFeed'] ?? 0) + (r['xc.transactionsFeed'] ?? 0);
    };
    const before = feedRequests();
    const idle = await desk.engine.syncNow();
    expect(idle.itemsRead).toBe(0);
    expect(feedRequests() - before, 'one request per xConnector feed').toBe(3);

    const activity = desk.sims.xconnector.sim.generateActivity({ exceptions: 3 });
    expect(activity.exceptions).toHaveLength(3);
    const cycle = await desk.engine.syncNow();
    expect(cycle.itemsRead).toBe(3);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    for (const id of activity.exceptions) expect(issuesByRef(desk.sims).get(`pd:exc:${id}`)).toHaveLength(1);
  });

  it('quarantines malformed exceptions with a readable reason and syncs the rest of the page', async () => {
    desk = await startDesk({ sim: { exceptions: 5 } });
    desk.sims.xconnector.sim.injectRaw('exceptions', { id: 'EX-BROKEN', kind: 'meteor', partnerId: 42 });
    desk.sims.xconnector.sim.injectRaw('exceptions', 'not even an object');
    desk.sims.xconnector.sim.addException();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const malformed = desk.engine.quarantine.open({ reasonKind: 'malformed' });
    expect(malformed).toHaveLength(2);
    expect(malformed.find((m) => m.itemId === 'EX-BROKEN')?.reason).toMatch(/kind|partnerId/);
    expect(desk.sims.tradingGrid.sim.issues()).toHaveLength(knownExceptions(desk).length + 1);
  });
});
