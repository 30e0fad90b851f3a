// Reads and judges the settings file BEFORE conf sees it: conf either throws on a bad file or (with
// clearInvalidConfig) silently empties it, and neither lets us keep the user's file and say why.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { AppSettings, describeSettingsErrors } from '../../../shared/config/appSettings.ts';
import { migrateSettings } from './migrations.ts';
import type { SettingsMigration } from './migrations.ts';

export type SettingsFileState =
  | { state: 'missing' }
  | {
      state: 'valid';
      settings: AppSettings;
      /** The version migrated from, or null when the file was already current. */
      migratedFrom: number | null;
      /** True when what is on disk differs from the validated settings (migrated or defaults filled in). */
      rewrite: boolean;
    }
  | { state: 'corrupt'; reason: string }
  | { state: 'unreadable'; error: unknown };

const MAX_REASONS = 5;

/** JSON.parse that accepts the byte-order mark Windows editors may save; conf is given it too. */
export function parseSettingsJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export function readSettingsFile(path: string, migrations?: readonly SettingsMigration[]): SettingsFileState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', error: e };
  }
  if (text.trim() === '') return { state: 'corrupt', reason: 'the settings file is empty' };

  let json: unknown;
  try {
    json = parseSettingsJson(text);
  } catch (e) {
    return { state: 'corrupt', reason: `the settings file is not valid JSON (${(e as Error).message})` };
  }

  const migrated = migrateSettings(json, migrations);
  if (!migrated.ok) return { state: 'corrupt', reason: migrated.reason };

  const parsed = AppSettings.safeParse(migrated.settings);
  if (!parsed.success) {
    const lines = describeSettingsErrors(parsed.error);
    const more = lines.length > MAX_REASONS ? ` (and ${lines.length - MAX_REASONS} more)` : '';
    return {
      state: 'corrupt',
      reason: `the settings file has invalid values: ${lines.slice(0, MAX_REASONS).join('; ')}${more}`,
    };
  }
  const migratedFrom = migrated.from === migrated.to ? null : migrated.from;
  return {
    state: 'valid',
    settings: parsed.data,
    migratedFrom,
    rewrite: migratedFrom !== null || !isDeepStrictEqual(json, parsed.data),
  };
}
