// Start at login (Settings → General). Windows and macOS only: Electron has no login items on Linux,
// where the desktop's own autostart settings apply. Started at login, the app stays in the tray.
import type { Settings } from 'electron';

export const STARTED_AT_LOGIN_FLAG = '--started-at-login';

export function loginItemSettings(startAtLogin: boolean): Settings {
  return { openAtLogin: startAtLogin, args: startAtLogin ? [STARTED_AT_LOGIN_FLAG] : [] };
}

export function supportsLoginItems(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/** Launched by the OS at login (Windows passes our flag; macOS says so itself): keep the window hidden. */
export function startedAtLogin(argv: readonly string[], macWasOpenedAtLogin: boolean): boolean {
  return argv.includes(STARTED_AT_LOGIN_FLAG) || macWasOpenedAtLogin;
}
