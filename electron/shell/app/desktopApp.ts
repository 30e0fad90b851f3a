// The desktop app, put together: settings and keychain in the main process, the engine in its own
// process, the window, the tray and native notifications, each from its own module. main.ts calls
// startDesktopApp once Electron is ready; everything here is wiring, the decisions live in the modules.
import { app, dialog, session, shell } from 'electron';
import { openElectronSettingsStore } from '../settings/electronSettingsStore.ts';
import { createKeytarVault } from '../vault/keytarVault.ts';
import { rendererLocation } from '../window/rendererLocation.ts';
import { createMainWindow } from '../window/mainWindow.ts';
import { lockDownNavigation, lockDownSession } from '../security/lockDown.ts';
import { parseExternalLinkPolicy, withConnectionOrigins } from '../security/externalLinks.ts';
import { createEngineClient } from '../engineHost/engineClient.ts';
import { forkEngineProcess } from '../engineHost/engineProcess.ts';
import { createDroppedFilesHandler, createInvokeDispatcher } from '../ipc/invokeDispatch.ts';
import { createDroppedFileGrants } from '../ipc/droppedFileGrants.ts';
import { describeError } from '../ipc/describeError.ts';
import { registerInvokeHandlers } from '../ipc/registerIpc.ts';
import { createTrayController } from '../tray/trayController.ts';
import { createAttentionWatcher } from '../tray/attentionWatcher.ts';
import type { TrayAction } from '../tray/trayMenuModel.ts';
import { createMainHandlers } from './mainHandlers.ts';
import { engineCredentialAccess } from './engineCredentials.ts';
import { createDesktopNotifications } from './desktopNotifications.ts';
import { engineSettingsKey } from './engineSettingsKey.ts';
import { loginItemSettings, startedAtLogin, supportsLoginItems } from './loginItem.ts';
import { APP_ID, INBOX_TARGET, SETTINGS_TARGET } from './appIdentity.ts';
import { engineFailureDialog, firstTimeOnly, unsavedSettingsDialog } from './startupProblems.ts';

export interface DesktopAppPaths {
  /** dist-electron/preload.cjs */
  preload: string;
  /** dist-electron/engineHost.js */
  engineHost: string;
  appIcon: string;
  /** The tray icon: a template image on macOS, a coloured one elsewhere. */
  trayIcon: string;
}

export interface DesktopApp {
  showWindow(): void;
}

const warn = (message: string) => console.warn(`[partner-desk] ${message}`);
// Start failures already shown in a dialog (the window's banner keeps showing them).
const firstFailure = firstTimeOnly();

export function startDesktopApp(paths: DesktopAppPaths): DesktopApp | null {
  const opened = openElectronSettingsStore();
  if (!opened.ok) {
    dialog.showErrorBox('Partner Desk cannot start', opened.error.message);
    app.exit(1);
    return null;
  }
  const settings = opened.store;
  const vault = createKeytarVault();
  app.setAppUserModelId(APP_ID);

  const renderer = rendererLocation({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    devServerUrl: process.env.PD_RENDERER_URL,
  });
  const baseLinks = parseExternalLinkPolicy({});
  const linkPolicy = () => {
    const c = settings.get().connections;
    return c.mode === 'live'
      ? withConnectionOrigins(baseLinks, [c.xconnector.baseUrl, c.tradingGrid.baseUrl])
      : baseLinks;
  };
  const openExternal = (url: string) => shell.openExternal(url);
  lockDownSession(session.defaultSession);
  lockDownNavigation(app, {
    renderer,
    links: linkPolicy,
    openExternal,
    onRefused: (what, url, reason) => warn(`refused ${what} to ${url.slice(0, 200)}: ${reason}`),
  });

  const hidden = startedAtLogin(
    process.argv,
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  );
  const win = createMainWindow({
    renderer,
    preloadPath: paths.preload,
    iconPath: paths.appIcon,
    devTools: !app.isPackaged,
    showWhenReady: !hidden,
    warn,
  });

  let paused = false;
  const notifications = createDesktopNotifications({
    settings: settings.get().notifications,
    iconPath: paths.appIcon,
    open: (target) => win.open(target),
    warn,
  });

  const engine = createEngineClient({
    spawn: () => forkEngineProcess(paths.engineHost),
    init: () => ({
      dataDir: app.getPath('userData'),
      settings: settings.get(),
      appInfo: {
        version: app.getVersion(),
        mode: settings.get().connections.mode,
        platform: process.platform,
      },
      paused,
    }),
    credential: engineCredentialAccess(vault, () => settings.get()),
    onEvent: (channel, payload) => {
      win.send(channel, payload as never);
      attention.changed();
    },
    onNotify: (request) => void notifications.notify(request),
    onState: (state) => {
      win.send('engine:hostState', state);
      tray.update({ engine: state });
      // A start failure (a damaged or unwritable database, a full disk) needs the person: say it aloud.
      if (state.state === 'failed' && state.message && firstFailure(state.message))
        void dialog.showMessageBox(engineFailureDialog(state.message));
      if (state.state === 'ready') attention.changed();
    },
    warn,
  });

  /** Calls to the engine, noting pause and resume so the tray and a restarted engine follow them. */
  const toEngine = async (channel: string, args: unknown): Promise<unknown> => {
    const result = await engine.invoke(channel, args);
    if ((channel === 'sync:pause' || channel === 'sync:resume') && (result as { ok?: boolean }).ok) {
      paused = channel === 'sync:pause';
      tray.update({ paused });
    }
    return result;
  };

  const mainHandlers = createMainHandlers({
    settings,
    vault,
    version: app.getVersion(),
    platform: process.platform,
    linkPolicy,
    openExternal,
    credentialsChanged: (system) => engine.credentialsChanged(system),
    warn,
  });
  const gate = {
    mainWindowId: () => win.webContentsId(),
    renderer,
    droppedFiles: createDroppedFileGrants(),
    onRefused: (reason: string, channel: string) => warn(`refused a call to ${channel}: ${reason}`),
  };
  registerInvokeHandlers(
    createInvokeDispatcher({ ...gate, local: mainHandlers, forward: toEngine, describeError }),
    createDroppedFilesHandler(gate),
  );

  const runTrayAction = (action: TrayAction) => {
    const report = (p: Promise<unknown>) =>
      void p.catch((e: unknown) => warn(`${action}: ${e instanceof Error ? e.message : String(e)}`));
    switch (action) {
      case 'open-inbox':
        return win.open(INBOX_TARGET);
      case 'settings':
        return win.open(SETTINGS_TARGET);
      case 'sync-now':
        return report(toEngine('sync:now', {}));
      case 'pause-sync':
        return report(toEngine('sync:pause', {}));
      case 'resume-sync':
        return report(toEngine('sync:resume', {}));
      case 'quit':
        return app.quit();
    }
  };
  const tray = createTrayController({
    iconPath: paths.trayIcon,
    initial: {
      attention: null,
      paused,
      engine: engine.state(),
      mode: settings.get().connections.mode,
      platform: process.platform,
    },
    onAction: runTrayAction,
    onClick: () => win.show(),
  });
  const attention = createAttentionWatcher({
    invoke: (channel, args) => engine.invoke(channel, args),
    onChange: (a) => tray.update({ attention: a }),
  });

  const applyLoginItem = (startAtLogin: boolean) => {
    if (supportsLoginItems(process.platform) && app.isPackaged)
      app.setLoginItemSettings(loginItemSettings(startAtLogin));
  };
  let engineKey = engineSettingsKey(settings.get());
  settings.onChange((next) => {
    notifications.updateSettings(next.notifications);
    applyLoginItem(next.startAtLogin);
    tray.update({ mode: next.connections.mode });
    const key = engineSettingsKey(next);
    if (key !== engineKey) {
      engineKey = key;
      void engine.restart();
    }
  });

  if (settings.unsaved) void dialog.showMessageBox(unsavedSettingsDialog(settings.unsaved));
  if (settings.loaded.recovered)
    void dialog.showMessageBox({
      type: 'warning',
      title: 'Settings reset',
      message: 'Partner Desk could not use its settings file and started from the defaults.',
      detail: `${settings.loaded.reason}\n\nThe old file was kept as:\n${settings.loaded.backupPath}`,
    });

  let engineStopped = false;
  app.on('before-quit', () => win.allowClose());
  app.on('will-quit', (event) => {
    if (engineStopped) return;
    // Quit waits for the engine to close its database and connections (bounded by the client's timeout).
    event.preventDefault();
    attention.stop();
    notifications.dispose();
    void engine.stop().finally(() => {
      engineStopped = true;
      tray.destroy();
      app.quit();
    });
  });
  // The app lives in the tray: closing the last window is not quitting.
  app.on('window-all-closed', () => {});
  app.on('activate', () => win.show());

  applyLoginItem(settings.get().startAtLogin);
  engine.start();
  attention.start();
  return { showWindow: () => win.show() };
}
