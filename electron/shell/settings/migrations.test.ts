// Numbered settings migrations: append-only steps that bring an old file to the current version.
import { describe, expect, it } from 'vitest';
import { migrateSettings, settingsMigrations } from './migrations.ts';
import type { SettingsMigration } from './migrations.ts';
import { AppSettings, SETTINGS_SCHEMA_VERSION } from '../../../shared/config/appSettings.ts';
import { SlaSettings } from '../../../shared/config/slaPolicies.ts';
import { DocumentSettings } from '../../../shared/config/documentSettings.ts';

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
    const out = migrateSettings(v1, settingsMigrations, 2);
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
    expect(bare).toMatchObject({ ok: true, from: 1, settings: { schemaVersion: SETTINGS_SCHEMA_VERSION } });
    if (bare.ok) expect(AppSettings.safeParse(bare.settings).success).toBe(true);
  });

  it('v2 → v3: keeps every setting the file holds; the schema fills in SLA policies and document limits', () => {
    const v2 = {
      schemaVersion: 2,
      connections: {
        mode: 'live',
        xconnector: { baseUrl: 'https://xc.example.com', apiKeySecretName: 'xc.prod' },
        tradingGrid: { baseUrl: 'https://tg.example.com', clientId: 'desk' },
      },
      poll: { xconnectorIntervalMs: 5000, tradingGridIntervalMs: 90_000 },
      mappings: {
        xconnector: { transactionStatus: { KO: 'failed', OK: 'accepted' } },
        caseSync: {
          routing: {
            rules: [{ name: 'Claims to ERP', route: 'erp', keywords: ['claim'] }],
            defaultRoute: 'order-management',
          },
        },
      },
      notifications: {
        quietHours: { enabled: true, start: '21:00', end: '06:00', timeZone: 'Europe/Berlin' },
      },
      startAtLogin: true,
    };
    const out = migrateSettings(v2);
    expect(out).toEqual({ ok: true, from: 2, to: 3, settings: { ...v2, schemaVersion: 3 } });
    if (!out.ok) return;
    const settings = AppSettings.parse(out.settings);
    expect(settings).toMatchObject({ ...v2, schemaVersion: 3 });
    expect(settings.mappings.caseSync.routing.rules).toEqual(v2.mappings.caseSync.routing.rules);
    // What the engine used before SLA policies and document limits were settings: the defaults.
    expect(settings.sla).toEqual(SlaSettings.parse({}));
    expect(settings.documents).toEqual(DocumentSettings.parse({}));
  });

  it('leaves a current file as it is', () => {
    expect(migrateSettings({ schemaVersion: 3, startAtLogin: true })).toEqual({
      ok: true,
      from: 3,
      to: 3,
      settings: { schemaVersion: 3, startAtLogin: true },
    });
  });

  it('refuses what it cannot migrate, saying why', () => {
    expect(migrateSettings([1, 2])).toMatchObject({ ok: false, kind: 'not_an_object' });
    expect(migrateSettings({ schemaVersion: 'two' })).toMatchObject({ ok: false, kind: 'bad_version' });
    expect(migrateSettings({ schemaVersion: 7 })).toMatchObject({
      ok: false,
      kind: 'newer',
      reason: 'the file was written by a newer Partner Desk (settings version 7; this version reads up to 3)',
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
