import { describe, expect, it } from 'vitest';
import { engineCredentialAccess } from './engineCredentials.ts';
import { createMemoryVault } from '../vault/memoryVault.ts';
import { AppSettings } from '../../../shared/config/appSettings.ts';

describe('credentials for the engine process', () => {
  const vault = createMemoryVault({
    'xc.prod.key': 'xc-secret',
    'tg.prod.secret': 'tg-secret',
    'some.other.app': 'not for the engine',
  });
  const settings = AppSettings.parse({
    connections: {
      xconnector: { apiKeySecretName: 'xc.prod.key' },
      tradingGrid: { clientSecretName: 'tg.prod.secret' },
    },
  });
  const access = engineCredentialAccess(vault, () => settings);

  it('hands over the secrets the settings name for the connections', async () => {
    await expect(access('xc.prod.key')).resolves.toBe('xc-secret');
    await expect(access('tg.prod.secret')).resolves.toBe('tg-secret');
  });

  it('refuses any other keychain entry, naming it', async () => {
    await expect(access('some.other.app')).rejects.toThrow(
      'The sync engine asked for the secret "some.other.app", which no connection in the settings names; refused.',
    );
  });

  it('answers null for a named secret that is not stored yet', async () => {
    const empty = engineCredentialAccess(createMemoryVault(), () => settings);
    await expect(empty('xc.prod.key')).resolves.toBeNull();
  });
});
