// Numbered, append-only migrations of the settings file, run on the raw JSON before it is validated.
// Each step takes the file as version N-1 left it and returns it as version N; a step never reads the
// current schema, so old steps keep working however the schema moves on. Files written before the
// version field existed count as version 1.
import { SETTINGS_SCHEMA_VERSION } from '../../../shared/config/appSettings.ts';

export type RawSettings = Record<string, unknown>;

export interface SettingsMigration {
  /** The version this step produces. */
  version: number;
  description: string;
  up(raw: RawSettings): RawSettings;
}

export const settingsMigrations: readonly SettingsMigration[] = [
  {
    version: 2,
    description:
      'connections.useDemo (boolean) became connections.mode ("demo" | "live"); notifications.doNotDisturb was renamed quietHours',
    up(raw) {
      const connections = objectAt(raw, 'connections');
      if (connections && 'useDemo' in connections) {
        const { useDemo, ...rest } = connections;
        raw.connections = { ...rest, mode: useDemo === false ? 'live' : 'demo' };
      }
      const notifications = objectAt(raw, 'notifications');
      if (notifications && 'doNotDisturb' in notifications) {
        const { doNotDisturb, ...rest } = notifications;
        raw.notifications = { ...rest, quietHours: doNotDisturb };
      }
      return raw;
    },
  },
  {
    version: 3,
    description: 'SLA policies (sla) and dispute document limits (documents) became settings',
    // Only the version moves: the new sections are left out, so the schema fills in the defaults the
    // engine ran on before they were settings, and everything the file already holds is kept as it is.
    up: (raw) => raw,
  },
];

export type MigrationOutcome =
  | { ok: true; settings: RawSettings; from: number; to: number }
  | { ok: false; kind: 'not_an_object' | 'bad_version' | 'newer' | 'step_failed'; reason: string };

export function migrateSettings(
  parsed: unknown,
  migrations: readonly SettingsMigration[] = settingsMigrations,
  target: number = SETTINGS_SCHEMA_VERSION,
): MigrationOutcome {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { ok: false, kind: 'not_an_object', reason: 'the file does not hold a settings object' };
  const declared = (parsed as RawSettings).schemaVersion;
  const from = declared === undefined ? 1 : declared;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return {
      ok: false,
      kind: 'bad_version',
      reason: `schemaVersion ${JSON.stringify(from)} is not a version number`,
    };
  if (from > target)
    return {
      ok: false,
      kind: 'newer',
      reason: `the file was written by a newer Partner Desk (settings version ${from}; this version reads up to ${target})`,
    };

  // Steps work on a copy: a step that fails half-way must not leave a half-migrated object behind.
  let settings = structuredClone(parsed as RawSettings);
  for (let v = from + 1; v <= target; v++) {
    const step = migrations.find((m) => m.version === v);
    if (!step) throw new Error(`Settings migration to version ${v} is missing`);
    try {
      settings = step.up(settings);
      settings.schemaVersion = v;
    } catch (e) {
      return {
        ok: false,
        kind: 'step_failed',
        reason: `migrating the settings to version ${v} (${step.description}) failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return { ok: true, settings, from, to: target };
}

function objectAt(raw: RawSettings, key: string): RawSettings | null {
  const v = raw[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as RawSettings) : null;
}
