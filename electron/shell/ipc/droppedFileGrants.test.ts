import { describe, expect, it } from 'vitest';
import { createDroppedFileGrants, DROPPED_FILES_CHANNEL } from './droppedFileGrants.ts';
import { invokeChannels } from '../../../shared/ipc/contract.ts';

describe('IPC: only dropped files can be uploaded', () => {
  it('allows the paths the preload read from dropped files, and no other', () => {
    const grants = createDroppedFileGrants();
    grants.grant(['/home/desk/pod.pdf', 'C:\\Users\\desk\\invoice.pdf']);
    expect(grants.notGranted(['/home/desk/pod.pdf', 'C:\\Users\\desk\\invoice.pdf'])).toEqual([]);
    expect(grants.notGranted(['/home/desk/.ssh/id_rsa', '/home/desk/pod.pdf'])).toEqual([
      '/home/desk/.ssh/id_rsa',
    ]);
  });

  it('matches paths exactly: a detour to the same file is not the dropped path', () => {
    const grants = createDroppedFileGrants();
    grants.grant(['/home/desk/pod.pdf']);
    expect(grants.notGranted(['/home/desk/../desk/pod.pdf'])).toEqual(['/home/desk/../desk/pod.pdf']);
  });

  it('lets grants expire', () => {
    let t = 0;
    const grants = createDroppedFileGrants({ ttlMs: 1000, now: () => t });
    grants.grant(['/a.pdf']);
    t = 1000;
    expect(grants.notGranted(['/a.pdf'])).toEqual([]);
    t = 1001;
    expect(grants.notGranted(['/a.pdf'])).toEqual(['/a.pdf']);
  });

  it('keeps at most the newest grants', () => {
    const grants = createDroppedFileGrants({ max: 2 });
    grants.grant(['/1', '/2']);
    grants.grant(['/1']);
    grants.grant(['/3']);
    expect(grants.notGranted(['/1', '/2', '/3'])).toEqual(['/2']);
  });

  it('is a channel the window-facing contract does not offer', () => {
    expect(Object.keys(invokeChannels)).not.toContain(DROPPED_FILES_CHANNEL);
  });
});
