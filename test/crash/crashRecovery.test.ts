// Crash test: the engine runs in a child process that is killed with SIGKILL at random moments during
// a sync of thousands of exceptions and failed transactions, then restarted, many times. At the end the
// simulators must hold exactly one issue per exception and one alert per failed transaction.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators } from '../../electron/simulators/index.ts';
import { FAILED_STATUSES } from '../../electron/simulators/worldFactory.ts';
import { TEST_NOW } from '../support/desk.ts';
import { drainSummary, runEngineChild } from './engineProcess.ts';

const KILLS = 30;

describe('crash recovery', () => {
  it(
    `keeps exactly-once effect when the engine is killed ${KILLS} times mid-sync`,
    { timeout: 600_000 },
    async () => {
      const sims = await startSimulators({
        seed: 11,
        partners: 20,
        exceptions: 2000,
        transactions: 2000,
        failedTransactionShare: 0.25,
        now: TEST_NOW,
        honourIdempotencyKeys: false,
        faults: {
          tradingGrid: {
            'tg.createIssue': { lostResponseRate: 0.03, latencyMs: { min: 0, max: 2 } },
            'tg.createAlert': { lostResponseRate: 0.03, latencyMs: { min: 0, max: 2 } },
          },
        },
      });
      const dataDir = mkdtempSync(join(tmpdir(), 'pd-crash-'));
      try {
        let seed = 12345;
        const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const written = () => sims.tradingGrid.sim.issues().length + sims.tradingGrid.sim.alerts().length;
        let killed = 0;
        const progress: number[] = [];
        for (let i = 0; i < KILLS; i++) {
          // Every other run dies on a timer; the rest the moment the n-th new issue or alert lands
          // (the engine has yet to hear the answer), so the runs make progress however slow the machine.
          const landed = written() + 1 + Math.floor(random() * 150);
          const r = await runEngineChild(
            i % 2 === 0
              ? { sims, dataDir, killAfterReadyMs: Math.floor(random() * 700) }
              : { sims, dataDir, killAfterReadyMs: 20_000, killWhen: () => written() >= landed },
          );
          if (r.signal === 'SIGKILL') killed++;
          else if (r.code !== 0) throw new Error(`engine child failed: ${r.err}`);
          progress.push(written());
        }
        const final = await runEngineChild({ sims, dataDir, killAfterReadyMs: null });
        expect(final.code, final.err).toBe(0);
        const summary = drainSummary(final);
        expect(summary.done).toBe(true);

        const issues = sims.tradingGrid.sim.issues();
        const alerts = sims.tradingGrid.sim.alerts();
        const failed = sims.scenario.transactions.filter((t) =>
          (FAILED_STATUSES as readonly string[]).includes(t.status),
        );
        console.log(
          `crash test: ${killed} kills, ${issues.length} issues for ${sims.scenario.exceptions.length} exceptions, ${alerts.length} alerts for ${failed.length} failed transactions, lost responses injected ${JSON.stringify(sims.tradingGrid.sim.stats().faults.lostResponse)}, duplicates ${sims.tradingGrid.sim.duplicates().length}`,
        );
        expect(killed, 'most runs were killed mid-way').toBeGreaterThanOrEqual(KILLS * 0.8);
        expect(progress.at(-1)! > progress[0]!, 'the killed runs made progress').toBe(true);
        expect(sims.tradingGrid.sim.duplicates()).toEqual([]);
        expect(new Set(issues.map((i) => i.correlationRef)).size).toBe(sims.scenario.exceptions.length);
        expect(issues).toHaveLength(sims.scenario.exceptions.length);
        expect(alerts).toHaveLength(failed.length);
        for (const e of sims.scenario.exceptions)
          expect(sims.xconnector.sim.state.exceptions.get(e.id)?.link?.issueId).toBeDefined();
        expect(summary.outbox).toMatchObject({ pending: 0, dead: 0 });
        // Flow 6: each reference record reached Trading Grid's directory, and with exactly one write.
        const directory = sims.tradingGrid.sim.directory;
        expect(directory.size).toBe(sims.xconnector.sim.referenceData.liveRecords().length);
        expect(directory.allWrites().filter(([, writes]) => writes.length !== 1)).toEqual([]);
      } finally {
        await sims.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
