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
  const highWaterMark = sizeHint === undefined ? READ_BUFFER : readBufferFor(sizeHint);
  const stream = createReadStream(path, { highWaterMark, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * The read buffer for `bytes` of a file: every read allocates a whole buffer, so small files read with
 * big buffers spend their time collecting garbage. One byte more than the size lets a read of exactly
 * that size end in one call.
 */
export function readBufferFor(bytes: number, max = READ_BUFFER): number {
  return Math.max(MIN_READ_BUFFER, Math.min(max, bytes + 1));
}
