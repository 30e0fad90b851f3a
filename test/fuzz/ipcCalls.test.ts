// Every window call of the IPC contract, with generated and mutated arguments, through the real gate
// (the main process's validating dispatcher) into the real desk service of a real engine on a real
// SQLite file: a refused call gets a typed, clear error, reaches nothing, and changes nothing stored.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels, parseInvokeArgs, type InvokeChannel } from '../../shared/ipc/contract.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { createDeskService, IpcRequestError, type DeskService } from '../../electron/service/deskService.ts';
import { createInvokeDispatcher, type InvokeEventLike } from '../../electron/shell/ipc/invokeDispatch.ts';
import { createDroppedFileGrants } from '../../electron/shell/ipc/droppedFileGrants.ts';
import { describeError } from '../../electron/shell/ipc/describeError.ts';
import { EngineRequestError } from '../../electron/shell/engineHost/engineClient.ts';
import { rendererLocation } from '../../electron/shell/window/rendererLocation.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { expectClearMessage } from './clearError.ts';
import { hostileValue, hostileVariantOf, prototypesClean } from './hostileJson.ts';

/** A valid argument object for every call of the contract. */
const VALID_ARGS: Readonly<Record<InvokeChannel, unknown>> = {
  'app:info': {},
  'cases:list': { partnerId: 'P-1', status: 'OPEN', text: 'invoice', limit: 50, offset: 0 },
  'cases:counts': {},
  'cases:get': { caseId: 'case-1' },
  'cases:reply': { caseId: 'case-1', text: 'We are on it' },
  'documents:upload': { caseId: 'case-1', paths: ['/tmp/pd-dropped/pod.pdf'] },
  'partners:list': {},
  'transactions:failed': { partnerId: 'P-1', limit: 20, offset: 0 },
  'health:get': {},
  'outbox:deadLetters': { limit: 10, offset: 0 },
  'outbox:retry': { id: 1 },
  'outbox:discard': { id: 1 },
  'sync:now': {},
  'sync:pause': {},
  'sync:resume': {},
  'settings:get': {},
  'settings:update': { settings: { poll: { xconnectorIntervalMs: 30_000 } } },
  'credentials:set': { name: 'xconnector.apiKey', value: 'new-key' },
  'connections:test': { system: 'xconnector' },
  'shell:openExternal': { url: 'https://example.com/help' },
};

const renderer = rendererLocation({ appPath: '/app', isPackaged: true });
const OUR_PAGE = 'file:///app/dist/renderer/index.html';
const WINDOW_ID = 7;
const ourFrame: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: { url: OUR_PAGE, parent: null } };

let desk: TestDesk;
let db: DatabaseSync;
let service: DeskService;
const forwarded: string[] = [];
const refused: string[] = [];
const secretsWritten: string[] = [];
const settingsWritten: unknown[] = [];

const dispatch = createInvokeDispatcher({
  mainWindowId: () => WINDOW_ID,
  renderer,
  droppedFiles: createDroppedFileGrants(),
  onRefused: (reason) => void refused.push(reason),
  local: {},
  // As the engine host does: the desk service validates again, and its refusal comes back typed.
  forward: async (channel, args) => {
    forwarded.push(channel);
    try {
      return await service.invoke(channel, args);
    } catch (e) {
      if (e instanceof IpcRequestError) throw new EngineRequestError('invalid_request', e.message);
      throw e;
    }
  },
  describeError,
});

beforeAll(async () => {
  desk = await startDesk({ sim: { partners: 3, exceptions: 5, transactions: 5 } });
  await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
  service = createDeskService({
    engine: desk.engine,
    appInfo: { version: '0.0.0-test', mode: 'demo', platform: 'linux' },
    settings: {
      view: async () => ({ settings: {}, credentialsStored: {} as never, recovered: null }),
      update: async (input) => (settingsWritten.push(input), { ok: true }),
    },
    credentials: { set: async (name) => void secretsWritten.push(name) },
    emit: () => {},
  });
  db = new DatabaseSync(join(desk.dataDir, STORE_FILE), { readOnly: true });
}, 120_000);

afterAll(async () => {
  service?.dispose();
  db?.close();
  await desk?.close();
});

/** A digest of every row of every table: equal digests mean nothing stored changed. */
function storeDigest(): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** Arguments the contract refuses: mutated valid ones, hostile values, unknown keys, wrong shapes. */
function refusedArgs(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const valid = VALID_ARGS[channel];
  return fc
    .oneof(
      { weight: 4, arbitrary: hostileVariantOf(valid) },
      { weight: 1, arbitrary: hostileValue },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'prototype'), hostileValue)
          .map(([key, value]) => {
            const args = structuredClone(valid) as Record<string, unknown>;
            Object.defineProperty(args, key, { value, enumerable: true, configurable: true, writable: true });
            return args;
          }),
      },
    )
    .filter((args) => !parseInvokeArgs(channel, args).ok);
}

const channels = Object.keys(invokeChannels) as InvokeChannel[];

describe('bad input: every IPC call is validated before anything runs', () => {
  it('has valid arguments for every call of the contract (a new call must be added here)', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...channels].sort());
    for (const c of channels) expect(parseInvokeArgs(c, VALID_ARGS[c]).ok, c).toBe(true);
  });

  for (const channel of channels) {
    it(`${channel}: refused arguments get a typed, clear error and change nothing`, async () => {
      const before = storeDigest();
      const paused = desk.engine.isPaused();
      await fc.assert(
        fc.asyncProperty(refusedArgs(channel), async (args) => {
          forwarded.length = 0;
          const reply = await dispatch(ourFrame, channel, args);
          expect(reply.ok).toBe(false);
          if (reply.ok) return;
          expect(reply.error.kind).toBe('invalid_request');
          expectClearMessage(reply.error.message);
          expect(reply.error.message).toContain(channel);
          expect(forwarded).toEqual([]);
          // The engine's side refuses the same call on its own, with the same words.
          await expect(service.invoke(channel, args)).rejects.toThrow(IpcRequestError);
          expect(prototypesClean()).toBe(true);
        }),
        { numRuns: 100 },
      );
      expect(storeDigest()).toBe(before);
      expect(desk.engine.isPaused()).toBe(paused);
      expect(secretsWritten).toEqual([]);
      expect(settingsWritten).toEqual([]);
    }, 60_000);
  }

  it('refuses a channel the contract does not declare, whatever its name, reaching nothing', async () => {
    const before = storeDigest();
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'cases:list ', 'CASES:LIST'),
      hostileValue,
    );
    await fc.assert(
      fc.asyncProperty(names, hostileValue, async (channel, args) => {
        fc.pre(!(typeof channel === 'string' && Object.hasOwn(invokeChannels, channel)));
        forwarded.length = 0;
        const reply = await dispatch(ourFrame, channel, args);
        expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
        if (!reply.ok) expectClearMessage(reply.error.message);
        expect(forwarded).toEqual([]);
        await expect(service.invoke(channel, args)).rejects.toThrow(IpcRequestError);
      }),
      { numRuns: 150 },
    );
    expect(storeDigest()).toBe(before);
  });

  it('keeps the refusal short when the arguments hold thousands of problems or a megabyte-long key', async () => {
    const manyBadPaths = { caseId: 'case-1', paths: Array.from({ length: 10_000 }, () => 5) };
    const longKey = Object.fromEntries([
      ['caseId', 'case-1'],
      ['k'.repeat(1_000_000), 1],
    ]);
    for (const [channel, args] of [
      ['documents:upload', manyBadPaths],
      ['cases:get', longKey],
    ] as const) {
      const reply = await dispatch(ourFrame, channel, args);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
      if (!reply.ok) expectClearMessage(reply.error.message);
    }
    expect(forwarded).toEqual([]);
  });

  it('answers valid calls that only read with a value, through both gates', async () => {
    for (const channel of [
      'app:info',
      'cases:list',
      'cases:counts',
      'cases:get',
      'partners:list',
      'transactions:failed',
      'health:get',
      'outbox:deadLetters',
    ] as const) {
      const reply = await dispatch(ourFrame, channel, VALID_ARGS[channel]);
      expect(reply.ok, `${channel}: ${reply.ok ? '' : reply.error.message}`).toBe(true);
    }
  });
});

describe('bad input: calls from hostile frames are refused before validation', () => {
  const hostileUrls = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string(),
    fc.constantFrom(
      'file:///app/dist/renderer/../../evil.html',
      'file:///app/dist/renderer/index.html/../../../tmp/evil.html',
      'file:///app/dist/renderer/index%2Ehtml',
      'file:///app/dist/renderer/INDEX.HTML',
      'file:///app/dist/renderer/index.html%00.evil',
      'file://evil.example.com/app/dist/renderer/index.html',
      'file:///tmp/app/dist/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'blob:file:///app/dist/renderer/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'chrome-error://chromewebdata/',
      'http://localhost:5173/',
      'https://evil.example.com/app/dist/renderer/index.html',
      '',
    ),
  );

  it('refuses any other page, any subframe and any other window, and runs nothing', async () => {
    const before = storeDigest();
    await fc.assert(
      fc.asyncProperty(
        hostileUrls,
        fc.constantFrom<InvokeChannel>('sync:pause', 'outbox:discard', 'cases:reply'),
        fc.boolean(),
        fc.integer(),
        async (url, channel, asSubframe, senderId) => {
          fc.pre(url !== OUR_PAGE);
          forwarded.length = 0;
          const frames: InvokeEventLike[] = [
            {
              sender: { id: WINDOW_ID },
              senderFrame: { url, parent: asSubframe ? { url: OUR_PAGE } : null },
            },
            {
              sender: { id: senderId === WINDOW_ID ? senderId + 1 : senderId },
              senderFrame: { url: OUR_PAGE, parent: null },
            },
            { sender: { id: WINDOW_ID }, senderFrame: { url: OUR_PAGE, parent: { url } } },
          ];
          for (const frame of frames) {
            const reply = await dispatch(frame, channel, VALID_ARGS[channel]);
            expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
          }
          expect(forwarded).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    expect(storeDigest()).toBe(before);
    expect(desk.engine.isPaused()).toBe(false);
  });
});
