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
    const rows = addUploadResult([], {
      accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }],
      refused: [
        {
          uploadId: 'refused:R-1',
          name: 'setup.exe',
          reason: 'type not allowed: application/x-msdownload',
        },
      ],
    });
    expect(rows.map((r) => [r.name, uploadStatusText(r)])).toEqual([
      ['pod.pdf', 'Waiting to upload'],
      ['setup.exe', 'Refused: type not allowed: application/x-msdownload'],
    ]);
  });

  it('shows progress as events arrive and the attachment at the end', () => {
    let rows = addUploadResult([], {
      accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }],
      refused: [],
    });
    rows = applyUploadProgress(rows, progress({ sentBytes: 400 }));
    expect(uploadFraction(rows[0]!)).toBe(0.4);
    expect(uploadStatusText(rows[0]!)).toBe('Uploading 40 %');
    rows = applyUploadProgress(rows, progress({ sentBytes: 1000, state: 'attached' }));
    expect(uploadStatusText(rows[0]!)).toBe('Attached');
    expect(rows).toHaveLength(1);
  });

  it('keeps a row whose progress event came before the answer that named it', () => {
    let rows = applyUploadProgress([], progress({ sentBytes: 300 }));
    rows = addUploadResult(rows, {
      accepted: [{ uploadId: 'U-1', name: 'pod.pdf', sizeBytes: 1000 }],
      refused: [],
    });
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
    const refusal = (uploadId: string) => ({
      accepted: [],
      refused: [{ uploadId, name: 'a.exe', reason: 'type' }],
    });
    const rows = addUploadResult(addUploadResult([], refusal('refused:R-1')), refusal('refused:R-2'));
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('lists a refused file once, whether its progress event comes after the answer or before it', () => {
    const answer = {
      accepted: [],
      refused: [{ uploadId: 'refused:R-1', name: 'huge.pdf', reason: 'too large (12 MB, limit 5 MB)' }],
    };
    const event = progress({
      uploadId: 'refused:R-1',
      name: 'huge.pdf',
      totalBytes: 12_000_000,
      state: 'refused',
      message: 'too large (12 MB, limit 5 MB)',
    });

    const answerFirst = applyUploadProgress(addUploadResult([], answer), event);
    const eventFirst = addUploadResult(applyUploadProgress([], event), answer);
    for (const rows of [answerFirst, eventFirst]) {
      expect(rows).toHaveLength(1);
      expect(rows[0]!.key).toBe('refused:R-1');
      expect(rows[0]!.totalBytes).toBe(12_000_000);
      expect(uploadStatusText(rows[0]!)).toBe('Refused: too large (12 MB, limit 5 MB)');
    }
  });

  it('lists a duplicate once and keeps its state when the answer comes after its event', () => {
    const event = progress({ uploadId: 'refused:R-2', state: 'duplicate', message: 'already attached' });
    const rows = addUploadResult(applyUploadProgress([], event), {
      accepted: [],
      refused: [{ uploadId: 'refused:R-2', name: 'pod.pdf', reason: 'already attached' }],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe('duplicate');
  });
});
