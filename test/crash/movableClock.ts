// Time that a test driver moves forward while an engine in another process runs on it: the driver
// writes the offset from real time to a small file, and the engine child's clock reads it back. Flow
// 8 needs this: SLA targets fall due only when hours pass, and a chaos run lasts minutes.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { systemClock, type Clock } from '../../electron/engine/clock.ts';

/** How long the child trusts the offset it read last, so `now()` in a hot loop stays cheap. */
const REREAD_MS = 50;

function readOffset(path: string): number {
  const offset = Number(readFileSync(path, 'utf8'));
  if (!Number.isFinite(offset)) throw new Error(`clock file ${path} does not hold a number of milliseconds`);
  return offset;
}

/** The engine child's clock: real time plus the offset in `path`. Never runs backwards. */
export function fileClock(path: string): Clock {
  let offset = readOffset(path);
  let readAt = performance.now();
  let last = 0;
  return {
    now() {
      if (performance.now() - readAt > REREAD_MS) {
        readAt = performance.now();
        try {
          offset = readOffset(path);
        } catch {
          // The driver replaces the file atomically; a failed read keeps the last offset.
        }
      }
      last = Math.max(last, Date.now() + offset);
      return last;
    },
    sleep: systemClock.sleep,
  };
}

export interface MovableTime extends Clock {
  /** Moves time forward by `ms` for this process and, through the file, for the engine child. */
  advance(ms: number): void;
}

/** The driver's side: starts at `start` and writes every move to `path` before returning. */
export function movableTime(path: string, start: number): MovableTime {
  let offset = start - Date.now();
  const publish = () => {
    writeFileSync(`${path}.tmp`, String(offset));
    renameSync(`${path}.tmp`, path);
  };
  publish();
  return {
    now: () => Date.now() + offset,
    sleep: systemClock.sleep,
    advance(ms) {
      if (ms < 0) throw new Error('time only moves forward');
      offset += ms;
      publish();
    },
  };
}
