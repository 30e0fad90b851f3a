// Before (and while) a dropped file is uploaded: is it still there, and still the bytes the person
// dropped? A file that vanished or changed fails with a reason instead of attaching other bytes than
// those fingerprinted when it was dropped.
import { stat } from 'node:fs/promises';
import { byteWords } from './byteWords.ts';
import { fingerprintFile } from './contentHash.ts';
import { fileProblem } from './fileProblems.ts';

export type DroppedFileCheck =
  { kind: 'ready'; path: string; mtimeMs: number } | { kind: 'failed'; reason: string };

export interface DroppedFile {
  path: string;
  sizeBytes: number;
  sha256: string;
  /** Modification time when it was fingerprinted; a different one means reading it again. */
  mtimeMs: number | null;
}

const CHANGED = 'Drop it again to attach its current version.';

export async function checkDroppedFile(file: DroppedFile, signal?: AbortSignal): Promise<DroppedFileCheck> {
  let info;
  try {
    info = await stat(file.path);
  } catch (error) {
    return { kind: 'failed', reason: `${fileProblem(error)} Nothing was attached.` };
  }
  if (!info.isFile())
    return { kind: 'failed', reason: 'The dropped file was replaced by something that is not a file.' };
  if (info.size !== file.sizeBytes)
    return {
      kind: 'failed',
      reason: `The file changed after it was dropped (it was ${byteWords(file.sizeBytes)}, it is now ${byteWords(info.size)}), so nothing was attached. ${CHANGED}`,
    };
  if (file.mtimeMs !== null && info.mtimeMs === file.mtimeMs)
    return { kind: 'ready', path: file.path, mtimeMs: info.mtimeMs };
  // Touched since: only the bytes can say whether it is still the same file.
  try {
    const now = await fingerprintFile(file.path, signal, file.sizeBytes);
    if (now.sha256 !== file.sha256)
      return {
        kind: 'failed',
        reason: `The file's content changed after it was dropped, so nothing was attached. ${CHANGED}`,
      };
  } catch (error) {
    return { kind: 'failed', reason: `${fileProblem(error)} Nothing was attached.` };
  }
  return { kind: 'ready', path: file.path, mtimeMs: info.mtimeMs };
}

/** The reason given when Trading Grid found other bytes than the fingerprint promised. */
export const CHANGED_DURING_UPLOAD = `The file changed while it was being uploaded: the bytes Trading Grid received do not match the fingerprint taken when it was dropped, so nothing was attached. ${CHANGED}`;
