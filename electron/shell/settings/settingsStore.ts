// The desktop app's settings on disk: validated on load and on every write, migrated forward, and never
// silently reset. A file that cannot be used is moved aside (kept byte for byte) and the load report
// says so, with where the old file went, so the UI can tell the person.
//
// Storage is conf, the engine under electron-store: tests and the headless tools open it with a folder
// of their choice, the Electron app opens it through electronSettingsStore.ts (userData folder).
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import {
  AppSettings,
  defaultAppSettings,
  describeSettingsErrors,
} from '../../../shared/config/appSettings.ts';
import type { SettingsMigration } from './migrations.ts';
import { parseSettingsJson, readSettingsFile } from './readSettingsFile.ts';
import { moveAside } from './corruptBackup.ts';
import { fsReason, unreadable, unwritable } from './settingsFileError.ts';
import type { SettingsStoreError } from './settingsFileError.ts';

/** What the store needs from conf / electron-store: the file's path and whole-object read/write. */
export interface SettingsFile {
  readonly path: string;
  store: Record<string, unknown>;
}

export type OpenSettingsFile = (options: { cwd: string; configName: string }) => SettingsFile;

export interface SettingsStoreOptions {
  /** The folder the settings file lives in (electron: app.getPath('userData')). */
  cwd: string;
  /** File name without extension. */
  configName?: string;
  /** Clock for the backup file's timestamp. */
  now?: () => number;
  openFile?: OpenSettingsFile;
  migrations?: readonly SettingsMigration[];
}

export type SettingsLoadReport =
  | { recovered: false; created: boolean; migratedFrom: number | null }
  | { recovered: true; backupPath: string; reason: string };

export type SettingsSaveResult =
  { ok: true; settings: AppSettings } | { ok: false; kind: 'invalid' | 'write_failed'; errors: string[] };

export interface SettingsStore {
  readonly path: string;
  /** How loading went; `recovered: true` must be shown to the person. */
  readonly loaded: SettingsLoadReport;
  /**
   * Why the settings cannot be written to disk, when they cannot (to be shown to the person): they are
   * then kept in memory, changes apply, and they are lost when the app quits. Null when all is well.
   */
  readonly unsaved: SettingsStoreError | null;
  /** The current settings (frozen: change them through save or update). */
  get(): AppSettings;
  /** Validates and stores a complete settings object; an invalid one is refused and nothing changes. */
  save(input: unknown): SettingsSaveResult;
  /** save(change(copy of the current settings)). */
  update(change: (current: AppSettings) => unknown): SettingsSaveResult;
  onChange(listener: (settings: AppSettings) => void): () => void;
}

export type SettingsOpenResult =
  { ok: true; store: SettingsStore } | { ok: false; error: SettingsStoreError };

export const confSettingsFile: OpenSettingsFile = ({ cwd, configName }) =>
  new Conf<Record<string, unknown>>({
    cwd,
    configName,
    // We judge the file ourselves before conf reads it (readSettingsFile); conf must never clear it.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    // Settings hold no secrets, but connection details are still nobody else's business.
    configFileMode: 0o600,
    deserialize: parseSettingsJson as (text: string) => Record<string, unknown>,
  });

export function openSettingsStore(options: SettingsStoreOptions): SettingsOpenResult {
  const configName = options.configName ?? 'settings';
  const now = options.now ?? Date.now;
  const openFile = options.openFile ?? confSettingsFile;
  const filePath = join(options.cwd, `${configName}.json`);

  // A folder or file that cannot be written does not stop the app: its settings live in memory.
  let unsaved: SettingsStoreError | null = null;
  try {
    mkdirSync(options.cwd, { recursive: true });
    accessSync(options.cwd, constants.W_OK);
  } catch (e) {
    unsaved = inMemory(unwritable(options.cwd, e, 'write to its settings folder'));
  }

  let loaded: SettingsLoadReport;
  let initial: AppSettings;
  let mustWrite: boolean;
  const found = readSettingsFile(filePath, options.migrations);
  switch (found.state) {
    case 'unreadable':
      // Under a folder that cannot exist (a file in its way) there is simply no settings file yet.
      if (!unsaved || (found.error as NodeJS.ErrnoException | null)?.code !== 'ENOTDIR')
        return { ok: false, error: unreadable(filePath, found.error) };
      initial = defaultAppSettings();
      loaded = { recovered: false, created: true, migratedFrom: null };
      mustWrite = false;
      break;
    case 'missing':
      initial = defaultAppSettings();
      loaded = { recovered: false, created: true, migratedFrom: null };
      mustWrite = true;
      break;
    case 'valid':
      initial = found.settings;
      loaded = { recovered: false, created: false, migratedFrom: found.migratedFrom };
      mustWrite = found.rewrite;
      break;
    case 'corrupt': {
      let backupPath: string;
      try {
        backupPath = moveAside(filePath, now());
      } catch (e) {
        // Without a backup we would overwrite the only copy: leave the file alone, run on the defaults.
        const problem = unsaved ?? inMemory(unwritable(filePath, e, 'move aside its unusable settings file'));
        const report: SettingsLoadReport = { recovered: false, created: false, migratedFrom: null };
        return { ok: true, store: createStore(memoryFile(filePath), defaultAppSettings(), report, problem) };
      }
      initial = defaultAppSettings();
      loaded = { recovered: true, backupPath, reason: found.reason };
      mustWrite = true;
      break;
    }
  }

  if (unsaved) return { ok: true, store: createStore(memoryFile(filePath), initial, loaded, unsaved) };
  let file: SettingsFile;
  try {
    if (found.state === 'valid') accessSync(filePath, constants.W_OK);
    file = openFile({ cwd: options.cwd, configName });
    if (mustWrite) file.store = structuredClone(initial);
  } catch (e) {
    const problem = inMemory(unwritable(filePath, e, 'write its settings file'));
    return { ok: true, store: createStore(memoryFile(filePath), initial, loaded, problem) };
  }
  return { ok: true, store: createStore(file, initial, loaded, null) };
}

/** A settings "file" that only lives in memory: used when the real one cannot be written. */
function memoryFile(path: string): SettingsFile {
  return { path, store: {} };
}

function inMemory(problem: SettingsStoreError): SettingsStoreError {
  return {
    ...problem,
    message: `${problem.message}. Until then Partner Desk keeps its settings in memory: changes apply, but are lost when it quits.`,
  };
}

function createStore(
  file: SettingsFile,
  initial: AppSettings,
  loaded: SettingsLoadReport,
  unsaved: SettingsStoreError | null,
): SettingsStore {
  let current = deepFreeze(initial);
  const listeners = new Set<(s: AppSettings) => void>();

  const save = (input: unknown): SettingsSaveResult => {
    const parsed = AppSettings.safeParse(input);
    if (!parsed.success) return { ok: false, kind: 'invalid', errors: describeSettingsErrors(parsed.error) };
    try {
      // conf writes atomically (temp file + rename): a failed write leaves the old file whole. It gets a
      // copy because conf may add its own bookkeeping keys to the object it is given.
      file.store = structuredClone(parsed.data);
    } catch (e) {
      return {
        ok: false,
        kind: 'write_failed',
        errors: [
          `The settings could not be saved to ${file.path} (${fsReason(e)}): check the folder's permissions and free disk space, then save again`,
        ],
      };
    }
    current = deepFreeze(parsed.data);
    for (const listener of listeners) listener(current);
    return { ok: true, settings: current };
  };

  return {
    path: file.path,
    loaded,
    unsaved,
    get: () => current,
    save,
    update: (change) => save(change(structuredClone(current))),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
