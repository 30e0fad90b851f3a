// Moves a settings file that cannot be used out of the way, keeping its bytes exactly, so the app can
// start from defaults without destroying what the user had: they (or support) can open the backup.
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Renames `path` to `<name>.corrupt-<timestamp>.json` beside it and returns the new path. */
export function moveAside(path: string, now: number): string {
  const ext = extname(path);
  const name = basename(path, ext);
  // ISO time without ':' and '.', which Windows refuses in file names; sorts by time in a listing.
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let backup = join(dirname(path), `${name}.corrupt-${stamp}${ext}`);
  for (let n = 2; existsSync(backup); n++)
    backup = join(dirname(path), `${name}.corrupt-${stamp}-${n}${ext}`);
  renameSync(path, backup);
  return backup;
}
