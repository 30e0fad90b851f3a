// A Vault held in memory: the built-in demo (whose simulator credentials are made up at start) and the
// tests of code that uses a vault. Same contract as the keychain one, including the name check.
import { SecretName } from '../../../shared/config/engineSettings.ts';
import { VaultError } from './vaultError.ts';
import type { Vault } from './vault.ts';

export function createMemoryVault(initial: Record<string, string> = {}): Vault {
  const entries = new Map<string, string>(Object.entries(initial));
  const checked = (name: string): string => {
    if (!SecretName.safeParse(name).success)
      throw new VaultError(
        'invalid_name',
        '(invalid)',
        "A secret name must be 1 to 128 letters, digits, '.', '_', ':' or '-'",
      );
    return name;
  };
  return {
    get: async (name) => entries.get(checked(name)) ?? null,
    async set(name, value) {
      if (value.trim() === '')
        throw new VaultError('invalid_value', name, `An empty value cannot be stored for "${name}"`);
      entries.set(checked(name), value);
    },
    delete: async (name) => entries.delete(checked(name)),
    has: async (name) => entries.has(checked(name)),
  };
}
