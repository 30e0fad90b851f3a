// What the drop zone lists: one row per dropped file, from the moment it is accepted or refused until
// the person leaves the case. Rows are fed by the `documents:upload` answer and then by `upload:progress`
// events, which may arrive in any order (an event can even beat the answer that names its upload).
import type { UploadProgress, UploadResult } from '../../shared/ipc/dto.ts';

export type UploadRowState = UploadProgress['state'];

export interface UploadRow {
  /** The engine's upload id (refused files have one too). */
  key: string;
  name: string;
  sentBytes: number;
  totalBytes: number;
  state: UploadRowState;
  /** Why a file was refused or failed, in the engine's words. */
  message: string | null;
}

const FINAL: ReadonlySet<UploadRowState> = new Set(['attached', 'failed', 'refused', 'duplicate']);

export function isFinished(row: UploadRow): boolean {
  return FINAL.has(row.state);
}

/**
 * Adds the engine's answer to a drop: accepted files start queued, refused ones carry their reason.
 * Every file, refused or not, is keyed by the engine's upload id, which its `upload:progress` events
 * also carry: one file is one row, whichever of the answer and the events arrives first.
 */
export function addUploadResult(rows: readonly UploadRow[], result: UploadResult): UploadRow[] {
  const next = [...rows];
  for (const a of result.accepted) {
    if (next.some((r) => r.key === a.uploadId)) continue; // a progress event got here first
    next.push({
      key: a.uploadId,
      name: a.name,
      sentBytes: 0,
      totalBytes: a.sizeBytes,
      state: 'queued',
      message: null,
    });
  }
  for (const r of result.refused) {
    const index = next.findIndex((row) => row.key === r.uploadId);
    if (index !== -1) {
      // Its `refused`/`duplicate` event got here first: keep that row (and its size and state), with the reason.
      const current = next[index] as UploadRow;
      next[index] = { ...current, message: current.message ?? r.reason };
      continue;
    }
    next.push({
      key: r.uploadId,
      name: r.name,
      sentBytes: 0,
      totalBytes: 0,
      state: 'refused',
      message: r.reason,
    });
  }
  return next;
}

/** Applies one progress event. A finished row never goes back to uploading (events can be reordered). */
export function applyUploadProgress(rows: readonly UploadRow[], p: UploadProgress): UploadRow[] {
  const index = rows.findIndex((r) => r.key === p.uploadId);
  const updated: UploadRow = {
    key: p.uploadId,
    name: p.name,
    sentBytes: Math.max(0, p.sentBytes),
    totalBytes: Math.max(0, p.totalBytes),
    state: p.state,
    message: p.message ?? null,
  };
  if (index === -1) return [...rows, updated];
  const current = rows[index] as UploadRow;
  if (isFinished(current) && !isFinished(updated)) return [...rows];
  const next = [...rows];
  next[index] = { ...updated, sentBytes: Math.max(current.sentBytes, updated.sentBytes) };
  return next;
}

/** 0..1, or null when the size is unknown. */
export function uploadFraction(row: UploadRow): number | null {
  if (row.state === 'attached') return 1;
  if (row.totalBytes <= 0) return null;
  return Math.min(1, row.sentBytes / row.totalBytes);
}

/** The row's status line: "Refused: too large (12 MB, limit 10 MB)", "Attached", "Uploading 40 %". */
export function uploadStatusText(row: UploadRow): string {
  switch (row.state) {
    case 'queued':
      return 'Waiting to upload';
    case 'uploading': {
      const f = uploadFraction(row);
      return f === null ? 'Uploading' : `Uploading ${Math.round(f * 100)} %`;
    }
    case 'attached':
      return 'Attached';
    case 'duplicate':
      return `Refused: ${row.message ?? 'this file is already attached to the case'}`;
    case 'refused':
      return `Refused: ${row.message ?? 'the engine did not say why'}`;
    case 'failed':
      return `Failed: ${row.message ?? 'the upload did not complete'}`;
  }
}
