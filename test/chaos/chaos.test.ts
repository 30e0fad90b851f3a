// A short chaos run inside the unit suite: a smaller world, five SIGKILLs under random faults, all
// eight flows. The full run (50 kills, a larger world, the figures printed) is `npm run test:chaos`.
import { describe, expect, it } from 'vitest';
import { runChaos } from './chaosRun.ts';

describe('chaos: all eight flows under random faults with the engine killed mid-sync', () => {
  it(
    'holds every expected write exactly once on the simulators after five kills',
    { timeout: 300_000 },
    async () => {
      const report = await runChaos({
        kills: 5,
        seed: 5,
        world: {
          partners: 6,
          exceptions: 40,
          transactions: 80,
          disputes: 4,
          internalCases: 10,
          partnerIssues: 3,
        },
      });
      const problems = Object.entries(report.perKind).filter(([, t]) => t.duplicates > 0 || t.lost > 0);
      expect(problems).toEqual([]);
      expect(report.kills).toBe(5);
      expect(report.faultsInjected).toBeGreaterThan(0);
      // Partner files and desk replies appear only when someone happens to act in these few rounds.
      const occasional = ['partnerFiles', 'deskReplies'];
      for (const [kind, t] of Object.entries(report.perKind))
        if (!occasional.includes(kind)) expect(t.expected, kind).toBeGreaterThan(0);
      expect(report.outbox).toEqual({ pending: 0, dead: 0, deadWithoutReason: 0 });
      expect(report.drained).toBe(true);
      expect(report.idleDrainWrites).toBe(0);
    },
  );
});
