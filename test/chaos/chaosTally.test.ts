// The chaos count itself: a key found twice is a duplicate, a key never found is lost, and the
// expected sets come from the world — so a world nobody synced shows everything lost, and a write
// made twice behind the engine's back shows as a duplicate.
import { afterEach, describe, expect, it } from 'vitest';
import { tally, tallyAll } from './chaosTally.ts';
import { DEFAULT_WORLD, startChaosSimulators } from './chaosWorld.ts';
import { newIssue } from '../../electron/simulators/testSupport.ts';
import type { RunningSimulators } from '../../electron/simulators/index.ts';

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
    expect(before['escalations']!.expected).toBe(DEFAULT_WORLD.exceptions * 3);

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
});
