// The SHA-256 of a file, read as a stream so a 1 GB file costs one buffer of memory, not a gigabyte.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface Fingerprint {
  sha256: string;
  bytes: number;
}

const READ_BUFFER = 1024 * 1024;

export async function fingerprintFile(path: string, signal?: AbortSignal): Promise<Fingerprint> {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: READ_BUFFER, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
