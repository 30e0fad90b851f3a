// The one window: built from the tested options, loaded from our own files, hidden (not closed) when
// the person closes it so the app lives on in the tray, and reloaded if its renderer process dies.
// Events for a page that is still loading are held: only the last navigate and engine state matter.
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from '../security/windowOptions.ts';
import type { EventChannel, EventChannels } from '../../../shared/ipc/contract.ts';
import type { RendererLocation } from './rendererLocation.ts';

export interface MainWindowOptions {
  renderer: RendererLocation;
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
  /** Show the window once painted (false when started at login: it stays in the tray). */
  showWhenReady: boolean;
  warn(message: string): void;
}

export interface MainWindow {
  show(): void;
  send<E extends EventChannel>(event: E, payload: EventChannels[E]): void;
  /** Shows the window on a target (a notification click, a tray menu item). */
  open(target: string): void;
  webContentsId(): number | null;
  /** The app is quitting: let the window close for real. */
  allowClose(): void;
}

const HELD_UNTIL_LOADED: ReadonlySet<EventChannel> = new Set(['navigate', 'engine:hostState']);

export function createMainWindow(options: MainWindowOptions): MainWindow {
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      iconPath: options.iconPath,
      devTools: options.devTools,
    }),
  );
  let closing = false;
  let loaded = false;
  const held = new Map<EventChannel, unknown>();

  const load = () =>
    (options.renderer.kind === 'file'
      ? win.loadFile(options.renderer.indexPath)
      : win.loadURL(options.renderer.url)
    ).catch((e: unknown) => options.warn(`The window could not load its page: ${String(e)}`));

  win.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    win.hide();
  });
  win.once('ready-to-show', () => {
    if (options.showWhenReady) win.show();
  });
  win.webContents.on('did-start-loading', () => (loaded = false));
  win.webContents.on('did-finish-load', () => {
    loaded = true;
    for (const [event, payload] of held) win.webContents.send(event, payload);
    held.clear();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (closing || details.reason === 'clean-exit') return;
    options.warn(`The window's renderer stopped (${details.reason}); reloading it`);
    setTimeout(() => !win.isDestroyed() && void load(), 1_000);
  });
  void load();

  const send: MainWindow['send'] = (event, payload) => {
    if (win.isDestroyed()) return;
    if (loaded) win.webContents.send(event, payload);
    else if (HELD_UNTIL_LOADED.has(event)) held.set(event, payload);
  };

  return {
    show() {
      if (win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    send,
    open(target) {
      this.show();
      send('navigate', { target });
    },
    webContentsId: () => (win.isDestroyed() ? null : win.webContents.id),
    allowClose() {
      closing = true;
    },
  };
}
