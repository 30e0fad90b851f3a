// The product's vault: the OS keychain through keytar (macOS Keychain, Windows Credential Manager,
// libsecret/Secret Service on Linux). Each secret is one entry: service "Partner Desk", account = the
// secret's name from settings (e.g. "tradingGrid.clientSecret").
import { SecretName } from '../../../shared/config/engineSettings.ts';
import { VaultError, toVaultError } from './vaultError.ts';
import type { VaultOperation } from './vaultError.ts';
import type { Vault } from './vault.ts';

/** The part of keytar the vault uses; tests substitute a fake to reproduce platform failures. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarVaultOptions {
  /** Keychain service name; tests pass a unique one so they never touch the real app's entries. */
  service?: string;
  backend?: KeychainBackend;
  /**
   * A keychain waiting for the user to unlock it can leave a call pending forever; past this the call
   * fails with a 'timeout' VaultError so the engine can report it and retry instead of hanging.
   */
  timeoutMs?: number;
}

export const DEFAULT_VAULT_SERVICE = 'Partner Desk';
/** Windows Credential Manager refuses blobs over 2,560 bytes; refusing earlier gives a clearer message. */
const MAX_SECRET_BYTES = 2560;

export function createKeytarVault(options: KeytarVaultOptions = {}): Vault {
  const service = options.service ?? DEFAULT_VAULT_SERVICE;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let backend: Promise<KeychainBackend> | null = options.backend ? Promise.resolve(options.backend) : null;

  // keytar is a native module: loaded on first use, so a machine without libsecret still starts the
  // app (and the demo) and only credential use reports the problem.
  const loadBackend = (): Promise<KeychainBackend> => {
    backend ??= import('keytar').then((m) => m.default as KeychainBackend);
    return backend;
  };

  async function call<T>(
    op: VaultOperation,
    name: string,
    run: (b: KeychainBackend) => Promise<T>,
    value?: string,
  ): Promise<T> {
    checkName(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new VaultError(
                'timeout',
                name,
                `The system keychain did not answer within ${Math.round(timeoutMs / 1000)} s when Partner Desk tried to ${op} the secret "${name}": ` +
                  'it may be waiting for you to unlock it. Unlock your keychain and try again',
              ),
            ),
          timeoutMs,
        );
      });
      return await Promise.race([loadBackend().then(run), timeout]);
    } catch (e) {
      throw toVaultError(e, op, name, value);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (name) => call('read', name, (b) => b.getPassword(service, name)),
    async set(name, value) {
      checkName(name);
      checkValue(name, value);
      await call('store', name, (b) => b.setPassword(service, name, value), value);
    },
    delete: (name) => call('delete', name, (b) => b.deletePassword(service, name)),
    has: async (name) => (await call('read', name, (b) => b.getPassword(service, name))) !== null,
  };
}

function checkName(name: string): void {
  if (!SecretName.safeParse(name).success)
    // The name is not echoed: a value pasted into the wrong field must not reach a message or a log.
    throw new VaultError(
      'invalid_name',
      '(invalid)',
      "A secret name must be 1 to 128 letters, digits, '.', '_', ':' or '-': check the name in Settings → Connections",
    );
}

function checkValue(name: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw new VaultError(
      'invalid_value',
      name,
      `An empty value cannot be stored for "${name}": enter the secret, or remove it instead`,
    );
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_SECRET_BYTES)
    throw new VaultError(
      'invalid_value',
      name,
      `The value for "${name}" is ${bytes} bytes; the system keychain holds at most ${MAX_SECRET_BYTES}: check that the right value was pasted`,
    );
}
