// Which keychain entries the engine's process may read: the ones the settings name for the two
// connections, nothing else. The engine asks by name over a channel; this is the gate on main's side.
import type { AppSettings } from '../../../shared/config/appSettings.ts';
import type { Vault } from '../vault/vault.ts';

export function engineCredentialAccess(
  vault: Vault,
  settings: () => AppSettings,
): (name: string) => Promise<string | null> {
  return async (name) => {
    const c = settings().connections;
    if (name !== c.xconnector.apiKeySecretName && name !== c.tradingGrid.clientSecretName)
      throw new Error(
        `The sync engine asked for the secret "${name}", which no connection in the settings names; refused.`,
      );
    return vault.get(name);
  };
}
