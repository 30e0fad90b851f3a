// The real preload (electron/preload.ts) on the recording fake of Electron: it puts one object in the
// page's world, window.partnerDesk, holding three functions and nothing of Electron's — no ipcRenderer,
// no webUtils — and that object cannot be changed by the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recorded, resetRecorded } from './testing/fakeElectron.ts';

vi.mock('electron', () => import('./testing/fakeElectron.ts'));

beforeAll(async () => {
  resetRecorded('/tmp/pd-preload-unused');
  await import('../../preload.ts');
});

describe('security in the shell as built: the preload', () => {
  it('exposes window.partnerDesk and nothing else', () => {
    expect(recorded.exposed.map((e) => e.key)).toEqual(['partnerDesk']);
  });

  it('gives the page three functions, frozen, and no Electron object', () => {
    const api = recorded.exposed[0]?.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathsForDroppedFiles']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends only contract channels to the main process', async () => {
    const api = recorded.exposed[0]?.api as { invoke(c: string, a?: unknown): Promise<unknown> };
    await expect(api.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(/Unknown IPC channel/);
    await expect(api.invoke('shell:droppedFiles', ['/etc/passwd'])).rejects.toThrow(/Unknown IPC channel/);
    await api.invoke('app:info');
    expect(recorded.calls.filter((c) => c.what === 'ipcRenderer.invoke').map((c) => c.args[0])).toEqual([
      'app:info',
    ]);
  });
});
