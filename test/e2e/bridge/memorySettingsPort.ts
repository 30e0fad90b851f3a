// The settings and credentials the browser bridge serves instead of electron-store and the keychain:
// held in memory, validated with the same AppSettings schema the desktop app's settings file uses, so
// the Settings screen sees the same field errors it would see in Electron.
import {
  AppSettings,
  defaultAppSettings,
  describeSettingsErrors,
} from '../../../shared/config/appSettings.ts';
import {
  CredentialName,
  type SettingsUpdateResult,
  type SettingsView,
} from '../../../shared/ipc/contract.ts';
import type { CredentialsPort, SettingsPort } from '../../../electron/service/deskService.ts';
import type { MemoryCredentialSource } from '../../../electron/connectors/credentialSource.ts';

type CredentialName = (typeof CredentialName.options)[number];

export function memorySettingsPort(
  credentials: MemoryCredentialSource,
  /** Saved settings on their way to the engine; the save answers once they are applied. */
  onSaved: (settings: AppSettings) => Promise<void> = async () => {},
): SettingsPort {
  let current: AppSettings = defaultAppSettings();
  return {
    async view(): Promise<SettingsView> {
      const stored = {} as Record<CredentialName, boolean>;
      for (const name of CredentialName.options) stored[name] = (await credentials.get(name)) !== null;
      return { settings: structuredClone(current), credentialsStored: stored, recovered: null };
    },
    async update(input: unknown): Promise<SettingsUpdateResult> {
      const parsed = AppSettings.safeParse(input);
      if (!parsed.success) return { ok: false, errors: describeSettingsErrors(parsed.error) };
      current = parsed.data;
      await onSaved(current);
      return { ok: true };
    },
  };
}

/** Write-only, like the keychain behind the preload: the window can store a secret, never read one. */
export function memoryCredentialsPort(credentials: MemoryCredentialSource): CredentialsPort {
  return {
    async set(name, value) {
      credentials.set(name, value);
    },
  };
}
