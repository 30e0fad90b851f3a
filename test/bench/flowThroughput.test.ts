// The throughput harness measures what it says: the engine's own calls for a flow, replayed exactly
// (same answers, ids carried over) by a bare client against fresh simulators. Speed is not asserted
// here; `npm run bench` prints it.
import { describe, expect, it } from 'vitest';
import { flowThroughput } from './flowThroughput.ts';
import { flowWorkloads, withRoundTrip } from './flowWorkloads.ts';

const workload = (flow: number) => flowWorkloads(12).find((f) => f.flow === flow)!.workload;

describe('flow throughput harness', () => {
  it(
    'replays flow 1 calls with every answer as recorded and nothing duplicated',
    { timeout: 120_000 },
    async () => {
      const r = await flowThroughput(workload(1), 4);
      expect(r.items).toBe(12);
      expect(r.calls).toBeGreaterThanOrEqual(24); // an issue and a link per exception, and the polls
      expect(r.replayMismatches).toBe(0);
      expect(r.duplicates).toBe(0);
      expect(r.rate).toBeGreaterThan(0);
      expect(r.rawRate).toBeGreaterThan(0);
    },
  );

  it(
    'replays flow 2 uploads (sessions, streamed bytes) against the sessions the replay opened',
    { timeout: 120_000 },
    async () => {
      const r = await flowThroughput(workload(2), 4);
      expect(r.items).toBeGreaterThan(0);
      expect(r.replayMismatches).toBe(0);
      expect(r.duplicates).toBe(0);
    },
  );

  it(
    'replays flow 6 with every answer held back a round trip, answers unchanged',
    { timeout: 120_000 },
    async () => {
      const [bench] = withRoundTrip(
        flowWorkloads(8).filter((f) => f.flow === 6),
        5,
      );
      const r = await flowThroughput(bench!.workload, 4);
      expect(r.items).toBe(8);
      expect(r.replayMismatches).toBe(0);
      expect(r.duplicates).toBe(0);
    },
  );
});
