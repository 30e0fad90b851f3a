import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintFile, readBufferFor } from './contentHash.ts';

const dir = mkdtempSync(join(tmpdir(), 'pd-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file fingerprint', () => {
  it('hashes every byte whatever size hint it is given (a hint only sizes the read buffer)', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(dir, 'file.bin');
    writeFileSync(path, bytes);
    const expected = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    for (const hint of [undefined, 0, 1, 100, bytes.length, bytes.length - 1, bytes.length * 4])
      await expect(fingerprintFile(path, undefined, hint)).resolves.toEqual(expected);
  });

  it('hashes an empty file', async () => {
    const path = join(dir, 'empty.bin');
    writeFileSync(path, Buffer.alloc(0));
    await expect(fingerprintFile(path, undefined, 0)).resolves.toEqual({
      sha256: createHash('sha256').digest('hex'),
      bytes: 0,
    });
  });

  it('sizes read buffers to the file, within a floor and the given ceiling', () => {
    expect(readBufferFor(2_000)).toBe(16 * 1024);
    expect(readBufferFor(100_000)).toBe(100_001);
    expect(readBufferFor(100_000, 64 * 1024)).toBe(64 * 1024);
    expect(readBufferFor(5 * 1024 * 1024 * 1024)).toBe(1024 * 1024);
  });
});
