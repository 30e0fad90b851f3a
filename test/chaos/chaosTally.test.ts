// The chaos count itself: a key found twice is a duplicate, a key never found is lost, and the
// expected sets come from the world — so a world nobody synced shows everything lost, and a write
// made twice behind the engine's back shows as a duplicate.
import { afterEach, describe, expect, it } from 'vitest';
import { tally, tallyAll } from './chaosTally.ts';
import { DEFAULT_WORLD, startChaosSimulators } from './chaosWorld.ts';
import { newIssue } from '../../electron/simulators/testSupport.ts';
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import { Rng } from '../../electron/simulators/rng.ts';
import { createDirectoryDrift, tallyDrift } from './chaosDrift.ts';
import { createDetailConflicts, tallyDetailConflicts } from './chaosDetailConflicts.ts';
import { caseRefs } from '../../electron/caseSync/refs.ts';
import { canonicalJson, referenceCorrelationRef } from '../../shared/domain/reference.ts';
import { createHash } from 'node:crypto';

let sims: RunningSimulators | undefined;
afterEach(async () => {
  await sims?.close();
  sims = undefined;
});

describe('chaos count', () => {
  it('counts found, duplicated, lost and unexpected keys', () => {
    expect(tally(['a', 'b', 'c'], ['a', 'a', 'a', 'b', 'x'])).toEqual({
      expected: 3,
      found: 2,
      duplicates: 2,
      lost: 1,
      unexpected: 1,
      examples: ['3× a', 'unexpected x', 'lost c'],
    });
  });

  it('expects work of every kind from the seeded world, and finds none before anything synced', async () => {
    const start = Date.UTC(2026, 2, 2, 9, 0, 0);
    sims = await startChaosSimulators(3, start, () => start, DEFAULT_WORLD);
    const before = tallyAll(sims);
    // Status posts, comments and case documents exist only on cases; escalations on every exception.
    for (const [kind, t] of Object.entries(before)) {
      expect(t.expected, kind).toBeGreaterThan(0);
      expect(t.lost, kind).toBe(t.expected);
      expect(t.duplicates, kind).toBe(0);
    }
    // An exception an internal case joined escalates only as that case's steps allow: not expected.
    const joined = sims.xconnector.sim.cases.all().filter((c) => c.exceptionId !== null).length;
    expect(joined).toBeGreaterThan(0);
    expect(before['escalations']!.expected).toBe((DEFAULT_WORLD.exceptions - joined) * 3);

    // The same issue created twice shows as one found and one duplicate.
    const e = sims.scenario.exceptions[0]!;
    const community = sims.tradingGrid.sim.state.communityFor(
      sims.scenario.partners.find((p) => p.id === e.partnerId)!.partnerCode,
    )!;
    const issue = newIssue(1, { correlationRef: `pd:exc:${e.id}` });
    sims.tradingGrid.sim.state.createIssue(community.id, issue, undefined);
    sims.tradingGrid.sim.state.createIssue(community.id, issue, undefined);
    expect(tallyAll(sims)['issues']).toMatchObject({ found: 1, duplicates: 1 });
  });

  it('counts a drifted directory key lost until it reads as xConnector says again', async () => {
    const start = Date.UTC(2026, 2, 2, 9, 0, 0);
    sims = await startChaosSimulators(3, start, () => start, DEFAULT_WORLD);
    const directory = sims.tradingGrid.sim.directory;
    // The directory as a finished sync leaves it: every live record pushed as xConnector holds it.
    const live = sims.xconnector.sim.referenceData.liveRecords();
    const partnerCode = (id: string) => sims!.scenario.partners.find((p) => p.id === id)!.partnerCode;
    const push = (r: (typeof live)[number]) =>
      directory.put(
        r.kind,
        r.key,
        {
          partnerCode: partnerCode(r.partnerId),
          data: r.data!,
          correlationRef: referenceCorrelationRef(r.kind, r.key),
          contentHash: `sha256:${createHash('sha256').update(canonicalJson(r.data)).digest('hex')}`,
        },
        undefined,
      );
    for (const r of live) push(r);
    expect(tallyDrift(sims)).toMatchObject({ expected: 0, lost: 0 });

    const drift = createDirectoryDrift(new Rng(7));
    for (let i = 0; i < 40 && directory.driftOutstanding().length < 3; i++) drift.next(sims);
    const drifted = tallyDrift(sims);
    expect(drifted.expected).toBeGreaterThanOrEqual(3);
    expect(drifted.lost).toBe(drifted.expected);

    // Repaired as the reconcile would: live records put back, strays deleted.
    const liveKeys = new Set(live.map((r) => `${r.kind}:${r.key}`));
    for (const r of live) push(r);
    for (const r of directory.all())
      if (!liveKeys.has(`${r.kind}:${r.key}`)) directory.remove(r.kind, r.key, undefined);
    expect(tallyDrift(sims)).toMatchObject({ expected: drifted.expected, found: drifted.expected, lost: 0 });
  });

  it("expects both sides of a conflicted case to end with the owner's values", async () => {
    const start = Date.UTC(2026, 2, 2, 9, 0, 0);
    sims = await startChaosSimulators(3, start, () => start, DEFAULT_WORLD);
    const xc = sims.xconnector.sim.cases;
    const tg = sims.tradingGrid.sim;
    // Every standalone case linked to an issue of its own, as flow 7 leaves it.
    for (const c of xc.all().filter((x) => x.exceptionId === null)) {
      const community = tg.state.communityFor(
        sims.scenario.partners.find((p) => p.id === c.partnerId)!.partnerCode,
      )!;
      const issue = tg.state.createIssue(
        community.id,
        newIssue(c.id, { title: c.title, priority: c.priority, correlationRef: caseRefs.caseIssue(c.id) }),
        undefined,
      ).object;
      xc.link(c.id, { system: 'trading-grid', issueId: issue.id, communityId: community.id });
    }
    const conflicts = createDetailConflicts(new Rng(5));
    for (let i = 0; i < 40 && conflicts.edited().size === 0; i++) conflicts.next(sims);
    const [caseId, owner] = [...conflicts.edited()][0]!;
    // Nothing synced yet: the case says what the agent set, the issue still what the partner set.
    expect(tallyDetailConflicts(sims, conflicts)).toMatchObject({ expected: 2, found: 1, lost: 1 });

    tg.issueFeed.editIssue(xc.get(caseId)!.link!.issueId, owner);
    expect(tallyDetailConflicts(sims, conflicts)).toMatchObject({ expected: 2, found: 2, lost: 0 });
  });
});
