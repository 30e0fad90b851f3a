// Strict settings must not turn away a file the app itself wrote. Each fixture is what a release wrote on
// its first run — `defaultAppSettings()` of the schema at that commit, which the store writes whole —
// generated from the commit's own shared/ folder: the first settings release (3b6c9dc, version 2), the
// document and case-sync settings (636a1fb), title/priority owners and partner files (419dd0a), and the
// SLA and document sections (34cf0f4, version 3). Version 1 was never written by any release (settings
// shipped at version 2); its file is the shape the v1 → v2 migration describes. Each loads through the
// real store on a real file, keeps every value, and is rewritten as the current version; a misspelled
// key in the mappings, SLA or document section is refused with its path and the file kept aside.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_SCHEMA_VERSION } from '../../../shared/config/appSettings.ts';
import { openSettingsStore } from './settingsStore.ts';
import type { SettingsStore } from './settingsStore.ts';

type Raw = Record<string, unknown> & { schemaVersion?: number };

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as Raw;

const WRITTEN = ['v2-3b6c9dc.json', 'v2-636a1fb.json', 'v2-419dd0a.json', 'v3-34cf0f4.json'];

/** The first version 2 file as a version 1 file would have said it: before useDemo became mode. */
function v1File(): Raw {
  const { schemaVersion, connections, notifications, ...rest } = fixture('v2-3b6c9dc.json') as Raw & {
    connections: Record<string, unknown>;
    notifications: Record<string, unknown>;
  };
  void schemaVersion;
  const { mode, ...otherConnections } = connections;
  const { quietHours, ...otherNotifications } = notifications;
  return {
    ...rest,
    connections: { ...otherConnections, useDemo: mode === 'demo' },
    notifications: { ...otherNotifications, doNotDisturb: quietHours },
  };
}

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-settings-written-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openWith(content: unknown): SettingsStore {
  writeFileSync(file, JSON.stringify(content, null, '\t'));
  const result = openSettingsStore({ cwd: dir, now: () => Date.UTC(2026, 10, 29) });
  if (!result.ok) throw new Error(result.error.message);
  return result.store;
}

const movedAside = () => readdirSync(dir).filter((f) => f.includes('.corrupt-'));

describe('every settings file the app ever wrote still loads under strict settings', () => {
  for (const name of WRITTEN) {
    it(`loads ${name}, keeps every value and rewrites it as version ${SETTINGS_SCHEMA_VERSION}`, () => {
      const written = fixture(name);
      const store = openWith(written);
      const from = written.schemaVersion === SETTINGS_SCHEMA_VERSION ? null : written.schemaVersion;
      expect(store.loaded).toEqual({ recovered: false, created: false, migratedFrom: from });
      expect(store.get()).toMatchObject({ ...written, schemaVersion: SETTINGS_SCHEMA_VERSION });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(store.get())));
      expect(movedAside()).toEqual([]);
    });
  }

  it('loads a version 1 file (no version field, useDemo and doNotDisturb)', () => {
    const store = openWith(v1File());
    expect(store.loaded).toEqual({ recovered: false, created: false, migratedFrom: 1 });
    const { schemaVersion, ...v2 } = fixture('v2-3b6c9dc.json');
    void schemaVersion;
    expect(store.get()).toMatchObject(v2);
    expect(movedAside()).toEqual([]);
  });
});

describe('a misspelled key in the file is refused with its path, and the file is kept', () => {
  const current = () => fixture('v3-34cf0f4.json') as Raw & Record<string, Record<string, unknown>>;
  const cases: [string, (s: ReturnType<typeof current>) => void, string][] = [
    [
      'mappings',
      (s) => ((s.mappings!.caseSync as Record<string, Record<string, unknown>>).routing!.defaultRoot = 'erp'),
      'mappings.caseSync.routing.defaultRoot: not a known setting (check the spelling)',
    ],
    [
      'sla',
      (s) => ((s.sla!.ladder as Record<string, unknown>[])[1]!.afterMinute = 60),
      'sla.ladder[1].afterMinute: not a known setting (check the spelling)',
    ],
    [
      'documents',
      (s) => ((s.documents!.assumedPolicy as Record<string, unknown>).maxByte = 1024),
      'documents.assumedPolicy.maxByte: not a known setting (check the spelling)',
    ],
  ];
  for (const [section, misspell, line] of cases) {
    it(`in the ${section} section`, () => {
      const settings = current();
      misspell(settings);
      const store = openWith(settings);
      expect(store.loaded).toMatchObject({ recovered: true });
      if (!store.loaded.recovered) return;
      expect(store.loaded.reason).toBe(`the settings file has invalid values: ${line}`);
      expect(JSON.parse(readFileSync(store.loaded.backupPath, 'utf8'))).toEqual(settings);
    });
  }
});
