// Runs the shell's real entry point (electron/main.ts) on the recording fake of Electron, and gives a
// test the handles it needs: the window, the installed hooks, and calls into IPC from chosen senders.
// The test file must mock 'electron' (and electron-store, keytar) with the fakes in this folder.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { recorded, type FakeBrowserWindow, type FakeWebContents } from './fakeElectron.ts';

export { keychain } from './fakeKeytar.ts';

export interface Shell {
  /** Where main.ts points the window's preload. */
  preloadPath: string;
}

const electronDir = fileURLToPath(new URL('../../../', import.meta.url));

async function settle(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error(`the shell did not get to: ${what}`);
}

export async function bootShell(): Promise<Shell> {
  await import('../../../main.ts');
  await settle('its window', () => recorded.windows.length > 0);
  await settle(
    'a ready engine',
    () =>
      recorded.windows[0]!.webContents.sent.some(
        (s) => s.channel === 'engine:hostState' && (s.payload as { state?: string }).state === 'ready',
      ) || recorded.engineMessages.some((m) => (m as { type: string }).type === 'invoke'),
  );
  return { preloadPath: join(electronDir, 'preload.cjs') };
}

/** Quits as the app does (before-quit, will-quit), so the engine client and timers stop. */
export async function quitShell(): Promise<void> {
  const fire = (event: string) => {
    for (const l of recorded.appListeners.get(event) ?? [])
      (l as (e: { preventDefault(): void }) => void)({ preventDefault: () => {} });
  };
  fire('before-quit');
  fire('will-quit');
  await settle('quit', () => recorded.calls.some((c) => c.what === 'app.quit'));
}

export function ourWindow(): FakeBrowserWindow {
  const win = recorded.windows[0];
  if (!win) throw new Error('the shell built no window');
  return win;
}

type HeaderHook = (details: Record<string, unknown>, callback: (answer: unknown) => void) => void;

/** The session's response-header hook; there must be exactly one, with no URL filter. */
export function headerHook(): HeaderHook {
  if (recorded.headerHooks.length !== 1)
    throw new Error(`expected one onHeadersReceived hook, found ${recorded.headerHooks.length}`);
  const { filterOrHook, hook } = recorded.headerHooks[0]!;
  if (typeof filterOrHook !== 'function' || hook !== undefined)
    throw new Error('the CSP hook is installed with a URL filter: some responses would escape it');
  return filterOrHook as HeaderHook;
}

/** Emits a navigation-type event on a web contents; reports whether a handler prevented it. */
export function navigationEvent(
  contents: FakeWebContents,
  name: string,
  url: string,
  extra: Record<string, unknown> = {},
): { prevented: boolean } {
  const result = { prevented: false };
  const event = { url, isMainFrame: true, ...extra, preventDefault: () => void (result.prevented = true) };
  contents.emit(name, event, url);
  return result;
}

export type Sender = 'ours' | 'a subframe' | 'another window' | 'another page';

/** Calls an IPC handler the shell registered, as the given sender would. */
export async function callFrom(from: Sender, channel: string, args: unknown): Promise<unknown> {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  const win = ourWindow();
  const page = win.loaded?.file ? pathToFileURL(win.loaded.file).href : (win.loaded?.url ?? '');
  const event = {
    sender: { id: from === 'another window' ? win.webContents.id + 1000 : win.webContents.id },
    senderFrame: {
      url: from === 'another page' ? 'https://evil.example.com/' : page,
      parent: from === 'a subframe' ? { url: page } : null,
    },
  };
  return (handler as (e: unknown, a: unknown) => Promise<unknown>)(event, args);
}
