// "Secrets only in the OS keychain": a full run of the desktop app's real pieces, without the Electron
// binary — the settings file, the keychain vault on a real Secret Service, the main process's handlers
// behind the IPC gate, the engine in its own process (the real engine host, killed once mid-sync) on a
// live connection to both simulators — with every flow producing writes. Then every byte that could
// hold a secret is searched for the API key, the client secret (the right one and a wrong one the
// person typed first) and every bearer token the Trading Grid simulator issued: the SQLite files, the
// settings file, everything under the data folder, all log output of both processes, the output of the
// killed engine and of one that failed to start, and every message the window received.
//
// Needs a keychain: run through `node scripts/withKeyring.ts npx vitest run test/security`.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';
import { DEMO_INTERNAL_CASES, DEMO_ISSUE_FEED } from '../../electron/headless/demoCaseSync.ts';
import { openSettingsStore, type SettingsStore } from '../../electron/shell/settings/settingsStore.ts';
import { createKeytarVault } from '../../electron/shell/vault/keytarVault.ts';
import { createMainHandlers } from '../../electron/shell/app/mainHandlers.ts';
import { engineCredentialAccess } from '../../electron/shell/app/engineCredentials.ts';
import { createEngineClient, type EngineClient } from '../../electron/shell/engineHost/engineClient.ts';
import { describeError } from '../../electron/shell/ipc/describeError.ts';
import { createDroppedFileGrants } from '../../electron/shell/ipc/droppedFileGrants.ts';
import {
  createDroppedFilesHandler,
  createInvokeDispatcher,
} from '../../electron/shell/ipc/invokeDispatch.ts';
import { rendererLocation } from '../../electron/shell/window/rendererLocation.ts';
import { parseExternalLinkPolicy } from '../../electron/shell/security/externalLinks.ts';
import type { IpcReply } from '../../electron/shell/ipc/ipcReply.ts';
import { forkEngineHost } from '../../electron/shell/engineHost/testing/forkedEngineHost.ts';
import { createSecretScanner, type Secret } from './secretScan.ts';
import { until } from './until.ts';

const noKeychain =
  process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS
    ? 'no D-Bus session bus, so no Secret Service keychain: run `node scripts/withKeyring.ts npx vitest run test/security`'
    : null;
if (noKeychain && process.env.PD_REQUIRE_KEYCHAIN !== '1')
  console.warn(`[security] skipping the secret scan: ${noKeychain}`);

/** Distinctive values: a find is never a coincidence. */
const distinct = (what: string) => `pdsecret-${what}-${randomBytes(18).toString('base64url')}`;
const API_KEY = distinct('apikey');
const CLIENT_SECRET = distinct('clientsecret');
const WRONG_CLIENT_SECRET = distinct('wrongsecret');
const CLIENT_ID = `partner-desk-scan-${randomBytes(3).toString('hex')}`;

const service = `Partner Desk secret scan ${process.pid}-${randomUUID()}`;
const DAY = 86_400_000;

describe.runIf(noKeychain === null || process.env.PD_REQUIRE_KEYCHAIN === '1')(
  'security: no secret anywhere but the keychain',
  () => {
    const root = mkdtempSync(join(tmpdir(), 'pd-secret-scan-'));
    const userData = join(root, 'userData');
    const output: Buffer[] = []; // everything the engine processes printed
    const mainLog: string[] = []; // everything the main side warned about
    const toRenderer: unknown[] = []; // every reply and event the window received
    let sims: RunningSimulators | undefined;
    let engine: EngineClient | undefined;
    let failing: EngineClient | undefined;
    const children: ReturnType<typeof forkEngineHost>[] = [];
    let lastMissing: string[] = [];

    afterAll(async () => {
      await engine?.stop();
      await failing?.stop();
      await sims?.close();
      for (const { account } of await keytar.findCredentials(service))
        await keytar.deletePassword(service, account);
      rmSync(root, { recursive: true, force: true });
    });

    it('after a live run of every flow with credentials set in the keychain', async () => {
      sims = await startSimulators({
        seed: 5,
        partners: 5,
        exceptions: 16,
        transactions: 40,
        unknownPartnerExceptions: 1,
        // Weeks old, so SLA clocks have run out and flow 8 escalates on the product's default policies.
        now: Math.floor((Date.now() - 21 * DAY) / 60_000) * 60_000,
        credentials: {
          xconnectorApiKey: API_KEY,
          tradingGridClientId: CLIENT_ID,
          tradingGridClientSecret: CLIENT_SECRET,
        },
        // Short-lived tokens: the engine fetches several, and each one is looked for.
        tokenTtlSeconds: 4,
        xconnector: { disputes: 3, internalCases: DEMO_INTERNAL_CASES },
        tradingGrid: { issueFeed: DEMO_ISSUE_FEED },
      });

      // The main process's pieces, as desktopApp.ts puts them together.
      const opened = openSettingsStore({ cwd: userData });
      if (!opened.ok) throw new Error(opened.error.message);
      const settings: SettingsStore = opened.store;
      const vault = createKeytarVault({ service });
      const renderer = rendererLocation({ appPath: join(root, 'app'), isPackaged: true });
      const grants = createDroppedFileGrants();
      const gate = {
        mainWindowId: () => 1,
        renderer,
        droppedFiles: grants,
        onRefused: (reason: string, channel: string) => mainLog.push(`refused ${channel}: ${reason}`),
      };
      engine = createEngineClient({
        spawn: () => {
          const child = forkEngineHost('debug', output);
          children.push(child);
          return child;
        },
        init: () => ({
          dataDir: userData,
          settings: settings.get(),
          appInfo: { version: '0.1.0', mode: settings.get().connections.mode, platform: process.platform },
        }),
        credential: engineCredentialAccess(vault, () => settings.get()),
        onEvent: (channel, payload) => toRenderer.push({ event: channel, payload }),
        onNotify: (request) => toRenderer.push({ notification: request }),
        onState: (state) => toRenderer.push({ event: 'engine:hostState', payload: state }),
        warn: (m) => mainLog.push(m),
        restartDelaysMs: [100],
        requestTimeoutMs: 60_000,
      });
      const running = engine;
      const dispatch = createInvokeDispatcher({
        ...gate,
        local: createMainHandlers({
          settings,
          vault,
          version: '0.1.0',
          platform: process.platform,
          linkPolicy: () => parseExternalLinkPolicy({}),
          openExternal: async () => {},
          credentialsChanged: (system) => running.credentialsChanged(system),
          warn: (m) => mainLog.push(m),
        }),
        forward: (channel, args) => running.invoke(channel, args),
        describeError,
      });
      const dropped = createDroppedFilesHandler(gate);
      const ourPage = {
        sender: { id: 1 },
        senderFrame: { url: renderer.kind === 'file' ? renderer.indexUrl : renderer.url, parent: null },
      };
      /** A call from the window: the reply is what the window receives. */
      const call = async <T = unknown>(channel: string, args: unknown = {}): Promise<T> => {
        const reply: IpcReply = await dispatch(ourPage, channel, args);
        toRenderer.push({ channel, reply });
        if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
        return reply.value as T;
      };

      // The person types the API key and, by mistake, a wrong client secret; then connects live.
      await call('credentials:set', { name: 'xconnector.apiKey', value: API_KEY });
      await call('credentials:set', { name: 'tradingGrid.clientSecret', value: WRONG_CLIENT_SECRET });
      type Editable = Record<string, Record<string, unknown>> & {
        connections: Record<string, Record<string, unknown>>;
      };
      const current = (await call<{ settings: Editable }>('settings:get')).settings;
      await expect(
        call('settings:update', {
          settings: {
            ...current,
            connections: {
              ...current.connections,
              mode: 'live',
              xconnector: { ...current.connections.xconnector, baseUrl: sims.xconnector.url },
              tradingGrid: {
                ...current.connections.tradingGrid,
                baseUrl: sims.tradingGrid.url,
                clientId: CLIENT_ID,
              },
            },
            poll: { ...current.poll, xconnectorIntervalMs: 250, tradingGridIntervalMs: 250 },
          },
        }),
      ).resolves.toEqual({ ok: true });
      running.start();
      await running.whenReady();
      // The refused secret is reported, then the right one is saved and used at once.
      const refused = await call<{ ok: boolean; message?: string }>('connections:test', {
        system: 'trading-grid',
      });
      expect(refused.ok).toBe(false);
      await until(
        'Trading Grid refused the wrong secret',
        () => sims!.tradingGrid.sim.stats().clientAuthFailures > 0,
      );
      await call('credentials:set', { name: 'tradingGrid.clientSecret', value: CLIENT_SECRET });
      await expect(call('connections:test', { system: 'trading-grid' })).resolves.toEqual({ ok: true });
      await expect(call('connections:test', { system: 'xconnector' })).resolves.toEqual({ ok: true });

      // Killed mid-sync, as a crash would: what it printed is scanned too.
      await until('the first issues', () => sims!.tradingGrid.sim.issues().length >= 3);
      children.at(-1)!.kill();
      await until(
        'the engine back after the kill',
        () => children.length === 2 && running.state().state === 'ready',
      );

      await until(
        'every flow wrote to the systems',
        () => {
          const missing = flowsMissing(sims!);
          return missing.length === 0 || ((lastMissing = missing), false);
        },
        150_000,
      ).catch((e: unknown) => {
        throw new Error(`${String(e)}; flows without writes: ${lastMissing.join(', ')}`);
      });
      await until(
        'the outbox drained',
        async () => (await call<{ outbox: { pending: number } }>('health:get')).outbox.pending === 0,
        120_000,
      );

      // The window reads every screen, and does what a person does.
      const list = await call<{ items: { id: string }[] }>('cases:list', { limit: 500 });
      for (const c of list.items.slice(0, 40)) await call('cases:get', { caseId: c.id });
      await call('cases:counts');
      await call('partners:list');
      await call('transactions:failed', { limit: 500 });
      await call('outbox:deadLetters', { limit: 500 });
      await call('app:info');
      await call('settings:get');
      const proof = join(root, 'proof-of-delivery.pdf');
      writeFileSync(proof, `%PDF-1.4\n% signed for at the dock\n${'x'.repeat(2000)}\n%%EOF\n`);
      expect(dropped(ourPage, [proof])).toEqual({ ok: true, value: null });
      const target = list.items[0]!.id;
      await call('documents:upload', { caseId: target, paths: [proof] });
      await call('cases:reply', { caseId: target, text: 'We are looking into it.' }).catch(() => null);
      await call('sync:pause');
      await call('sync:resume');
      await call('sync:now');
      await call('shell:openExternal', { url: 'https://www.opentext.com/support' });
      await until(
        'the last writes delivered',
        async () => (await call<{ outbox: { pending: number } }>('health:get')).outbox.pending === 0,
        60_000,
      );

      // The database files while the engine has them open (the -wal and -shm exist only now), then
      // everything under the data folder once it has stopped.
      const scan = createSecretScanner(secretsToFind(sims));
      const openFiles = scan.scanTree(userData);
      expect(openFiles.some((f) => f.endsWith('partner-desk.sqlite-wal'))).toBe(true);
      await running.stop();
      const files = scan.scanTree(userData);
      expect(files.some((f) => f.endsWith('partner-desk.sqlite'))).toBe(true);
      expect(files).toContain(settings.path);

      // An engine that cannot start (a file where its database folder should be) says why and exits.
      const brokenData = join(root, 'brokenUserData');
      mkdirSync(brokenData);
      writeFileSync(join(brokenData, 'live'), 'not a folder');
      failing = createEngineClient({
        spawn: () => forkEngineHost('debug', output),
        init: () => ({
          dataDir: brokenData,
          settings: settings.get(),
          appInfo: { version: '0.1.0', mode: 'live', platform: process.platform },
        }),
        credential: engineCredentialAccess(vault, () => settings.get()),
        onEvent: (channel, payload) => toRenderer.push({ event: channel, payload }),
        onNotify: (request) => toRenderer.push({ notification: request }),
        onState: (state) => toRenderer.push({ event: 'engine:hostState', payload: state }),
        warn: (m) => mainLog.push(m),
      });
      failing.start();
      await expect(failing.whenReady()).rejects.toThrow(/could not start/);
      scan.scanTree(brokenData);

      const printed = Buffer.concat(output);
      expect(printed.length, 'the engine processes logged at debug level').toBeGreaterThan(1000);
      scan.scanBytes('output of the engine processes (logs, the killed one, the failed one)', printed);
      scan.scanText('warnings of the main process', mainLog.join('\n'));
      scan.scanText('messages to the window', JSON.stringify(toRenderer));
      expect(toRenderer.length).toBeGreaterThan(100);
      expect(sims.tradingGrid.sim.tokens.issuedTokens().length, 'tokens to look for').toBeGreaterThan(1);
      expect(scan.findings()).toEqual([]);
      // …while the keychain holds them: the one place they belong.
      expect(await keytar.getPassword(service, 'xconnector.apiKey')).toBe(API_KEY);
      expect(await keytar.getPassword(service, 'tradingGrid.clientSecret')).toBe(CLIENT_SECRET);
    }, 300_000);
  },
);

/** The three secrets and every token Trading Grid handed out, as they must never be found. */
function secretsToFind(sims: RunningSimulators): Secret[] {
  return [
    { label: 'xConnector API key', value: API_KEY },
    { label: 'Trading Grid client secret', value: CLIENT_SECRET },
    { label: 'the wrong client secret typed first', value: WRONG_CLIENT_SECRET },
    // HTTP Basic client authentication would carry id:secret in base64.
    { label: 'client id:secret', value: `${CLIENT_ID}:${CLIENT_SECRET}` },
    ...sims.tradingGrid.sim.tokens
      .issuedTokens()
      .map((value, i) => ({ label: `bearer token #${i + 1} issued by Trading Grid`, value })),
  ];
}

/** Successful remote writes per endpoint, counted on the simulators' routers. */
function written(
  sim: { router: { stats(): { responses: Record<string, Record<string, number>> } } },
  id: string,
) {
  const byStatus = sim.router.stats().responses[id] ?? {};
  return Object.entries(byStatus).reduce((n, [status, count]) => (status.startsWith('2') ? n + count : n), 0);
}

/** The flows that have not yet written to the systems. */
function flowsMissing(sims: RunningSimulators): string[] {
  const tg = sims.tradingGrid.sim;
  const xc = sims.xconnector.sim;
  const flows: [string, boolean][] = [
    ['1 exception → issue', tg.issues().some((i) => i.correlationRef.startsWith('pd:exc:'))],
    ['2 dispute documents', tg.attachments.attachments.size > 0],
    ['3 failed transaction → alert', tg.alerts().length > 0],
    ['4 status to partners', STATUS_POSTS.some((id) => written(tg, id) > 0)],
    ['5 partner input routed', xc.cases.counts().routed > 0],
    ['6 reference data', tg.directory.size > 0],
    ['7 case sync comments', COMMENT_WRITES.some((id) => written(tg, id) > 0 || written(xc, id) > 0)],
    ['8 SLA escalation', xc.workflows.all().length > 0],
  ];
  return flows.filter(([, done]) => !done).map(([name]) => name);
}

const STATUS_POSTS = ['tg.postStatusUpdate'];
const COMMENT_WRITES = ['tg.createComment', 'xc.createCaseComment'];
