// How the browser learns a dropped file's path. In Electron the preload asks webUtils.getPathForFile for
// the file's real path on disk; a browser page has no paths, so the bridge script posts the bytes here
// and gets back the path of a copy. From then on the engine streams from that path exactly as it would
// from the person's own file.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';

export const FILE_NAME_HEADER = 'x-file-name';

export class DroppedFileError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * The file's name as the person's disk would hold it, made safe for ours: only the last path segment,
 * no control characters, at most 255 bytes. The copy keeps that name because the engine shows and
 * checks the name it finds in the path (hostile names are the engine's to judge, not the bridge's).
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') name = 'unnamed';
  while (Buffer.byteLength(name, 'utf8') > 255) name = name.slice(0, -1);
  return name;
}

export interface DroppedFiles {
  /** Streams the request body to a new file and returns its absolute path. */
  receive(req: IncomingMessage): Promise<string>;
  readonly folder: string;
  close(): void;
}

export function createDroppedFiles(maxBytes: number): DroppedFiles {
  const folder = mkdtempSync(join(tmpdir(), 'pd-bridge-drops-'));
  return {
    folder,
    async receive(req) {
      const header = req.headers[FILE_NAME_HEADER];
      if (typeof header !== 'string' || header === '')
        throw new DroppedFileError(
          400,
          `The ${FILE_NAME_HEADER} header (the file's name, URI-encoded) is missing.`,
        );
      let name: string;
      try {
        name = safeFileName(decodeURIComponent(header));
      } catch {
        throw new DroppedFileError(400, `The ${FILE_NAME_HEADER} header is not valid URI encoding.`);
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBytes)
        throw new DroppedFileError(413, `The file is larger than the bridge accepts (${maxBytes} bytes).`);
      // Each drop gets its own folder so two files of the same name never overwrite each other.
      const dir = join(folder, randomBytes(8).toString('hex'));
      mkdirSync(dir);
      const path = join(dir, name);
      const out = createWriteStream(path, { flags: 'wx' });
      let received = 0;
      try {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          received += chunk.length;
          // Past the limit keep reading and dropping, so the client still gets the 413 answer.
          if (received > maxBytes) continue;
          if (!out.write(chunk)) await once(out, 'drain');
        }
        out.end();
        await finished(out);
      } catch (error) {
        out.destroy();
        rmSync(dir, { recursive: true, force: true });
        throw new DroppedFileError(400, `The upload broke off: ${String(error)}`);
      }
      if (received > maxBytes) {
        rmSync(dir, { recursive: true, force: true });
        throw new DroppedFileError(413, `The file is larger than the bridge accepts (${maxBytes} bytes).`);
      }
      return path;
    },
    close() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
