// The one place credentials live: a small interface over the OS keychain. Settings only name an entry;
// the engine reads it through a CredentialSource built from the vault, so it never learns where secrets
// are kept and tests can hand it an in-memory vault.
import type { CredentialSource } from '../../connectors/credentialSource.ts';

export interface Vault {
  /** The secret stored under `name`, or null when there is none. */
  get(name: string): Promise<string | null>;
  /** Stores (or replaces) the secret under `name`. */
  set(name: string, value: string): Promise<void>;
  /** Removes the secret; true when there was one to remove. */
  delete(name: string): Promise<boolean>;
  has(name: string): Promise<boolean>;
}

/**
 * The engine's read-only view of the vault. Errors are passed through unchanged: the connectors turn a
 * failed keychain read into an auth error the sync-health view shows, and retry later.
 */
export function credentialSourceFromVault(vault: Vault): CredentialSource {
  return { get: (name) => vault.get(name) };
}
