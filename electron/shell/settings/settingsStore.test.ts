// The settings store with real files in a temp folder, through conf (the engine of electron-store).
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from './settingsStore.ts';
import type { SettingsStore, SettingsStoreOptions } from './settingsStore.ts';
import { defaultAppSettings, SETTINGS_SCHEMA_VERSION } from '../../../shared/config/appSettings.ts';

let dir: string;
let file: string;
const NOW = Date.UTC(2025, 2, 14, 9, 26, 53, 589);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(extra: Partial<SettingsStoreOptions> = {}): SettingsStore {
  const result = openSettingsStore({ cwd: dir, now: () => NOW, ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.store;
}

const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const backups = () => readdirSync(dir).filter((f) => f.includes('.corrupt-'));

describe('settings store: loading', () => {
  it('starts a first run from the defaults and writes them', () => {
    const store = open();
    expect(store.loaded).toEqual({ recovered: false, created: true, migratedFrom: null });
    expect(store.get()).toEqual(defaultAppSettings());
    expect(store.get().connections.mode).toBe('demo');
    expect(store.path).toBe(file);
    expect(onDisk()).toEqual(defaultAppSettings());
  });

  it('reads back what was saved, across a restart', () => {
    const first = open();
    const saved = first.update((s) => {
      s.connections.mode = 'live';
      s.connections.xconnector.baseUrl = 'https://xc.example.com/api';
      s.connections.tradingGrid.baseUrl = 'https://tg.example.com';
      s.connections.tradingGrid.clientId = 'desk-client';
      s.notifications.quietHours = { enabled: true, start: '21:30', end: '06:45', timeZone: 'Europe/Berlin' };
      s.poll.xconnectorIntervalMs = 5000;
      return s;
    });
    expect(saved.ok).toBe(true);

    const second = open();
    expect(second.loaded).toEqual({ recovered: false, created: false, migratedFrom: null });
    expect(second.get()).toEqual(first.get());
    expect(second.get().notifications.quietHours.timeZone).toBe('Europe/Berlin');
  });

  it('fills in defaults for settings a partial (hand-written) file leaves out, without calling it corrupt', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, startAtLogin: true }));
    const store = open();
    expect(store.loaded.recovered).toBe(false);
    expect(store.get().startAtLogin).toBe(true);
    expect(store.get().poll.xconnectorIntervalMs).toBe(15_000);
    expect(onDisk()).toEqual(store.get());
  });

  it('accepts a file saved with a byte-order mark by a Windows editor', () => {
    writeFileSync(file, '\uFEFF' + JSON.stringify({ schemaVersion: 2, startAtLogin: true }));
    expect(open().get().startAtLogin).toBe(true);
  });

  it('migrates a version 1 file on load and rewrites it as the current version', () => {
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        connections: {
          useDemo: false,
          xconnector: { baseUrl: 'https://xc.example.com' },
          tradingGrid: { baseUrl: 'https://tg.example.com', clientId: 'desk' },
        },
        notifications: { doNotDisturb: { enabled: true, start: '22:00', end: '06:00', timeZone: 'UTC' } },
      }),
    );
    const store = open();
    expect(store.loaded).toEqual({ recovered: false, created: false, migratedFrom: 1 });
    expect(store.get().connections.mode).toBe('live');
    expect(store.get().notifications.quietHours).toEqual({
      enabled: true,
      start: '22:00',
      end: '06:00',
      timeZone: 'UTC',
    });
    expect(onDisk()).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION, connections: { mode: 'live' } });
    expect(backups()).toEqual([]);
  });
});

describe('settings store: an unusable file is kept and reported, never silently reset', () => {
  it('moves invalid JSON aside byte for byte, starts from defaults and says where the old file is', () => {
    const broken = '{ "connections": { "mode": "live", ';
    writeFileSync(file, broken);
    const store = open();

    expect(store.loaded.recovered).toBe(true);
    if (!store.loaded.recovered) return;
    expect(store.loaded.backupPath).toBe(join(dir, 'settings.corrupt-2025-03-14T09-26-53-589Z.json'));
    expect(store.loaded.reason).toMatch(/not valid JSON/);
    expect(readFileSync(store.loaded.backupPath, 'utf8')).toBe(broken);
    expect(store.get()).toEqual(defaultAppSettings());
    expect(onDisk()).toEqual(defaultAppSettings());
  });

  it('handles the file a bare conf would refuse to open (it throws on invalid JSON)', () => {
    writeFileSync(file, 'not json at all');
    expect(() => new Conf({ cwd: dir, configName: 'settings' })).toThrow();
    expect(open().loaded.recovered).toBe(true);
  });

  it('moves aside a file that is JSON but fails validation, naming the fields at fault', () => {
    const invalid = JSON.stringify({
      schemaVersion: 2,
      poll: { xconnectorIntervalMs: 'often' },
      notifications: { quietHours: { start: '9pm' } },
    });
    writeFileSync(file, invalid);
    const store = open();
    expect(store.loaded).toMatchObject({ recovered: true });
    if (!store.loaded.recovered) return;
    expect(store.loaded.reason).toContain('poll.xconnectorIntervalMs');
    expect(store.loaded.reason).toContain('notifications.quietHours.start');
    expect(readFileSync(store.loaded.backupPath, 'utf8')).toBe(invalid);
  });

  it('moves aside a file holding a secret, saying secrets belong in the keychain', () => {
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 2, connections: { tradingGrid: { clientSecret: 'oops' } } }),
    );
    const store = open();
    expect(store.loaded).toMatchObject({ recovered: true });
    if (store.loaded.recovered)
      expect(store.loaded.reason).toMatch(/clientSecret: settings never hold secrets/);
    expect(readFileSync(file, 'utf8')).not.toContain('oops');
  });

  it('does not overwrite a file written by a newer version: it is kept and reported', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 99, somethingNew: true }));
    const store = open();
    expect(store.loaded).toMatchObject({ recovered: true });
    if (store.loaded.recovered)
      expect(store.loaded.reason).toMatch(/newer Partner Desk \(settings version 99/);
  });

  it('treats an empty file (a crash mid-write by another tool) as unusable, not as defaults', () => {
    writeFileSync(file, '');
    const store = open();
    expect(store.loaded).toMatchObject({ recovered: true, reason: 'the settings file is empty' });
  });

  it('keeps every backup when the file is found corrupt twice in the same millisecond', () => {
    writeFileSync(file, 'first broken');
    open();
    writeFileSync(file, 'second broken');
    open();
    expect(backups().sort()).toEqual([
      'settings.corrupt-2025-03-14T09-26-53-589Z-2.json',
      'settings.corrupt-2025-03-14T09-26-53-589Z.json',
    ]);
    const contents = backups().map((b) => readFileSync(join(dir, b), 'utf8'));
    expect(contents.sort()).toEqual(['first broken', 'second broken']);
  });
});

describe('settings store: writing', () => {
  it('refuses an invalid write with field-level reasons and leaves the file and the settings unchanged', () => {
    const store = open();
    const before = readFileSync(file, 'utf8');
    const result = store.update((s) => ({
      ...s,
      poll: { ...s.poll, tradingGridIntervalMs: 10 },
      notifications: { ...s.notifications, throttle: { windowSeconds: 60, maxPerWindow: 0 } },
    }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.errors).toEqual([
      expect.stringMatching(/^poll\.tradingGridIntervalMs: /),
      expect.stringMatching(/^notifications\.throttle\.maxPerWindow: /),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get()).toEqual(defaultAppSettings());
  });

  it('refuses a secret-looking field: settings must never hold secrets', () => {
    const store = open();
    const before = readFileSync(file, 'utf8');
    const result = store.update((s) => ({
      ...s,
      connections: {
        ...s.connections,
        tradingGrid: { ...s.connections.tradingGrid, clientSecret: 'hunter22' },
      },
    }));
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      errors: [expect.stringMatching(/^connections\.tradingGrid\.clientSecret: settings never hold secrets/)],
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses live mode without the connection details, naming each missing field', () => {
    const store = open();
    const result = store.update((s) => ({ ...s, connections: { ...s.connections, mode: 'live' } }));
    expect(result.ok ? [] : result.errors).toEqual([
      'connections.xconnector.baseUrl: required to connect in live mode',
      'connections.tradingGrid.baseUrl: required to connect in live mode',
      'connections.tradingGrid.clientId: required to connect in live mode',
    ]);
  });

  it('tells listeners about a saved change, and hands out settings that cannot be changed in place', () => {
    const store = open();
    const seen: boolean[] = [];
    const stop = store.onChange((s) => seen.push(s.startAtLogin));
    store.update((s) => ({ ...s, startAtLogin: true }));
    stop();
    store.update((s) => ({ ...s, startAtLogin: false }));
    expect(seen).toEqual([true]);
    expect(() => {
      (store.get() as { startAtLogin: boolean }).startAtLogin = true;
    }).toThrow(TypeError);
  });

  it('reports a failed write as an error value and keeps the settings it had', () => {
    const store = open();
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the settings folder was');
    const result = store.update((s) => ({ ...s, startAtLogin: true }));
    expect(result).toMatchObject({ ok: false, kind: 'write_failed' });
    if (!result.ok) expect(result.errors[0]).toMatch(/could not be saved to .*settings\.json \(.+\): check/);
    expect(store.get().startAtLogin).toBe(false);
    rmSync(dir, { force: true });
    mkdirSync(dir);
  });
});

describe('settings store: folders it cannot use', () => {
  it('says clearly when the settings folder cannot be created or written, and runs on settings in memory', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const result = openSettingsStore({ cwd: join(blocker, 'Partner Desk') });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.store.unsaved?.kind).toBe('unwritable');
    expect(result.store.unsaved?.message).toMatch(
      /cannot write to its settings folder .*Partner Desk \(a file is in the way where the folder should be\): check/,
    );
  });

  it('gives a clear error when the settings file cannot be read, and leaves it alone', () => {
    mkdirSync(file);
    const result = openSettingsStore({ cwd: dir });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreadable', path: file } });
    expect(existsSync(file)).toBe(true);
    expect(backups()).toEqual([]);
  });
});
