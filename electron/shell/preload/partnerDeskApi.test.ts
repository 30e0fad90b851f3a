// The object the preload exposes as window.partnerDesk, driven through a fake ipcRenderer.
import { describe, expect, it } from 'vitest';
import { createPartnerDeskApi, type RendererIpc } from './partnerDeskApi.ts';
import type { PartnerDeskApi } from '../../../shared/ipc/contract.ts';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpc(reply: (channel: string, args: unknown) => unknown = () => ({ ok: true, value: 'v' })) {
  const calls: { channel: string; args: unknown }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: RendererIpc = {
    invoke: async (channel, args) => {
      calls.push({ channel, args });
      return reply(channel, args);
    },
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? [])
      l({ sender: 'the ipcRenderer itself', senderId: 0 }, payload);
  };
  return { ipc, calls, listeners, emit };
}

const noPaths = () => '';

describe('preload: window.partnerDesk', () => {
  it('has exactly invoke, on and pathsForDroppedFiles, and cannot be changed', () => {
    const api = createPartnerDeskApi(fakeIpc().ipc, noPaths);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathsForDroppedFiles']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a contract call and resolves with the main process’s value', async () => {
    const f = fakeIpc(() => ({ ok: true, value: { items: [], total: 0 } }));
    const api = createPartnerDeskApi(f.ipc, noPaths);
    await expect(api.invoke('cases:list', { text: 'ACME' })).resolves.toEqual({ items: [], total: 0 });
    expect(f.calls).toEqual([{ channel: 'cases:list', args: { text: 'ACME' } }]);
  });

  it('sends an empty object when a call has no arguments', async () => {
    const f = fakeIpc();
    await createPartnerDeskApi(f.ipc, noPaths).invoke('health:get', undefined as never);
    expect(f.calls[0]?.args).toEqual({});
  });

  it('refuses a channel that is not in the contract without sending anything', async () => {
    const f = fakeIpc();
    const api = createPartnerDeskApi(f.ipc, noPaths) as unknown as {
      invoke(c: string, a: unknown): Promise<unknown>;
    };
    await expect(api.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(
      'Unknown IPC channel "fs:readFile"',
    );
    await expect(api.invoke('__proto__', {})).rejects.toThrow(/Unknown IPC channel/);
    await expect(api.invoke('toString', {})).rejects.toThrow(/Unknown IPC channel/);
    expect(f.calls).toEqual([]);
  });

  it('rejects with the main process’s own message when it refuses a call', async () => {
    const f = fakeIpc(() => ({
      ok: false,
      error: { kind: 'invalid_request', message: 'Invalid arguments for cases:get: caseId Too small' },
    }));
    await expect(createPartnerDeskApi(f.ipc, noPaths).invoke('cases:get', { caseId: '' })).rejects.toThrow(
      'Invalid arguments for cases:get: caseId Too small',
    );
  });

  it('rejects when the answer is not a reply at all', async () => {
    const f = fakeIpc(() => 'surprise');
    await expect(createPartnerDeskApi(f.ipc, noPaths).invoke('app:info', {})).rejects.toThrow(
      /no usable answer to app:info/,
    );
  });
});

describe('preload: events', () => {
  it('delivers the payload only, never Electron’s event object', () => {
    const f = fakeIpc();
    const seen: unknown[] = [];
    createPartnerDeskApi(f.ipc, noPaths).on('engine:caseChanged', (p) => seen.push(p));
    f.emit('engine:caseChanged', { caseId: 'exc:E-1' });
    expect(seen).toEqual([{ caseId: 'exc:E-1' }]);
  });

  it('unsubscribes with the function it returns, once', () => {
    const f = fakeIpc();
    const seen: unknown[] = [];
    const off = createPartnerDeskApi(f.ipc, noPaths).on('navigate', (p) => seen.push(p));
    off();
    off();
    f.emit('navigate', { target: 'view:inbox' });
    expect(seen).toEqual([]);
    expect(f.listeners.get('navigate')?.size).toBe(0);
  });

  it('refuses to listen to anything that is not a contract event', () => {
    const api = createPartnerDeskApi(fakeIpc().ipc, noPaths) as unknown as {
      on(e: string, l: unknown): () => void;
    };
    expect(() => api.on('ELECTRON_BROWSER_WINDOW_ALERT', () => {})).toThrow(/Unknown event/);
    expect(() => api.on('navigate', 'not a function')).toThrow(/must be a function/);
  });
});

describe('preload: dropped files', () => {
  it('asks Electron for each dropped file’s path, and grants those paths for upload in main', async () => {
    const files = [new File(['a'], 'pod.pdf'), new File(['b'], 'invoice.pdf')];
    const paths = new Map<File, string>([
      [files[0]!, '/home/desk/pod.pdf'],
      [files[1]!, '/home/desk/invoice.pdf'],
    ]);
    const f = fakeIpc(() => ({ ok: true, value: null }));
    const api: PartnerDeskApi = createPartnerDeskApi(f.ipc, (file) => paths.get(file) ?? '');
    await expect(api.pathsForDroppedFiles(files)).resolves.toEqual([
      '/home/desk/pod.pdf',
      '/home/desk/invoice.pdf',
    ]);
    expect(f.calls).toEqual([
      { channel: 'shell:droppedFiles', args: ['/home/desk/pod.pdf', '/home/desk/invoice.pdf'] },
    ]);
  });

  it('fails when main refuses the dropped files', async () => {
    const f = fakeIpc(() => ({
      ok: false,
      error: { kind: 'forbidden', message: 'Refused: the page is not ours.' },
    }));
    const api = createPartnerDeskApi(f.ipc, () => '/x.pdf');
    await expect(api.pathsForDroppedFiles([new File(['x'], 'x.pdf')])).rejects.toThrow(
      'Refused: the page is not ours.',
    );
  });

  it('leaves out files that have no path on disk (made by the page, not dropped)', async () => {
    const f = fakeIpc();
    const api = createPartnerDeskApi(f.ipc, () => '');
    await expect(api.pathsForDroppedFiles([new File(['x'], 'made-up.txt')])).resolves.toEqual([]);
    expect(f.calls).toEqual([]);
  });
});
