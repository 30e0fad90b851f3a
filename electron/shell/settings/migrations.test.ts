// Numbered settings migrations: append-only steps that bring an old file to the current version.
import { describe, expect, it } from 'vitest';
import { migrateSettings, settingsMigrations } from './migrations.ts';
import type { SettingsMigration } from './migrations.ts';
import { AppSettings, SETTINGS_SCHEMA_VERSION } from '../../../shared/config/appSettings.ts';

describe('settings migrations', () => {
  it('are numbered 2, 3, … without gaps up to the current schema version', () => {
    expect(settingsMigrations.map((m) => m.version)).toEqual(
      Array.from({ length: SETTINGS_SCHEMA_VERSION - 1 }, (_, i) => i + 2),
    );
  });

  it('v1 → v2: useDemo becomes mode and doNotDisturb is renamed quietHours; the result is valid', () => {
    const v1 = {
      schemaVersion: 1,
      connections: { useDemo: false, xconnector: { baseUrl: 'https://xc.example.com' } },
      notifications: {
        enabled: true,
        doNotDisturb: { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' },
      },
    };
    const out = migrateSettings(v1);
    expect(out).toEqual({
      ok: true,
      from: 1,
      to: 2,
      settings: {
        schemaVersion: 2,
        connections: { mode: 'live', xconnector: { baseUrl: 'https://xc.example.com' } },
        notifications: {
          enabled: true,
          quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' },
        },
      },
    });
    // The input is not modified: a failed load must leave nothing half-migrated behind.
    expect(v1.connections).toHaveProperty('useDemo', false);
  });

  it('v1 with useDemo true (or absent) keeps the demo', () => {
    const out = migrateSettings({ connections: { useDemo: true } });
    expect(out.ok && out.settings.connections).toEqual({ mode: 'demo' });
    const bare = migrateSettings({});
    expect(bare).toMatchObject({ ok: true, from: 1, settings: { schemaVersion: 2 } });
    if (bare.ok) expect(AppSettings.safeParse(bare.settings).success).toBe(true);
  });

  it('leaves a current file as it is', () => {
    expect(migrateSettings({ schemaVersion: 2, startAtLogin: true })).toEqual({
      ok: true,
      from: 2,
      to: 2,
      settings: { schemaVersion: 2, startAtLogin: true },
    });
  });

  it('refuses what it cannot migrate, saying why', () => {
    expect(migrateSettings([1, 2])).toMatchObject({ ok: false, kind: 'not_an_object' });
    expect(migrateSettings({ schemaVersion: 'two' })).toMatchObject({ ok: false, kind: 'bad_version' });
    expect(migrateSettings({ schemaVersion: 7 })).toMatchObject({
      ok: false,
      kind: 'newer',
      reason: 'the file was written by a newer Partner Desk (settings version 7; this version reads up to 2)',
    });
  });

  it('reports a step that throws, naming the step', () => {
    const broken: SettingsMigration[] = [
      {
        version: 2,
        description: 'split the poll interval',
        up: () => {
          throw new Error('poll is not an object');
        },
      },
    ];
    expect(migrateSettings({ schemaVersion: 1 }, broken)).toEqual({
      ok: false,
      kind: 'step_failed',
      reason: 'migrating the settings to version 2 (split the poll interval) failed: poll is not an object',
    });
  });
});
