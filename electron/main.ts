// The Electron main process: one instance, then the desktop app (electron/shell/app/desktopApp.ts).
// Bundled by Vite (vite.main.config.ts) to dist-electron/main.js, beside the preload and the engine host.
import { join } from 'node:path';
import { app } from 'electron';
import { startDesktopApp, type DesktopApp } from './shell/app/desktopApp.ts';

// Every renderer sandboxed, whatever its options say (the window's options say so too).
app.enableSandbox();
// Tests and support can run the app on a data folder of their own.
if (process.env.PARTNER_DESK_USER_DATA) app.setPath('userData', process.env.PARTNER_DESK_USER_DATA);

const here = import.meta.dirname;
// Packaged, the icons are unpacked beside the asar archive (electron-builder.yml): the OS reads them itself.
const buildDir = join(here, '..', 'build').replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');

if (!app.requestSingleInstanceLock()) {
  // Another Partner Desk is running on this data folder: it shows its window (second-instance) instead.
  app.quit();
} else {
  let desk: DesktopApp | null = null;
  app.on('second-instance', () => desk?.showWindow());
  void app.whenReady().then(() => {
    desk = startDesktopApp({
      preload: join(here, 'preload.cjs'),
      engineHost: join(here, 'engineHost.js'),
      appIcon: join(buildDir, 'icon.png'),
      trayIcon: join(buildDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    });
  });
}
