// xConnector's dispute documents are copied to a spool folder in the data folder before they go to
// Trading Grid: the bytes are checked once against the document's size and SHA-256 (so a corrupt copy
// is never attached), and an upload that resumes after a crash reads them locally instead of asking
// xConnector again. An interrupted download continues from where it stopped (a Range request); the
// spool file is removed once the document is attached or has failed for good (what a dead letter, a
// discard or a crash leaves behind, spoolSweep.ts removes). Files partners attach
// in Trading Grid take the same road the other way, into xConnector (flows 5 and 7).
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RemoteError } from '../engine/ports.ts';
import type { XConnectorDocumentPort } from './documentPorts.ts';
import { fingerprintFile, type Fingerprint } from './contentHash.ts';
import { fileProblem } from './fileProblems.ts';
import { HEAD_BYTES } from './fileTypes.ts';

export interface SpoolRequest {
  /** The desk's document row (names the spool file, so two cases never share one). */
  documentId: number;
  /** xConnector's document id. */
  sourceRef: string;
  sha256: string;
  sizeBytes: number;
  /** Who sends the bytes, as messages name it: xConnector unless said (partners' files: Trading Grid). */
  system?: string;
}

export type SpoolResult =
  /** `head`: the file's first bytes (up to HEAD_BYTES), when this call downloaded it from the start. */
  | { kind: 'ready'; path: string; head?: Buffer }
  | { kind: 'failed'; reason: string }
  | { kind: 'error'; error: RemoteError };

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

export function spoolPath(dir: string, r: Pick<SpoolRequest, 'documentId' | 'sha256'>): string {
  return join(dir, `${r.documentId}-${r.sha256}`);
}

function localError(what: string, error: unknown): RemoteError {
  return {
    kind: 'internal',
    message: `Partner Desk could not ${what} in its data folder: ${fileProblem(error)}`,
    retryable: true,
    maybeApplied: false,
  };
}

export async function spoolDocument(
  port: Pick<XConnectorDocumentPort, 'downloadDocument'>,
  dir: string,
  r: SpoolRequest,
  signal?: AbortSignal,
): Promise<SpoolResult> {
  const done = spoolPath(dir, r);
  const part = `${done}.part`;
  const system = r.system ?? 'xConnector';
  if ((await sizeOf(done)) === r.sizeBytes) return { kind: 'ready', path: done };
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return { kind: 'error', error: localError('create the spool folder', error) };
  }

  let have = (await sizeOf(part)) ?? 0;
  let streamed: { hash: Hash; bytes: number; head: Buffer[]; headBytes: number } | null = null;
  if (have > r.sizeBytes) {
    await truncate(part, 0).catch(() => undefined);
    have = 0;
  }
  if (have < r.sizeBytes) {
    const got = await port.downloadDocument(r.sourceRef, have, signal);
    if (!got.ok) {
      if (got.error.kind === 'not_found')
        return { kind: 'failed', reason: `${system} no longer has this document (${r.sourceRef}).` };
      if (got.error.status === 416) await truncate(part, 0).catch(() => undefined);
      return { kind: 'error', error: got.error };
    }
    // A server that ignored the Range sends everything: start the copy again from the beginning.
    const from = got.value.partial ? have : 0;
    let written = from;
    // A copy from the first byte is hashed (and its head kept for the type check) as it streams past,
    // so the file is not read back.
    const copy = (streamed =
      from === 0 ? { hash: createHash('sha256'), bytes: 0, head: [] as Buffer[], headBytes: 0 } : null);
    const guard = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        written += chunk.length;
        if (copy) {
          copy.hash.update(chunk);
          copy.bytes += chunk.length;
          if (copy.headBytes < HEAD_BYTES) {
            const take = chunk.subarray(0, HEAD_BYTES - copy.headBytes);
            copy.head.push(Buffer.from(take));
            copy.headBytes += take.length;
          }
        }
        if (written > r.sizeBytes)
          return next(new TooLong(`${system} sent more than the ${r.sizeBytes} bytes the document declares`));
        next(null, chunk);
      },
    });
    try {
      await pipeline(got.value.body, guard, createWriteStream(part, { flags: from > 0 ? 'a' : 'w' }));
    } catch (error) {
      if (error instanceof TooLong) {
        await rm(part, { force: true });
        return { kind: 'failed', reason: `${error.message}; nothing was attached.` };
      }
      // What arrived stays in the .part file; the next attempt asks for the rest.
      return {
        kind: 'error',
        error: {
          kind: 'network',
          message: `The download of document ${r.sourceRef} from ${system} broke off after ${written} of ${r.sizeBytes} bytes; it will continue from there.`,
          retryable: true,
          maybeApplied: false,
        },
      };
    }
  }

  let fingerprint: Fingerprint;
  try {
    fingerprint = streamed
      ? { sha256: streamed.hash.digest('hex'), bytes: streamed.bytes }
      : await fingerprintFile(part, signal, r.sizeBytes);
  } catch (error) {
    return { kind: 'error', error: localError('read the downloaded document', error) };
  }
  if (fingerprint.bytes !== r.sizeBytes || fingerprint.sha256 !== r.sha256) {
    await rm(part, { force: true });
    return {
      kind: 'failed',
      reason: `The bytes ${system} sent for this document do not match its declared size and SHA-256 fingerprint (got ${fingerprint.bytes} bytes, ${fingerprint.sha256.slice(0, 12)}…), so it was not attached.`,
    };
  }
  try {
    await rename(part, done);
  } catch (error) {
    return { kind: 'error', error: localError('keep the downloaded document', error) };
  }
  return streamed
    ? { kind: 'ready', path: done, head: Buffer.concat(streamed.head, streamed.headBytes) }
    : { kind: 'ready', path: done };
}

/** The first bytes of a spooled file (up to HEAD_BYTES), from the download if it kept them. */
export async function spooledHead(
  spooled: Extract<SpoolResult, { kind: 'ready' }>,
  sizeBytes: number,
): Promise<Buffer> {
  if (spooled.head) return spooled.head;
  const head = Buffer.alloc(Math.min(HEAD_BYTES, sizeBytes));
  const handle = await open(spooled.path, 'r');
  await handle.read(head, 0, head.length, 0).finally(() => handle.close());
  return head;
}

export async function removeSpooled(
  dir: string,
  r: Pick<SpoolRequest, 'documentId' | 'sha256'>,
): Promise<void> {
  const path = spoolPath(dir, r);
  // unlink, not rm: one call each, and a file that is not there is what was wanted.
  await Promise.all([unlink(path), unlink(`${path}.part`)].map((p) => p.catch(() => undefined)));
}

class TooLong extends Error {}
