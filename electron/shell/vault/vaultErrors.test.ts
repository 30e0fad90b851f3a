// How keychain failures reach the person: a typed VaultError whose message names the fix, and never the
// secret. Platform failures are reproduced with a fake backend, plus one real run of keytar with no
// Secret Service reachable at all.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKeytarVault } from './keytarVault.ts';
import type { KeychainBackend } from './keytarVault.ts';
import { VaultError } from './vaultError.ts';
import { createMemoryVault } from './memoryVault.ts';
import { credentialSourceFromVault } from './vault.ts';

function failingBackend(message: string): KeychainBackend {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function errorOf(p: Promise<unknown>): Promise<VaultError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError);
    return e as VaultError;
  }
  throw new Error('expected the vault call to fail');
}

describe('vault errors: what the person is told', () => {
  it('says the keychain is unavailable when no Secret Service answers on D-Bus', async () => {
    const vault = createKeytarVault({
      backend: failingBackend('Cannot autolaunch D-Bus without X11 $DISPLAY'),
    });
    const e = await errorOf(vault.get('xconnector.apiKey'));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(/system keychain is unavailable/);
    expect(e.message).toMatch(/try again/);
    expect(e.secretName).toBe('xconnector.apiKey');
  });

  it('says to unlock the keychain when the collection is locked', async () => {
    const vault = createKeytarVault({
      backend: failingBackend('Cannot create an item in a locked collection'),
    });
    const e = await errorOf(vault.set('tradingGrid.clientSecret', 'value-123456'));
    expect(e.kind).toBe('locked');
    expect(e.message).toMatch(/locked.*unlock your keychain and try again/);
  });

  it('says access was not allowed when the user cancels the system prompt', async () => {
    const vault = createKeytarVault({ backend: failingBackend('User canceled the operation.') });
    expect((await errorOf(vault.delete('xconnector.apiKey'))).kind).toBe('denied');
  });

  it('reports anything else as a failure that names the operation and the entry', async () => {
    const vault = createKeytarVault({ backend: failingBackend('Something odd (code 42)') });
    const e = await errorOf(vault.get('xconnector.apiKey'));
    expect(e.kind).toBe('failed');
    expect(e.message).toContain('could not read the secret "xconnector.apiKey"');
    expect(e.message).toContain('Something odd (code 42)');
  });

  it('never carries the secret value, even when the backend echoes it in its error', async () => {
    const secret = 'sup3r-s3cret-value-XYZ';
    const vault = createKeytarVault({
      backend: failingBackend(`could not store password ${secret} for you`),
    });
    const e = await errorOf(vault.set('tradingGrid.clientSecret', secret));
    for (const text of [e.message, String(e), e.stack ?? '', JSON.stringify(e)])
      expect(text).not.toContain(secret);
    expect(e.message).toContain('[secret]');
  });

  it('does not echo an invalid name, which may be a value pasted into the wrong field', async () => {
    const vault = createKeytarVault({ backend: failingBackend('unused') });
    const e = await errorOf(vault.get('pasted secret value !!'));
    expect(e.kind).toBe('invalid_name');
    expect(e.message).not.toContain('pasted secret value');
  });

  it('refuses a value larger than a keychain entry holds, saying how large it is', async () => {
    const vault = createKeytarVault({ backend: failingBackend('unused') });
    const e = await errorOf(vault.set('long.token', 'x'.repeat(3000)));
    expect(e.kind).toBe('invalid_value');
    expect(e.message).toContain('3000 bytes');
  });

  it('gives up with a timeout error when the keychain never answers (e.g. waiting on an unlock prompt)', async () => {
    const never = () => new Promise<never>(() => {});
    const vault = createKeytarVault({
      backend: { getPassword: never, setPassword: never, deletePassword: never },
      timeoutMs: 30,
    });
    const e = await errorOf(vault.get('xconnector.apiKey'));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer.*unlock/);
  });

  it.runIf(process.platform === 'linux')(
    'reports a real keytar call with no D-Bus session as unavailable, with what to do',
    () => {
      const vaultModule = fileURLToPath(new URL('./keytarVault.ts', import.meta.url));
      const script = `
        const { createKeytarVault } = await import(${JSON.stringify(vaultModule)});
        try { await createKeytarVault({ service: 'Partner Desk probe' }).get('xconnector.apiKey'); console.log('NO ERROR'); }
        catch (e) { console.log(JSON.stringify({ name: e.name, kind: e.kind, message: e.message })); }`;
      const env = { ...process.env };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      const run = spawnSync(
        process.execPath,
        ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script],
        {
          env,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string>;
      expect(out).toMatchObject({ name: 'VaultError', kind: 'unavailable' });
      expect(out.message).toMatch(/Secret Service not running.*start or unlock your keychain and try again/);
    },
  );
});

describe('vault: in-memory vault and the engine credential source', () => {
  it('keeps the same contract as the keychain vault', async () => {
    const vault = createMemoryVault({ 'xconnector.apiKey': 'demo-key' });
    const credentials = credentialSourceFromVault(vault);
    expect(await credentials.get('xconnector.apiKey')).toBe('demo-key');
    await vault.set('tradingGrid.clientSecret', 'demo-secret');
    expect(await vault.has('tradingGrid.clientSecret')).toBe(true);
    expect(await vault.delete('tradingGrid.clientSecret')).toBe(true);
    expect(await vault.delete('tradingGrid.clientSecret')).toBe(false);
    await expect(vault.get('not a name')).rejects.toMatchObject({ kind: 'invalid_name' });
  });

  it('passes keychain errors through to the engine, which reports them as auth problems', async () => {
    const vault = createKeytarVault({
      backend: failingBackend('Cannot create an item in a locked collection'),
    });
    await expect(credentialSourceFromVault(vault).get('xconnector.apiKey')).rejects.toMatchObject({
      name: 'VaultError',
      kind: 'locked',
    });
  });
});
