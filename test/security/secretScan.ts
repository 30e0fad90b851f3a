// Looks for secrets in bytes: each secret as written (UTF-8), as SQLite or Windows would store it in
// UTF-16, base64- and URL-encoded, so a value that was merely re-encoded on its way to disk still counts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Secret {
  /** What the secret is, for the failure message (never the value itself). */
  label: string;
  value: string;
}

export interface Finding {
  secret: string;
  encoding: string;
  where: string;
}

function forms(value: string): [string, Buffer][] {
  return [
    ['utf8', Buffer.from(value, 'utf8')],
    ['utf16le', Buffer.from(value, 'utf16le')],
    ['base64', Buffer.from(Buffer.from(value, 'utf8').toString('base64'), 'utf8')],
    ['base64url', Buffer.from(Buffer.from(value, 'utf8').toString('base64url'), 'utf8')],
    ['url-encoded', Buffer.from(encodeURIComponent(value), 'utf8')],
  ];
}

export function createSecretScanner(secrets: readonly Secret[]) {
  const needles = secrets.flatMap((s) =>
    forms(s.value).map(([encoding, bytes]) => ({ label: s.label, encoding, bytes })),
  );
  const findings: Finding[] = [];
  const places: string[] = [];

  const scanBytes = (where: string, bytes: Buffer) => {
    places.push(where);
    for (const n of needles)
      if (bytes.includes(n.bytes)) findings.push({ secret: n.label, encoding: n.encoding, where });
  };

  return {
    scanBytes,
    scanText: (where: string, text: string) => scanBytes(where, Buffer.from(text, 'utf8')),
    /** Every regular file below `dir`, byte for byte; returns the files read. */
    scanTree(dir: string): string[] {
      const files = listFiles(dir);
      const read: string[] = [];
      for (const file of files) {
        const bytes = readIfPresent(file);
        if (bytes) {
          scanBytes(file, bytes);
          read.push(file);
        }
      }
      return read;
    },
    findings: () => [...findings],
    places: () => [...places],
  };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) continue; // removed while listing (a -wal checkpointed away)
    if (s.isDirectory()) out.push(...listFiles(path));
    else if (s.isFile()) out.push(path);
  }
  return out;
}

/** A -wal or -shm file may be checkpointed away between listing and reading it. */
function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
