// The development path of the real shell (electron/main.ts on the recording fake of Electron): an
// unpackaged app with PD_RENDERER_URL loads the page from the local Vite server. The server sends its
// own headers, so here the session's CSP header is the policy that counts, and "our page" is that
// server's origin and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, recorded, resetRecorded } from './testing/fakeElectron.ts';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/contentSecurityPolicy.ts';
import {
  bootShell,
  callFrom,
  headerHook,
  navigationEvent,
  ourWindow,
  quitShell,
} from './testing/shellHarness.ts';

vi.mock('electron', () => import('./testing/fakeElectron.ts'));
vi.mock('electron-store', () => import('./testing/fakeElectronStore.ts'));
vi.mock('keytar', () => import('./testing/fakeKeytar.ts'));

const DEV = 'http://localhost:5173/';
let userData: string;
const savedEnv = process.env.PD_RENDERER_URL;

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'pd-shell-dev-'));
  resetRecorded(userData);
  app.isPackaged = false;
  process.env.PD_RENDERER_URL = DEV;
  await bootShell();
});

afterAll(async () => {
  await quitShell();
  if (savedEnv === undefined) delete process.env.PD_RENDERER_URL;
  else process.env.PD_RENDERER_URL = savedEnv;
  rmSync(userData, { recursive: true, force: true });
});

describe('security in the shell as built: the development server path', () => {
  it('loads the page from the local dev server, still sandboxed and isolated, with DevTools', () => {
    expect(ourWindow().loaded).toEqual({ url: DEV });
    expect(ourWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
  });

  it.each([
    ['the page', `${DEV}`, { 'Content-Type': ['text/html'] }],
    ['a script', `${DEV}src/main.tsx`, { 'content-type': 'text/javascript' }],
    [
      'Vite’s client with its own lax policy',
      `${DEV}@vite/client`,
      {
        'Content-Security-Policy': ["script-src 'self' 'unsafe-eval' 'unsafe-inline'"],
      },
    ],
  ])('sends the strict CSP with %s', (_what, url, responseHeaders) => {
    const answer = vi.fn();
    headerHook()({ url, resourceType: 'mainFrame', responseHeaders }, answer);
    const headers = (answer.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders;
    expect(
      Object.entries(headers).filter(([name]) => name.toLowerCase().startsWith('content-security-policy')),
    ).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
  });

  it('answers calls from the dev server’s page only', async () => {
    expect(await callFrom('ours', 'app:info', {})).toMatchObject({ ok: true });
    expect(await callFrom('another page', 'app:info', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const handler = recorded.ipcHandlers.get('app:info') as (e: unknown, a: unknown) => Promise<unknown>;
    const otherPort = {
      sender: { id: ourWindow().webContents.id },
      senderFrame: { url: 'http://localhost:5174/', parent: null },
    };
    expect(await handler(otherPort, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('lets the page move within the dev server, and nowhere else', () => {
    const contents = ourWindow().webContents;
    expect(navigationEvent(contents, 'will-navigate', `${DEV}#/settings`).prevented).toBe(false);
    for (const url of ['http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://evil.example.com/'])
      expect(navigationEvent(contents, 'will-navigate', url).prevented, url).toBe(true);
  });
});
