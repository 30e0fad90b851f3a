// The main window's options. Every webPreferences line here is an item of the Electron security
// checklist; a test pins each one, so a relaxed flag fails the build rather than shipping.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  preloadPath: string;
  iconPath?: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Partner Desk',
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    // Shown once the page has painted (ready-to-show), or kept hidden when started at login.
    show: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the drop zone must not replace the page with the file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
