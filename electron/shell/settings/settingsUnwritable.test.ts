// Settings the app cannot write (issue 5, disk trouble): the app still starts, on its settings kept in
// memory, and the store says what is wrong and what to do so the shell can tell the person. Real files
// in a temp folder; permission cases are skipped as root, where chmod does not bind.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type SettingsStore } from './settingsStore.ts';
import { defaultAppSettings } from '../../../shared/config/appSettings.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-settings-ro-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const asRoot = process.getuid?.() === 0;

function openOn(cwd: string): SettingsStore {
  const result = openSettingsStore({ cwd });
  if (!result.ok) throw new Error(result.error.message);
  return result.store;
}

/** Writes valid settings with a recognisable change, through the store itself. */
function savedSettings(): string {
  const store = openOn(dir);
  expect(store.update((s) => ({ ...s, startAtLogin: true })).ok).toBe(true);
  return join(dir, 'settings.json');
}

describe('settings store: a folder or file it cannot write', () => {
  it('starts on the defaults in memory when the folder cannot be created, says why, and keeps changes for the session', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const store = openOn(join(blocker, 'Partner Desk'));
    expect(store.unsaved).toMatchObject({ kind: 'unwritable', path: join(blocker, 'Partner Desk') });
    expect(store.unsaved?.message).toMatch(
      /cannot write to its settings folder .* \(a file is in the way where the folder should be\): check .*then restart Partner Desk\. Until then Partner Desk keeps its settings in memory: changes apply, but are lost when it quits\./,
    );
    expect(store.get()).toEqual(defaultAppSettings());
    const saved = store.update((s) => ({ ...s, startAtLogin: true }));
    expect(saved.ok).toBe(true);
    expect(store.get().startAtLogin).toBe(true);
    // Invalid input is still refused in memory.
    expect(store.update((s) => ({ ...s, poll: { ...s.poll, tradingGridIntervalMs: 1 } })).ok).toBe(false);
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the folder should be');
  });

  it('reports nothing when all is well', () => {
    expect(openOn(dir).unsaved).toBeNull();
  });

  it.skipIf(asRoot)(
    'keeps the saved settings of a read-only file in memory, and leaves the file alone (skipped as root: chmod does not bind root)',
    () => {
      const file = savedSettings();
      chmodSync(file, 0o400);
      const before = readFileSync(file, 'utf8');
      const store = openOn(dir);
      expect(store.unsaved?.message).toMatch(
        /cannot write its settings file .*settings\.json \(permission denied\)/,
      );
      expect(store.get().startAtLogin).toBe(true);
      expect(store.update((s) => ({ ...s, startAtLogin: false })).ok).toBe(true);
      expect(store.get().startAtLogin).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe(before);
    },
  );

  it.skipIf(asRoot)(
    'leaves an unusable file in a read-only folder as it is and runs on the defaults (skipped as root: chmod does not bind root)',
    () => {
      const file = join(dir, 'settings.json');
      writeFileSync(file, '{ not json');
      chmodSync(dir, 0o500);
      const store = openOn(dir);
      expect(store.unsaved?.kind).toBe('unwritable');
      expect(store.get()).toEqual(defaultAppSettings());
      expect(readFileSync(file, 'utf8')).toBe('{ not json');
      expect(existsSync(file)).toBe(true);
    },
  );
});
