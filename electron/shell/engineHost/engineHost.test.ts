// The real engine host in its own process (a forked Node standing in for Electron's utility process),
// driven by the real engine client: the demo world, a live connection whose secrets come from main's
// vault, kills mid-sync, and an engine that cannot start.
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient } from './engineClient.ts';
import { forkEngineHost } from './testing/forkedEngineHost.ts';
import { AppSettings, defaultAppSettings } from '../../../shared/config/appSettings.ts';
import { startSimulators, type RunningSimulators } from '../../simulators/index.ts';
import { createMemoryVault } from '../vault/memoryVault.ts';
import { engineCredentialAccess } from '../app/engineCredentials.ts';
import { alertsByRef, issuesByRef, TEST_NOW } from '../../../test/support/desk.ts';
import type { InitMessageInput } from './protocol.ts';
import type { NotificationRequest } from '../../engine/notifier.ts';

const dirs: string[] = [];
const clients: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const appInfo = { version: '0.1.0', mode: 'demo' as const, platform: process.platform };

async function until<T>(
  what: string,
  probe: () => Promise<T | null | false> | T | null | false,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== null && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function hostClient(init: () => InitMessageInput, credential: (name: string) => Promise<string | null>) {
  const events: { channel: string; payload: unknown }[] = [];
  const notifications: NotificationRequest[] = [];
  const children: ReturnType<typeof forkEngineHost>[] = [];
  const client = createEngineClient({
    spawn: () => {
      const c = forkEngineHost();
      children.push(c);
      return c;
    },
    init,
    credential,
    onEvent: (channel, payload) => events.push({ channel, payload }),
    onNotify: (r) => notifications.push(r),
    warn: () => {},
    restartDelaysMs: [100],
    requestTimeoutMs: 30_000,
  });
  clients.push(client);
  return { client, events, notifications, children };
}

const total = async (client: EngineClient) =>
  ((await client.invoke('cases:list', { limit: 1 })) as { total: number }).total;

describe('engine host: the built-in demo', () => {
  it('starts both simulators and shows a living desk: cases, events and notification requests', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-host-demo-'));
    dirs.push(dataDir);
    const asked: string[] = [];
    const t = hostClient(
      () => ({
        dataDir,
        settings: defaultAppSettings(),
        appInfo,
        demo: {
          partners: 4,
          exceptions: 8,
          transactions: 30,
          unknownPartnerExceptions: 0,
          activityIntervalMs: 0,
        },
      }),
      async (name) => {
        asked.push(name);
        return null;
      },
    );
    t.client.start();
    await t.client.whenReady();
    await until('cases synced from the demo world', async () => (await total(t.client)) >= 8);
    await until('a notification request', () => t.notifications.length > 0);
    expect(t.events.some((e) => e.channel === 'engine:caseChanged')).toBe(true);
    expect(t.notifications[0]).toMatchObject({
      kind: 'transaction_failed',
      target: expect.stringMatching(/^transaction:/),
    });
    // The demo's made-up credentials stay in the engine's process: the keychain is never asked.
    expect(asked).toEqual([]);
    expect(readdirSync(dataDir)).toEqual(['demo']);

    // Killed outright, the process comes back and serves again (the demo world is rebuilt with it).
    t.children[0]!.kill();
    await until('the restarted engine', () => t.client.state().state === 'restarting');
    await t.client.whenReady().catch(() => until('ready again', () => t.client.state().state === 'ready'));
    await until('cases again after the restart', async () => (await total(t.client)) >= 8);
    expect(t.children).toHaveLength(2);
  }, 90_000);
});

describe('engine host: a live connection', () => {
  let sims: RunningSimulators;
  afterEach(async () => {
    // The engine stops before the systems it talks to go away.
    await Promise.all(clients.splice(0).map((c) => c.stop()));
    await sims?.close();
  });

  it('reads its secrets from main’s vault and creates each issue and alert once across kills mid-sync', async () => {
    sims = await startSimulators({ seed: 11, partners: 5, exceptions: 30, transactions: 80, now: TEST_NOW });
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-host-live-'));
    dirs.push(dataDir);
    const settings = AppSettings.parse({
      connections: {
        mode: 'live',
        xconnector: { baseUrl: sims.xconnector.url },
        tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId },
      },
      poll: { xconnectorIntervalMs: 250, tradingGridIntervalMs: 250 },
    });
    const vault = createMemoryVault({
      'xconnector.apiKey': sims.credentials.xconnectorApiKey,
      'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
    });
    const asked = new Set<string>();
    const access = engineCredentialAccess(vault, () => settings);
    const t = hostClient(
      () => ({ dataDir, settings, appInfo: { ...appInfo, mode: 'live' } }),
      (name) => {
        asked.add(name);
        return access(name);
      },
    );
    t.client.start();
    await t.client.whenReady();

    // Two kills while the engine is creating issues and alerts.
    for (let kill = 0; kill < 2; kill++) {
      await until('some writes delivered', () => sims.tradingGrid.sim.issues().length > kill * 5);
      t.children.at(-1)!.kill();
      await until('ready after the kill', () => t.client.state().state === 'ready');
    }
    await until(
      'the backlog synced',
      async () => {
        const h = (await t.client.invoke('health:get', {})) as { outbox: { pending: number } };
        const issues = sims.tradingGrid.sim.issues().length;
        return h.outbox.pending === 0 && issues > 0 && (await total(t.client)) === issues;
      },
      60_000,
    );
    expect([...asked].sort()).toEqual(['tradingGrid.clientSecret', 'xconnector.apiKey']);
    for (const [ref, ids] of issuesByRef(sims)) expect(ids, `issue ${ref}`).toHaveLength(1);
    for (const [ref, ids] of alertsByRef(sims)) expect(ids, `alert ${ref}`).toHaveLength(1);
    expect(existsSync(join(dataDir, 'live', 'partner-desk.sqlite'))).toBe(true);
  }, 120_000);
});

describe('engine host: an engine that cannot start', () => {
  it('reports why and is not restarted in a loop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-host-bad-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, 'live'), 'a file where the database folder should be');
    const settings = AppSettings.parse({
      connections: {
        mode: 'live',
        xconnector: { baseUrl: 'http://127.0.0.1:9' },
        tradingGrid: { baseUrl: 'http://127.0.0.1:9', clientId: 'desk' },
      },
    });
    const t = hostClient(
      () => ({ dataDir, settings, appInfo }),
      async () => null,
    );
    t.client.start();
    await expect(t.client.whenReady()).rejects.toThrow(
      /The sync engine could not start: .*Check Settings → Connections\./,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(t.children).toHaveLength(1);
    expect(t.client.state().state).toBe('failed');
  }, 30_000);
});
