// The SHA-256 of a file, read as a stream so a 1 GB file costs one buffer of memory, not a gigabyte.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface Fingerprint {
  sha256: string;
  bytes: number;
}

const READ_BUFFER = 1024 * 1024;
const MIN_READ_BUFFER = 16 * 1024;

/**
 * `sizeHint` (the size a stat just gave) sizes the read buffer: each read allocates a whole buffer, so a
 * drop of thousands of small files read with 1 MiB buffers would spend its time collecting garbage.
 */
export async function fingerprintFile(
  path: string,
  signal?: AbortSignal,
  sizeHint?: number,
): Promise<Fingerprint> {
  const hash = createHash('sha256');
  let bytes = 0;
  // One byte more than the hint lets a file of exactly that size end in one read.
  const highWaterMark =
    sizeHint === undefined ? READ_BUFFER : Math.max(MIN_READ_BUFFER, Math.min(READ_BUFFER, sizeHint + 1));
  const stream = createReadStream(path, { highWaterMark, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
