// The calls the main process answers itself, against a real settings file in a temp folder and an
// in-memory vault (the keychain vault has its own tests against a real keychain).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainHandlers, type MainHandlersDeps } from './mainHandlers.ts';
import { openSettingsStore, type SettingsStore } from '../settings/settingsStore.ts';
import { createMemoryVault } from '../vault/memoryVault.ts';
import { parseExternalLinkPolicy } from '../security/externalLinks.ts';
import type { Vault } from '../vault/vault.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pd-main-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(): SettingsStore {
  const r = openSettingsStore({ cwd: dir });
  if (!r.ok) throw new Error(r.error.message);
  return r.store;
}

function setup(over: Partial<MainHandlersDeps> = {}) {
  const settings = over.settings ?? open();
  const vault: Vault = over.vault ?? createMemoryVault();
  const opened: string[] = [];
  const changed: string[] = [];
  const handlers = createMainHandlers({
    settings,
    vault,
    version: '1.2.3',
    platform: 'win32',
    linkPolicy: () => parseExternalLinkPolicy({ allowedOrigins: ['https://*.opentext.com'] }),
    openExternal: async (url) => void opened.push(url),
    credentialsChanged: (s) => changed.push(s),
    warn: () => {},
    ...over,
  });
  return { handlers, settings, vault, opened, changed };
}

describe('main process calls: app info', () => {
  it('reports the version, the platform and the mode of the settings', async () => {
    const t = setup();
    expect(await t.handlers['app:info']({})).toEqual({ version: '1.2.3', mode: 'demo', platform: 'win32' });
  });
});

describe('main process calls: credentials never reach the window', () => {
  it('stores a secret under the entry the settings name and tells the engine', async () => {
    const t = setup();
    t.settings.update((s) => ({
      ...s,
      connections: {
        ...s.connections,
        tradingGrid: { ...s.connections.tradingGrid, clientSecretName: 'tg.prod' },
      },
    }));
    expect(
      await t.handlers['credentials:set']({ name: 'tradingGrid.clientSecret', value: 'hunter2-secret' }),
    ).toEqual({ ok: true });
    expect(await t.vault.get('tg.prod')).toBe('hunter2-secret');
    expect(t.changed).toEqual(['trading-grid']);
  });

  it('shows only whether each secret is stored, never its value', async () => {
    const t = setup({ vault: createMemoryVault({ 'xconnector.apiKey': 'xc-very-secret-key' }) });
    const view = await t.handlers['settings:get']({});
    expect(view.credentialsStored).toEqual({ 'xconnector.apiKey': true, 'tradingGrid.clientSecret': false });
    expect(JSON.stringify(view)).not.toContain('xc-very-secret-key');
    expect(readFileSync(t.settings.path, 'utf8')).not.toContain('xc-very-secret-key');
  });

  it('reports a keychain failure in words, without the value', async () => {
    const failing: Vault = {
      get: async () => null,
      has: async () => {
        throw new Error('keychain locked');
      },
      delete: async () => false,
      set: async () => {
        throw Object.assign(new Error('The system keychain is locked: unlock your keychain and try again'), {
          name: 'VaultError',
        });
      },
    };
    const t = setup({ vault: failing });
    expect(
      await t.handlers['credentials:set']({ name: 'xconnector.apiKey', value: 'the-value-123' }),
    ).toEqual({
      ok: false,
      message: 'The system keychain is locked: unlock your keychain and try again',
    });
    expect(t.changed).toEqual([]);
    expect((await t.handlers['settings:get']({})).credentialsStored['xconnector.apiKey']).toBe(false);
  });

  it('does not echo an unexpected error, which might carry the value', async () => {
    const vault: Vault = {
      ...createMemoryVault(),
      set: async (_n, v) => Promise.reject(new Error(`bad ${v}`)),
    };
    const t = setup({ vault });
    const r = await t.handlers['credentials:set']({ name: 'xconnector.apiKey', value: 'leaky-value' });
    expect(r).toEqual({ ok: false, message: 'The secret could not be stored in the system keychain.' });
  });
});

describe('main process calls: settings', () => {
  it('saves valid settings', async () => {
    const t = setup();
    const next = { ...t.settings.get(), startAtLogin: true };
    expect(await t.handlers['settings:update']({ settings: next })).toEqual({ ok: true });
    expect(t.settings.get().startAtLogin).toBe(true);
  });

  it('refuses invalid settings with field-level reasons and changes nothing', async () => {
    const t = setup();
    const before = readFileSync(t.settings.path, 'utf8');
    const r = await t.handlers['settings:update']({
      settings: { ...t.settings.get(), poll: { xconnectorIntervalMs: 10, tradingGridIntervalMs: 60_000 } },
    });
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^poll\.xconnectorIntervalMs: /)] });
    expect(readFileSync(t.settings.path, 'utf8')).toBe(before);
  });

  it('tells the window when a corrupt settings file was set aside', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ broken');
    const t = setup({ settings: open() });
    const view = await t.handlers['settings:get']({});
    expect(view.recovered).toEqual({
      backupPath: expect.stringContaining('settings.corrupt-'),
      reason: expect.stringMatching(/JSON/),
    });
  });
});

describe('main process calls: external links', () => {
  it('opens an allowed link in the system browser', async () => {
    const t = setup();
    expect(await t.handlers['shell:openExternal']({ url: 'https://support.opentext.com/kb/1' })).toEqual({
      ok: true,
    });
    expect(t.opened).toEqual(['https://support.opentext.com/kb/1']);
  });

  it('refuses any other link, saying why, and opens nothing', async () => {
    const t = setup();
    expect(await t.handlers['shell:openExternal']({ url: 'https://evil.example.com/' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/evil.example.com is not on the list/),
    });
    expect(
      await t.handlers['shell:openExternal']({ url: 'file:///C:/Windows/System32/calc.exe' }),
    ).toMatchObject({ ok: false });
    expect(t.opened).toEqual([]);
  });
});
