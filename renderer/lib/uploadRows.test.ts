import { describe, expect, it } from 'vitest';
import type { UploadProgress } from '../../shared/ipc/dto.ts';
import { addUploadResult, applyUploadProgress, uploadFraction, uploadStatusText } from './uploadRows.ts';

const progress = (p: Partial<UploadProgress>): UploadProgress => ({
  uploadId: 'U-1',
  caseId: 'exc:EX-1',
  name: 'pod.pdf',
  sentBytes: 0,
  totalBytes: 1000,
  state: 'uploading',
  ...p,
});

describe('the drop zone upload list', () => {
  it('lists accepted files as waiting and refused files with their reason', () => {
    const rows = addUploadResult(
      [],
      {
        accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }],
        refused: [{ name: 'setup.exe', reason: 'type not allowed: application/x-msdownload' }],
      },
      'd1',
    );
    expect(rows.map((r) => [r.name, uploadStatusText(r)])).toEqual([
      ['pod.pdf', 'Waiting to upload'],
      ['setup.exe', 'Refused: type not allowed: application/x-msdownload'],
    ]);
  });

  it('shows progress as events arrive and the attachment at the end', () => {
    let rows = addUploadResult(
      [],
      { accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }], refused: [] },
      'd1',
    );
    rows = applyUploadProgress(rows, progress({ sentBytes: 400 }));
    expect(uploadFraction(rows[0]!)).toBe(0.4);
    expect(uploadStatusText(rows[0]!)).toBe('Uploading 40 %');
    rows = applyUploadProgress(rows, progress({ sentBytes: 1000, state: 'attached' }));
    expect(uploadStatusText(rows[0]!)).toBe('Attached');
    expect(rows).toHaveLength(1);
  });

  it('keeps a row whose progress event came before the answer that named it', () => {
    let rows = applyUploadProgress([], progress({ sentBytes: 300 }));
    rows = addUploadResult(
      rows,
      { accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }], refused: [] },
      'd1',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sentBytes).toBe(300);
  });

  it('never moves a finished upload back to uploading when events are reordered', () => {
    let rows = applyUploadProgress([], progress({ sentBytes: 1000, state: 'attached' }));
    rows = applyUploadProgress(rows, progress({ sentBytes: 600, state: 'uploading' }));
    expect(rows[0]!.state).toBe('attached');
  });

  it('says why a duplicate was refused', () => {
    const rows = applyUploadProgress(
      [],
      progress({ state: 'duplicate', message: 'already attached as POD-1.pdf' }),
    );
    expect(uploadStatusText(rows[0]!)).toBe('Refused: already attached as POD-1.pdf');
    const bare = applyUploadProgress([], progress({ state: 'duplicate' }));
    expect(uploadStatusText(bare[0]!)).toBe('Refused: this file is already attached to the case');
  });

  it('keeps two refusals of files with the same name apart', () => {
    const refused = { accepted: [], refused: [{ name: 'a.exe', reason: 'type' }] };
    const rows = addUploadResult(addUploadResult([], refused, 'd1'), refused, 'd2');
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });
});
