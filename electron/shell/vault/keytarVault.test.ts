// The vault against the REAL system keychain. On Linux that is a Secret Service (gnome-keyring) on the
// D-Bus session bus; `npm run test:unit` provides one (scripts/withKeyring.ts), as does:
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npx vitest run electron/shell/vault'
// Without a session bus the suite is skipped and says why; PD_REQUIRE_KEYCHAIN=1 turns that skip into a
// failure, so a CI job meant to exercise the keychain cannot pass by silently skipping.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { createKeytarVault } from './keytarVault.ts';
import { credentialSourceFromVault } from './vault.ts';
import { VaultError } from './vaultError.ts';

function keychainUnavailableReason(): string | null {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS)
    return (
      'no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset), so no Secret Service keychain is reachable. ' +
      'Run `npm run test:unit` (scripts/withKeyring.ts starts one) or: ' +
      "dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npx vitest run electron/shell/vault'"
    );
  return null;
}

const unavailable = keychainUnavailableReason();
const required = process.env.PD_REQUIRE_KEYCHAIN === '1';
if (unavailable && !required) console.warn(`[vault] skipping the real-keychain tests: ${unavailable}`);

// A service name no real install uses, removed entry by entry afterwards.
const service = `Partner Desk test ${process.pid}-${randomUUID()}`;
const otherService = `${service} (other)`;

describe('vault: a keychain is required in this run', () => {
  it.runIf(unavailable !== null && required)(
    'fails because PD_REQUIRE_KEYCHAIN=1 and none is reachable',
    () => {
      throw new Error(`PD_REQUIRE_KEYCHAIN=1 but ${unavailable}`);
    },
  );
});

describe.skipIf(unavailable !== null)('vault: keytar against the real system keychain', () => {
  const vault = createKeytarVault({ service });

  afterAll(async () => {
    for (const s of [service, otherService])
      for (const { account } of await keytar.findCredentials(s)) await keytar.deletePassword(s, account);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('returns null for a secret that was never stored', async () => {
    expect(await vault.get('xconnector.apiKey')).toBeNull();
    expect(await vault.has('xconnector.apiKey')).toBe(false);
  });

  it('stores a secret, reads it back, replaces it and deletes it', async () => {
    await vault.set('tradingGrid.clientSecret', 'first-value-1234');
    expect(await vault.get('tradingGrid.clientSecret')).toBe('first-value-1234');
    expect(await vault.has('tradingGrid.clientSecret')).toBe(true);

    await vault.set('tradingGrid.clientSecret', 'second-value-5678');
    expect(await vault.get('tradingGrid.clientSecret')).toBe('second-value-5678');

    expect(await vault.delete('tradingGrid.clientSecret')).toBe(true);
    expect(await vault.get('tradingGrid.clientSecret')).toBeNull();
    expect(await vault.delete('tradingGrid.clientSecret')).toBe(false);
  });

  it('puts each secret in its own keychain entry under the configured service name', async () => {
    await vault.set('xconnector.apiKey', 'api-key-value');
    expect(await keytar.getPassword(service, 'xconnector.apiKey')).toBe('api-key-value');
  });

  it('keeps the entries of different services apart', async () => {
    const other = createKeytarVault({ service: otherService });
    await vault.set('shared.name', 'from-the-first');
    await other.set('shared.name', 'from-the-second');
    expect(await vault.get('shared.name')).toBe('from-the-first');
    expect(await other.get('shared.name')).toBe('from-the-second');
    await other.delete('shared.name');
    expect(await vault.get('shared.name')).toBe('from-the-first');
  });

  it('round-trips unicode and long values byte for byte', async () => {
    const unicode = 'pässwörd-🔑-秘密-' + 'x'.repeat(16);
    const long = 'eyJ' + 'A'.repeat(2400);
    await vault.set('unicode.value', unicode);
    await vault.set('long.token', long);
    expect(await vault.get('unicode.value')).toBe(unicode);
    expect(await vault.get('long.token')).toBe(long);
  });

  it('serves the engine through a CredentialSource that reads the keychain each time', async () => {
    const credentials = credentialSourceFromVault(vault);
    await vault.set('xconnector.apiKey', 'key-one');
    expect(await credentials.get('xconnector.apiKey')).toBe('key-one');
    await vault.set('xconnector.apiKey', 'key-two');
    expect(await credentials.get('xconnector.apiKey')).toBe('key-two');
    expect(await credentials.get('missing.entry')).toBeNull();
  });

  it('refuses an invalid name or an empty value without touching the keychain', async () => {
    await expect(vault.set('bad name with spaces', 'v')).rejects.toMatchObject({ kind: 'invalid_name' });
    await expect(vault.get('')).rejects.toBeInstanceOf(VaultError);
    await expect(vault.set('empty.value', '   ')).rejects.toMatchObject({ kind: 'invalid_value' });
    expect(await keytar.getPassword(service, 'empty.value')).toBeNull();
  });
});
