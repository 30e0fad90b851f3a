// The Electron security checklist in the shell's REAL configuration: electron/main.ts runs as it does in
// the app (single instance, sandbox, then startDesktopApp), on a recording stand-in for Electron's API
// (testing/fakeElectron.ts). What it installed is then read back and exercised: the window's options,
// the page it loads, the session's CSP header and permission handlers, the locks on every web contents,
// the IPC handlers and what reaches the page. The decisions themselves have their own tests beside them;
// these prove the app really installs them. A packaged app is simulated, with a hostile dev-server
// setting in the environment that it must ignore (shellDevServer.test.ts covers the development path).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, recorded, resetRecorded } from './testing/fakeElectron.ts';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/contentSecurityPolicy.ts';
import { invokeChannels } from '../../../shared/ipc/contract.ts';
import { DROPPED_FILES_CHANNEL } from '../ipc/internalChannels.ts';
import { mainWindowOptions } from './windowOptions.ts';
import {
  bootShell,
  callFrom,
  headerHook,
  keychain,
  navigationEvent,
  ourWindow,
  quitShell,
  type Shell,
} from './testing/shellHarness.ts';

vi.mock('electron', () => import('./testing/fakeElectron.ts'));
vi.mock('electron-store', () => import('./testing/fakeElectronStore.ts'));
vi.mock('keytar', () => import('./testing/fakeKeytar.ts'));

const APP_PATH = '/opt/partner-desk/resources/app';
const INDEX = join(APP_PATH, 'dist', 'renderer', 'index.html');
const SECRET = `pdsecret-${Math.random().toString(36).slice(2)}-${Date.now()}`;

let userData: string;
let shell: Shell;
const savedEnv = process.env.PD_RENDERER_URL;

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'pd-shell-config-'));
  resetRecorded(userData, APP_PATH);
  app.isPackaged = true;
  // A packaged app never loads a dev server, whatever the environment says.
  process.env.PD_RENDERER_URL = 'http://localhost:5173';
  shell = await bootShell();
});

afterAll(async () => {
  await quitShell();
  if (savedEnv === undefined) delete process.env.PD_RENDERER_URL;
  else process.env.PD_RENDERER_URL = savedEnv;
  rmSync(userData, { recursive: true, force: true });
});

describe('security in the shell as built: the process and the window', () => {
  it('sandboxes every renderer before anything else happens', () => {
    expect(recorded.calls[0]?.what).toBe('app.enableSandbox');
  });

  it('builds its one window from the tested options: isolated, sandboxed, no Node, web security on', () => {
    expect(recorded.windows).toHaveLength(1);
    const options = ourWindow().options;
    expect(options).toEqual(
      mainWindowOptions({
        preloadPath: shell.preloadPath,
        iconPath: expect.any(String) as unknown as string,
        devTools: false,
      }),
    );
    // The checklist's four, whatever windowOptions.ts says (its own test pins every other line).
    const { contextIsolation, sandbox, nodeIntegration, webSecurity } = options.webPreferences as never;
    expect({ contextIsolation, sandbox, nodeIntegration, webSecurity }).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // No partition of its own: the window lives in the default session, where the CSP and the
    // permission refusals are installed.
    expect(options.webPreferences).not.toHaveProperty('partition');
    expect(options.webPreferences).not.toHaveProperty('session');
  });

  it('loads its own built page from disk, ignoring the dev-server setting', () => {
    expect(ourWindow().loaded).toEqual({ file: INDEX });
  });
});

describe('security in the shell as built: the session', () => {
  it('puts the CSP on every response, replacing a server’s own', () => {
    const hook = headerHook();
    for (const responseHeaders of [
      {
        'content-type': ['text/html'],
        'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"],
      },
      { 'content-security-policy-report-only': ['default-src *'] },
      undefined,
    ]) {
      const answer = vi.fn();
      hook({ url: 'http://localhost:5173/', resourceType: 'mainFrame', responseHeaders }, answer);
      const headers = (answer.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> })
        .responseHeaders;
      const csp = Object.entries(headers).filter(([n]) => n.toLowerCase().startsWith('content-security'));
      expect(csp).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
    }
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'hid', 'openExternal'])(
    'refuses the page’s request for "%s", and says no when it checks',
    (permission) => {
      expect(recorded.permissionRequestHandlers).toHaveLength(1);
      expect(recorded.permissionCheckHandlers).toHaveLength(1);
      const callback = vi.fn();
      (recorded.permissionRequestHandlers[0] as (...a: unknown[]) => void)(
        ourWindow().webContents,
        permission,
        callback,
        {},
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        (recorded.permissionCheckHandlers[0] as (...a: unknown[]) => boolean)(
          ourWindow().webContents,
          permission,
          'file://',
          {},
        ),
      ).toBe(false);
    },
  );
});

describe('security in the shell as built: navigation and new windows', () => {
  const ourPage = `${pathToFileURL(INDEX).href}#/cases/exc:E-1`;

  it('lets the page change its own route, and refuses every other destination', () => {
    const contents = ourWindow().webContents;
    expect(navigationEvent(contents, 'will-navigate', ourPage).prevented).toBe(false);
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', 'http://localhost:5173/'])
      expect(navigationEvent(contents, 'will-navigate', url).prevented, url).toBe(true);
    expect(navigationEvent(contents, 'will-redirect', 'https://www.opentext.com/').prevented).toBe(true);
    expect(
      navigationEvent(contents, 'will-frame-navigate', 'https://evil.example.com/', { isMainFrame: false })
        .prevented,
    ).toBe(true);
    expect(navigationEvent(contents, 'will-attach-webview', 'about:blank').prevented).toBe(true);
    expect(recorded.opened).toEqual([]);
  });

  it('opens an allowed link in the system browser instead of the window', () => {
    const before = recorded.opened.length;
    expect(
      navigationEvent(ourWindow().webContents, 'will-navigate', 'https://www.opentext.com/x').prevented,
    ).toBe(true);
    expect(recorded.opened.slice(before)).toEqual(['https://www.opentext.com/x']);
  });

  it('denies every new window, handing only allowed https links to the browser', () => {
    const handler = ourWindow().webContents.windowOpenHandler!;
    const before = recorded.opened.length;
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', 'javascript:alert(1)'])
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://support.opentext.com/kb/1' })).toEqual({ action: 'deny' });
    expect(recorded.opened.slice(before)).toEqual(['https://support.opentext.com/kb/1']);
  });

  it('locks down any web contents created later as well', () => {
    const later = new FakeWebContents();
    for (const l of recorded.appListeners.get('web-contents-created') ?? [])
      (l as (e: unknown, c: FakeWebContents) => void)({}, later);
    expect(later.windowOpenHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(navigationEvent(later, 'will-navigate', 'https://evil.example.com/').prevented).toBe(true);
  });
});

describe('security in the shell as built: IPC', () => {
  it('has a handler for each contract channel and the preload’s drop report, and listens to nothing else', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(
      [...Object.keys(invokeChannels), DROPPED_FILES_CHANNEL].sort(),
    );
    expect(recorded.ipcListeners).toEqual([]);
  });

  it('answers our page, validating the arguments before the engine sees them', async () => {
    const asked = () => recorded.engineMessages.filter((m) => (m as { type: string }).type === 'invoke');
    const before = asked().length;
    expect(await callFrom('ours', 'cases:list', { text: 'ACME' })).toMatchObject({
      ok: true,
      value: { answeredBy: 'engine', channel: 'cases:list' },
    });
    expect(asked().slice(before)).toMatchObject([
      { channel: 'cases:list', args: { text: 'ACME', limit: 100 } },
    ]);
    expect(await callFrom('ours', 'cases:list', { limit: 'all', evil: true })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(asked()).toHaveLength(before + 1);
  });

  it.each(['a subframe', 'another window', 'another page'] as const)(
    'refuses a call from %s before the engine is asked',
    async (from) => {
      const before = recorded.engineMessages.length;
      expect(await callFrom(from, 'sync:now', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(await callFrom(from, DROPPED_FILES_CHANNEL, ['/home/desk/.ssh/id_rsa'])).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(recorded.engineMessages.length).toBe(before);
    },
  );

  it.each(Object.keys(invokeChannels))(
    'checks the sender and the arguments of %s before anything runs',
    async (channel) => {
      const before = recorded.engineMessages.length;
      expect(await callFrom('a subframe', channel, {})).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(await callFrom('ours', channel, { notAnArgument: true })).toMatchObject({
        ok: false,
        error: { kind: 'invalid_request' },
      });
      expect(recorded.engineMessages.length).toBe(before);
    },
  );

  it('opens external links through the allow-list only', async () => {
    const before = recorded.opened.length;
    expect(await callFrom('ours', 'shell:openExternal', { url: 'https://evil.example.com/' })).toMatchObject({
      ok: true,
      value: { ok: false },
    });
    expect(await callFrom('ours', 'shell:openExternal', { url: 'https://www.opentext.com/a' })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(recorded.opened.slice(before)).toEqual(['https://www.opentext.com/a']);
  });
});

describe('security in the shell as built: secrets never reach the page', () => {
  it('stores a credential the page writes in the keychain, and shows the page only that one is stored', async () => {
    expect(
      await callFrom('ours', 'credentials:set', { name: 'tradingGrid.clientSecret', value: SECRET }),
    ).toEqual({ ok: true, value: { ok: true } });
    expect([...keychain.values()]).toContain(SECRET);
    const view = await callFrom('ours', 'settings:get', {});
    expect(view).toMatchObject({
      ok: true,
      value: { credentialsStored: { 'tradingGrid.clientSecret': true } },
    });
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('keeps it out of the settings file, the engine’s start message and everything sent to the page', () => {
    expect(readFileSync(join(userData, 'settings.json'), 'utf8')).not.toContain(SECRET);
    const init = recorded.engineMessages.filter((m) => (m as { type: string }).type === 'init');
    expect(init.length).toBeGreaterThan(0);
    expect(JSON.stringify(init)).not.toContain(SECRET);
    expect(ourWindow().webContents.sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(ourWindow().webContents.sent)).not.toContain(SECRET);
  });
});
