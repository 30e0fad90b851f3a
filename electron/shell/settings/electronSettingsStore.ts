// The Electron app's settings store: the same store, on electron-store in the app's userData folder.
// Kept apart because it imports electron, which cannot load outside the Electron binary.
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { openSettingsStore } from './settingsStore.ts';
import { parseSettingsJson } from './readSettingsFile.ts';
import type { SettingsOpenResult } from './settingsStore.ts';

export function openElectronSettingsStore(): SettingsOpenResult {
  return openSettingsStore({
    cwd: app.getPath('userData'),
    openFile: ({ cwd, configName }) =>
      new ElectronStore<Record<string, unknown>>({
        cwd,
        name: configName,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        configFileMode: 0o600,
        deserialize: parseSettingsJson as (text: string) => Record<string, unknown>,
      }),
  });
}
