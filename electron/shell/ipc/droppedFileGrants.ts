// Which file paths the window may ask the engine to upload. `documents:upload` takes paths, and a page
// that was somehow subverted could name any file on the disk (an SSH key, a browser profile) and have
// it sent to Trading Grid. A path is only granted when the preload itself read it from a dropped File
// (webUtils.getPathForFile, which a page cannot fake), so an upload can only send what the person
// dropped. Grants expire and are bounded, like any capability.
import { z } from 'zod';

export { DROPPED_FILES_CHANNEL } from './internalChannels.ts';

export const DroppedPaths = z.array(z.string().min(1).max(4096)).max(10_000);

export interface DroppedFileGrants {
  grant(paths: readonly string[]): void;
  /** The paths among these that were not granted (or whose grant expired). */
  notGranted(paths: readonly string[]): string[];
}

export function createDroppedFileGrants(
  options: { ttlMs?: number; max?: number; now?: () => number } = {},
): DroppedFileGrants {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  // Insertion order = age order: re-granting a path moves it to the end.
  const granted = new Map<string, number>();

  return {
    grant(paths) {
      const at = now();
      for (const path of paths) {
        granted.delete(path);
        granted.set(path, at);
      }
      for (const oldest of granted.keys()) {
        if (granted.size <= max) break;
        granted.delete(oldest);
      }
    },
    notGranted(paths) {
      const at = now();
      return paths.filter((path) => {
        const when = granted.get(path);
        return when === undefined || at - when > ttlMs;
      });
    },
  };
}
