// The main process's gate for window calls, with fake IpcMainInvokeEvent objects.
import { describe, expect, it } from 'vitest';
import { createDroppedFilesHandler, createInvokeDispatcher, type InvokeEventLike } from './invokeDispatch.ts';
import { createDroppedFileGrants } from './droppedFileGrants.ts';
import { describeError } from './describeError.ts';
import { rendererLocation } from '../window/rendererLocation.ts';
import { EngineRequestError, EngineUnavailableError } from '../engineHost/engineClient.ts';

const renderer = rendererLocation({ appPath: '/app', isPackaged: true });
const OUR_PAGE = 'file:///app/dist/renderer/index.html';
const WINDOW_ID = 3;

const event = (
  over: Partial<{ id: number; url: string; parent: unknown; frame: null }> = {},
): InvokeEventLike => ({
  sender: { id: over.id ?? WINDOW_ID },
  senderFrame: over.frame === null ? null : { url: over.url ?? OUR_PAGE, parent: over.parent ?? null },
});

function setup(
  forward: (channel: string, args: unknown) => Promise<unknown> = async (c, a) => ({ engine: c, args: a }),
) {
  const forwarded: { channel: string; args: unknown }[] = [];
  const refused: string[] = [];
  const droppedFiles = createDroppedFileGrants();
  const gate = {
    mainWindowId: () => WINDOW_ID,
    renderer,
    droppedFiles,
    onRefused: (reason: string) => void refused.push(reason),
  };
  const dispatch = createInvokeDispatcher({
    ...gate,
    local: { 'app:info': async () => ({ version: '1.0.0', mode: 'demo', platform: 'linux' }) },
    forward: (channel, args) => {
      forwarded.push({ channel, args });
      return forward(channel, args);
    },
    describeError,
  });
  return { dispatch, forwarded, refused, dropped: createDroppedFilesHandler(gate) };
}

describe('IPC: only our page in the main window’s top frame is answered', () => {
  it('answers our page', async () => {
    const t = setup();
    await expect(t.dispatch(event(), 'app:info', {})).resolves.toEqual({
      ok: true,
      value: { version: '1.0.0', mode: 'demo', platform: 'linux' },
    });
  });

  it.each([
    ['another window', event({ id: 99 }), /did not come from the main window/],
    ['a subframe of our page', event({ parent: { url: OUR_PAGE } }), /subframe/],
    ['a frame that is gone', event({ frame: null }), /frame is gone/],
    ['a page that is not ours', event({ url: 'https://evil.example.com/' }), /is not ours/],
    ['another local file', event({ url: 'file:///tmp/evil.html' }), /is not ours/],
  ])('refuses a call from %s before any handler runs', async (_what, e, reason) => {
    const t = setup();
    const reply = await t.dispatch(e, 'sync:now', {});
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(reason) },
    });
    expect(t.forwarded).toEqual([]);
    expect(t.refused).toHaveLength(1);
  });
});

describe('IPC: every call is validated by the contract’s schema', () => {
  it('refuses an unknown channel', async () => {
    const t = setup();
    expect(await t.dispatch(event(), 'fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: 'Unknown IPC channel "fs:readFile"' },
    });
    expect(t.forwarded).toEqual([]);
  });

  it('refuses bad arguments, naming each field, and runs nothing', async () => {
    const t = setup();
    const reply = await t.dispatch(event(), 'cases:list', { limit: 5000, text: 42, extra: true });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.kind).toBe('invalid_request');
    expect(reply.error.message).toMatch(/^Invalid arguments for cases:list: /);
    expect(reply.error.message).toMatch(/limit/);
    expect(reply.error.message).toMatch(/text/);
    expect(t.forwarded).toEqual([]);
  });

  it('forwards the parsed arguments (with defaults) to the engine', async () => {
    const t = setup();
    await t.dispatch(event(), 'cases:list', { text: 'ACME' });
    expect(t.forwarded).toEqual([{ channel: 'cases:list', args: { text: 'ACME', limit: 100, offset: 0 } }]);
  });

  it('treats missing arguments as an empty object', async () => {
    const t = setup();
    expect(await t.dispatch(event(), 'health:get', undefined)).toMatchObject({ ok: true });
  });
});

describe('IPC: failures come back as values the window can show', () => {
  it('says the engine is unavailable when its process is restarting', async () => {
    const t = setup(async () => {
      throw new EngineUnavailableError(
        'The sync engine stopped unexpectedly (exit code 1). Partner Desk is restarting it.',
      );
    });
    expect(await t.dispatch(event(), 'cases:counts', {})).toEqual({
      ok: false,
      error: {
        kind: 'engine_unavailable',
        message: 'The sync engine stopped unexpectedly (exit code 1). Partner Desk is restarting it.',
      },
    });
  });

  it('passes the engine’s own refusal through', async () => {
    const t = setup(async () => {
      throw new EngineRequestError('invalid_request', 'Dead letter #4 is no longer waiting.');
    });
    expect(await t.dispatch(event(), 'outbox:retry', { id: 4 })).toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: 'Dead letter #4 is no longer waiting.' },
    });
  });

  it('names an unexpected error as such', async () => {
    const t = setup(async () => {
      throw new TypeError('x is undefined');
    });
    expect(await t.dispatch(event(), 'partners:list', {})).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'Something went wrong in Partner Desk: x is undefined' },
    });
  });
});

describe('IPC: uploads send only what the person dropped', () => {
  it('uploads paths the preload reported from a drop', async () => {
    const t = setup();
    expect(t.dropped(event(), ['/home/desk/pod.pdf'])).toEqual({ ok: true, value: null });
    expect(
      await t.dispatch(event(), 'documents:upload', { caseId: 'exc:E-1', paths: ['/home/desk/pod.pdf'] }),
    ).toMatchObject({
      ok: true,
    });
    expect(t.forwarded).toEqual([
      { channel: 'documents:upload', args: { caseId: 'exc:E-1', paths: ['/home/desk/pod.pdf'] } },
    ]);
  });

  it('refuses a path that was never dropped, naming the file, and sends nothing', async () => {
    const t = setup();
    t.dropped(event(), ['/home/desk/pod.pdf']);
    const reply = await t.dispatch(event(), 'documents:upload', {
      caseId: 'exc:E-1',
      paths: ['/home/desk/pod.pdf', '/home/desk/.ssh/id_rsa'],
    });
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        message: 'Only files dropped on the window can be uploaded; these were not: id_rsa.',
      },
    });
    expect(t.forwarded).toEqual([]);
  });

  it('takes the report of dropped files only from our page, and only as a list of paths', () => {
    const t = setup();
    expect(t.dropped(event({ url: 'https://evil.example.com/' }), ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(t.dropped(event(), '/etc/passwd')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(t.dropped(event(), [''])).toMatchObject({ ok: false });
  });
});
