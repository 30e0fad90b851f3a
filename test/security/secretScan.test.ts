// The scanner behind the "no secret anywhere" test finds what it is meant to find: a scan that could
// not see a secret would pass for the wrong reason.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretScanner } from './secretScan.ts';

const secret = { label: 'the API key', value: 'pdsecret-apikey-Zx9/+q=' };

describe('security: the secret scanner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['utf8', Buffer.from(`{"apiKey":"${secret.value}"}`)],
    ['utf16le', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret.value, 'utf16le')])],
    ['base64', Buffer.from(`Authorization: Basic ${Buffer.from(secret.value).toString('base64')}`)],
    ['base64url', Buffer.from(Buffer.from(secret.value).toString('base64url'))],
    ['url-encoded', Buffer.from(`client_secret=${encodeURIComponent(secret.value)}&x=1`)],
  ])('finds a secret written as %s, naming where but never the value', (encoding, bytes) => {
    const scan = createSecretScanner([secret]);
    scan.scanBytes('a log', bytes);
    expect(scan.findings()).toContainEqual({ secret: 'the API key', encoding, where: 'a log' });
    expect(JSON.stringify(scan.findings())).not.toContain(secret.value);
  });

  it('reads every file below a folder, however deep', () => {
    mkdirSync(join(dir, 'live', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'live', 'partner-desk.sqlite-wal'), Buffer.from(`\0\0${secret.value}\0`));
    writeFileSync(join(dir, 'live', 'deeper', 'clean.txt'), 'nothing here');
    const scan = createSecretScanner([secret]);
    expect(scan.scanTree(dir).sort()).toEqual([
      join(dir, 'live', 'deeper', 'clean.txt'),
      join(dir, 'live', 'partner-desk.sqlite-wal'),
    ]);
    expect(scan.findings()).toEqual([
      { secret: 'the API key', encoding: 'utf8', where: join(dir, 'live', 'partner-desk.sqlite-wal') },
    ]);
  });

  it('finds nothing in bytes without the secret', () => {
    const scan = createSecretScanner([secret]);
    scan.scanText('settings', '{"xconnector":{"apiKeySecretName":"xconnector.apiKey"}}');
    expect(scan.findings()).toEqual([]);
  });
});
