// Credentials against the real simulators: tokens that expire are refreshed without losing a write;
// a refused credential is reported once, as a health state that says what to do, and the system that
// refused it is left alone until the wait is over or the credentials change.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import type { SystemHealth } from '../../electron/sync/health.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const waitFor = async (what: string, check: () => boolean, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('credentials and health', () => {
  it('refreshes an expired Trading Grid token and goes on creating issues', async () => {
    desk = await startDesk({ sim: { tokenTtlSeconds: 1 } });
    const changes: SystemHealth[] = [];
    desk.engine.on('healthChanged', (h) => changes.push(h));
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 1_300));
    const added = desk.sims.xconnector.sim.generateActivity({ exceptions: 2 });
    const result = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(result.idle).toBe(true);
    for (const id of added.exceptions)
      expect(
        desk.sims.tradingGrid.sim.issues().filter((i) => i.correlationRef === `pd:exc:${id}`),
      ).toHaveLength(1);
    expect(desk.sims.tradingGrid.sim.stats().tokensIssued).toBeGreaterThanOrEqual(2);
    expect(changes.filter((h) => h.state === 'unauthorized')).toEqual([]);
  });

  it('reports a refused Trading Grid secret once, does not hammer, and recovers when it is fixed', async () => {
    desk = await startDesk({ settings: { authRetryMs: 1_000 } });
    const good = desk.sims.credentials.tradingGridClientSecret;
    desk.credentials.set('tradingGrid.clientSecret', 'not-the-right-secret');
    const changes: SystemHealth[] = [];
    desk.engine.on('healthChanged', (h) => changes.push(h));
    desk.engine.start();
    await new Promise((r) => setTimeout(r, 3_000));

    const refusals = changes.filter((h) => h.system === 'trading-grid' && h.state === 'unauthorized');
    expect(refusals, 'reported once').toHaveLength(1);
    expect(refusals[0]?.lastError).toMatch(/Trading Grid.*(client|credential|secret).*Settings/i);
    // Three seconds with a one-second wait after each refusal: a handful of token requests, not hundreds.
    expect(desk.sims.tradingGrid.sim.stats().clientAuthFailures).toBeLessThanOrEqual(5);
    expect(desk.sims.tradingGrid.sim.issues()).toHaveLength(0);

    desk.credentials.set('tradingGrid.clientSecret', good);
    desk.engine.credentialsChanged('trading-grid');
    const expected = desk.sims.scenario.exceptions.length;
    await waitFor(
      'issues after the secret was fixed',
      () => desk!.sims.tradingGrid.sim.issues().length === expected,
    );
    expect(desk.engine.health().find((h) => h.system === 'trading-grid')?.state).toBe('ok');
    expect(desk.sims.tradingGrid.sim.duplicates()).toEqual([]);
  });

  it('uses a newly saved secret at once: cached tokens and keys are dropped', async () => {
    desk = await startDesk();
    expect(await desk.engine.testConnection('trading-grid')).toEqual({ ok: true });
    expect(await desk.engine.testConnection('xconnector')).toEqual({ ok: true });
    desk.credentials.set('tradingGrid.clientSecret', 'a-secret-that-is-wrong');
    desk.credentials.set('xconnector.apiKey', 'a-key-that-is-wrong');
    desk.engine.credentialsChanged('trading-grid');
    desk.engine.credentialsChanged('xconnector');
    const tg = await desk.engine.testConnection('trading-grid');
    const xc = await desk.engine.testConnection('xconnector');
    expect(tg.ok).toBe(false);
    expect(xc.ok).toBe(false);
  });

  it('says plainly when no xConnector API key is stored', async () => {
    desk = await startDesk();
    desk.credentials.set('xconnector.apiKey', null);
    await desk.engine.syncNow();
    const xc = desk.engine.health().find((h) => h.system === 'xconnector');
    expect(xc?.state).toBe('unauthorized');
    expect(xc?.lastError).toMatch(/No xConnector API key is stored/);
    expect(desk.sims.xconnector.sim.stats().authFailures).toBe(0);
  });
});
