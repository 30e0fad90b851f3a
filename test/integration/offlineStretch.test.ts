// Issue 5, offline: Trading Grid goes down, then xConnector too, for hours of (simulated) time while
// activity keeps arriving and the desk keeps replying; then both come back. Over real HTTP against
// both simulators (every request answered by a dropped connection while down), on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { byPartnerDesk, caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import { steppedClock } from '../fault/steppedClock.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { SYSTEM_BACKOFF } from '../../electron/sync/health.ts';
import { backoffCap, type BackoffPolicy } from '../../electron/http/backoff.ts';
import { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import type { RunningSimulators } from '../../electron/simulators/index.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const HOUR = 3_600_000;
const STRETCH_MS = 3 * HOUR;
const HTTP = { maxRetries: 0, ratePerSecond: 20, burst: 10, backoffBaseMs: 5, backoffMaxMs: 50 };
const OUTBOX = { maxAttempts: 8, retryBaseMs: 1_000, retryMaxMs: 300_000, concurrency: 4 };
/** Trading Grid's own limit: above what the engine is set to send, so any 429 would be a burst. */
const TG_LIMIT = { requestsPerSecond: 25, burst: 12 };
const mapping = CaseSyncSettings.parse({}).statusToPartner;

/**
 * How often a system that keeps failing is tried in `stretchMs`: after the n-th failure in a row it is
 * left alone for at least half the backoff cap (electron/sync/health.ts), so the windows are counted by
 * adding those floors until the stretch is spent.
 */
function probeWindows(stretchMs: number, policy: BackoffPolicy): number {
  let windows = 1;
  for (let spent = 0, failures = 1; spent <= stretchMs; failures++, windows++)
    spent += backoffCap(failures, policy) / 2;
  return windows;
}

/**
 * In one window, at most: one feed read and `concurrency` outbox writes leave before the first failure
 * closes the window, each retried inside the HTTP client up to `maxRetries` times, and for Trading
 * Grid each may first ask for a token.
 */
const perWindow = (system: 'xc' | 'tg') =>
  (1 + OUTBOX.concurrency) * (HTTP.maxRetries + 1) * (system === 'tg' ? 2 : 1);

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const requests = (sims: RunningSimulators) => ({
  xc: total(sims.xconnector.sim.stats().requests),
  tg: total(sims.tradingGrid.sim.stats().requests),
});
const throttled = (sims: RunningSimulators) =>
  Object.values(sims.tradingGrid.sim.stats().responses).reduce(
    (n, byStatus) => n + (byStatus['429'] ?? 0),
    0,
  );
const down = { '*': { resetRate: 1 } };

/** Waits (in real time) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 12_000 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

describe('offline: both systems unreachable for hours, then back', () => {
  it('queues everything, tries each system a bounded number of times, then drains in order per case without a burst', async () => {
    const clock = steppedClock();
    desk = await startDesk({
      clock,
      sim: caseWorld({ standalone: 6, stepsPerCase: 1, commentsPerCase: 0 }),
      settings: {
        outbox: OUTBOX,
        poll: { xconnectorIntervalMs: 15_000, tradingGridIntervalMs: 60_000, pageSize: 100 },
      },
    });
    const { sims } = desk;
    await desk.restart({
      xconnector: { baseUrl: sims.xconnector.url, http: HTTP },
      tradingGrid: {
        baseUrl: sims.tradingGrid.url,
        clientId: sims.credentials.tradingGridClientId,
        http: HTTP,
      },
    });
    expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
    const engine = desk.engine;
    const cases = internalCases(sims);

    // Trading Grid goes down; xConnector's side keeps changing and is read, its writes queue up.
    clock.skip();
    sims.tradingGrid.sim.setFaults(down);
    sims.xconnector.sim.resetStats();
    sims.tradingGrid.sim.resetStats();
    const moved = sims.xconnector.sim.cases.generateActivity({ caseSteps: 12, caseComments: 6 });
    expect(moved.caseSteps.length + moved.caseComments.length).toBeGreaterThan(0);
    const started = clock.now();
    const elapsed = () => clock.now() - started;
    // The engine's own loops run, as in the app; their sleeps jump the clock ahead.
    engine.start();
    const state = (system: string) => engine.health().find((h) => h.system === system)?.state;
    await until(
      () =>
        elapsed() >= 2 * 60_000 && state('trading-grid') === 'unreachable' && state('xconnector') === 'ok',
    );
    const queuedWhileTgDown = engine.outbox.counts().pending;
    expect(queuedWhileTgDown).toBeGreaterThan(0);

    // xConnector goes down too; the desk replies to three cases, three times each.
    sims.xconnector.sim.setFaults(down);
    const replied = cases.slice(0, 3).map((c) => `case:${c.id}`);
    for (let n = 1; n <= 3; n++)
      for (const caseId of replied)
        expect(engine.replyToPartner(caseId, `Offline reply ${n} on ${caseId}`)).toEqual({ ok: true });
    await until(() => elapsed() >= STRETCH_MS);
    await engine.stop();
    const offlineMs = clock.now() - started;
    const attempts = requests(sims);
    const windows = probeWindows(offlineMs, SYSTEM_BACKOFF);
    // Bounded by the backoff policy, not by how often the engine looked (once per step).
    expect(attempts.xc).toBeGreaterThan(0);
    expect(attempts.xc).toBeLessThanOrEqual(windows * perWindow('xc'));
    expect(attempts.tg).toBeLessThanOrEqual(windows * perWindow('tg'));
    // Being unreachable is not an entry's fault: nothing was given up on.
    expect(engine.outbox.counts()).toMatchObject({ dead: 0 });
    const pendingOffline = engine.outbox.counts().pending;
    expect(pendingOffline).toBeGreaterThanOrEqual(queuedWhileTgDown + 9);
    const db = new DatabaseSync(join(desk.dataDir, STORE_FILE), { readOnly: true });
    const maxAttempts = () => (db.prepare(`SELECT MAX(attempts) AS n FROM outbox`).get() as { n: number }).n;
    // Each entry was tried at most once per window of its system.
    const attemptsSeen = maxAttempts();
    expect(attemptsSeen).toBeLessThanOrEqual(windows);

    // Both come back, Trading Grid with a rate limit the engine's own bucket stays under.
    sims.xconnector.sim.setFaults({});
    sims.tradingGrid.sim.setFaults({ '*': TG_LIMIT });
    sims.xconnector.sim.resetStats();
    sims.tradingGrid.sim.resetStats();
    clock.run();
    // They came back a while ago: the next probe of each system is due (at most a backoff cap away).
    clock.advance(SYSTEM_BACKOFF.backoffMaxMs);
    const run = await engine.runUntilIdle({ timeoutMs: 300_000 });
    expect(run.idle).toBe(true);
    expect(engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    expect(throttled(sims)).toBe(0);
    expect(duplicates(sims)).toEqual([]);
    db.close();

    // In order per case: every step as it happened, and the desk's replies as they were written.
    for (const c of internalCases(sims)) {
      const known = c.steps.filter((s) => Object.hasOwn(mapping, s.status));
      const posted = byPartnerDesk(issueOf(sims, c)!.statusUpdates);
      expect(posted.map((u) => u.correlationRef)).toEqual(known.map((s) => `pd:status:${c.id}:${s.id}`));
    }
    for (const [i, caseId] of replied.entries()) {
      const comments = byPartnerDesk(issueOf(sims, cases[i]!)!.comments).filter((x) =>
        x.body.startsWith('Offline reply'),
      );
      expect(comments.map((x) => x.body)).toEqual([1, 2, 3].map((n) => `Offline reply ${n} on ${caseId}`));
    }
  }, 400_000);
});
