// A first look at a file a person chose: that it is an ordinary, readable file, how big it is, when it
// last changed, and its first bytes (for the type check). Folders, devices, pipes and sockets are
// refused before anything tries to read them (reading a pipe would wait forever).
import { open, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { HEAD_BYTES } from './fileTypes.ts';
import { fileProblem } from './fileProblems.ts';

export type Inspection =
  { ok: true; sizeBytes: number; mtimeMs: number; head: Buffer } | { ok: false; reason: string };

export async function inspectFile(path: string): Promise<Inspection> {
  if (!isAbsolute(path) || path.includes('\0'))
    return { ok: false, reason: 'The file path is not a full path to a file on this computer.' };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return { ok: false, reason: fileProblem(error) };
  }
  if (info.isDirectory())
    return { ok: false, reason: 'This is a folder, not a file: drop the files inside it instead.' };
  if (!info.isFile())
    return {
      ok: false,
      reason: 'This is not an ordinary file (it is a device, pipe or socket), so it cannot be attached.',
    };
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { ok: true, sizeBytes: info.size, mtimeMs: info.mtimeMs, head: head.subarray(0, bytesRead) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: fileProblem(error) };
  }
}
