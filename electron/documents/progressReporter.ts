// Progress of uploads, throttled: a 1 GB upload reports a few times a second, not once per 64 KB,
// while every change of state (queued, attached, failed…) is always reported.
import type { DocumentProgress } from './documentEvents.ts';

export interface ProgressReporter {
  report(progress: DocumentProgress): void;
}

export function createProgressReporter(
  publish: (progress: DocumentProgress) => void,
  intervalMs: number,
  now: () => number = Date.now,
): ProgressReporter {
  const last = new Map<string, { at: number; state: string }>();
  return {
    report(p) {
      const previous = last.get(p.uploadId);
      const t = now();
      const final = p.state !== 'uploading' && p.state !== 'queued';
      if (
        p.state === 'uploading' &&
        previous?.state === 'uploading' &&
        t - previous.at < intervalMs &&
        p.sentBytes < p.totalBytes
      )
        return;
      if (final) last.delete(p.uploadId);
      else last.set(p.uploadId, { at: t, state: p.state });
      publish(p);
    },
  };
}
